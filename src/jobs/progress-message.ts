import type { DeliveryRecord, Replier, ReplyTarget } from "../core/chat.ts";
import type { Log } from "../runtime/logger.ts";

export interface ProgressMessageOptions {
  replier: Replier;
  target: ReplyTarget;
  jobId: string;
  /** What earlier attempts of the job posted: their placeholder is reused. */
  record: DeliveryRecord | undefined;
  /** Stores the record once the placeholder exists, so a re-run edits it instead of posting another. */
  save(record: DeliveryRecord): Promise<void>;
  log: Log;
  /** Least time between two edits: chat platforms rate-limit edits too. */
  minIntervalMs?: number;
}

/**
 * The placeholder of a slow answer, edited as the work goes on: the first line is shown at once, later ones
 * at most once per interval (the newest wins). Edits run one at a time; a failed edit is logged, never thrown:
 * progress must not cost the answer.
 */
export class ProgressMessage {
  readonly #options: ProgressMessageOptions;
  readonly #minIntervalMs: number;
  #record: DeliveryRecord | undefined;
  #chain: Promise<void> = Promise.resolve();
  #lastShownAt = Number.NEGATIVE_INFINITY;
  #pending: string | undefined;
  #timer: NodeJS.Timeout | undefined;
  #shown: string | undefined;

  constructor(options: ProgressMessageOptions) {
    this.#options = options;
    this.#minIntervalMs = options.minIntervalMs ?? 1_000;
    this.#record = options.record;
  }

  show(text: string): void {
    if (text === this.#shown || text === this.#pending) return;
    this.#pending = text;
    const wait = this.#lastShownAt + this.#minIntervalMs - performance.now();
    if (wait <= 0) this.#flush();
    else this.#timer ??= setTimeout(() => this.#flush(), wait);
  }

  /**
   * Waits for the edits under way and returns the record with the placeholder. Lines not shown yet are dropped
   * (the answer replaces the placeholder), or with `flush` shown first: the last word before a retry.
   */
  async settle(options: { flush?: boolean } = {}): Promise<DeliveryRecord | undefined> {
    if (options.flush && this.#pending !== undefined) this.#flush();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = undefined;
    await this.#chain;
    return this.#record;
  }

  #flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const text = this.#pending;
    this.#pending = undefined;
    if (text === undefined) return;
    this.#lastShownAt = performance.now();
    this.#shown = text;
    this.#chain = this.#chain.then(() => this.#edit(text));
  }

  async #edit(text: string): Promise<void> {
    const { replier, target, jobId, save, log } = this.#options;
    try {
      const before = this.#record?.placeholderId;
      const record = await replier.showProgress(target, text, this.#record);
      this.#record = record;
      if (record.placeholderId !== before) await save(record);
    } catch (error) {
      log("progress_failed", { jobId, error: error instanceof Error ? error.message : String(error) });
    }
  }
}
