import type { DeliveryRecord, Replier, ReplyTarget } from "../../core/chat.ts";
import type { Log } from "../../core/log.ts";

export interface ProgressMessageOptions {
  replier: Replier;
  target: ReplyTarget;
  jobId: string;
  /** What earlier attempts of the job posted: their placeholder is reused. */
  record: DeliveryRecord | undefined;
  /** Stores the record once the placeholder exists, so a re-run edits it instead of posting another. */
  save(record: DeliveryRecord): Promise<void>;
  log: Log;
  /** Least time between the starts of two edits: chat platforms rate-limit edits too. */
  minIntervalMs?: number;
}

/**
 * The placeholder of a slow answer, edited as the work goes on: the first line is shown at once, later ones at
 * most once per interval. One edit is under way at a time and only the newest line waits for it, so a slow
 * platform shows fewer lines rather than a queue of stale ones. A failed edit is logged, never thrown: progress
 * must not cost the answer. Where no placeholder can be posted (a Slack channel the bot is not in), it stops.
 */
export class ProgressMessage {
  readonly #options: ProgressMessageOptions;
  readonly #minIntervalMs: number;
  #record: DeliveryRecord | undefined;
  #inFlight: Promise<void> | undefined;
  #lastStartedAt = Number.NEGATIVE_INFINITY;
  #pending: string | undefined;
  #timer: NodeJS.Timeout | undefined;
  #shown: string | undefined;
  #stopped = false;

  constructor(options: ProgressMessageOptions) {
    this.#options = options;
    this.#minIntervalMs = options.minIntervalMs ?? 1_000;
    this.#record = options.record;
  }

  show(text: string): void {
    if (this.#stopped || text === this.#shown || text === this.#pending) return;
    this.#pending = text;
    this.#schedule();
  }

  /**
   * Waits for the edit under way and returns the record with the placeholder. A line not shown yet is dropped
   * (the answer replaces the placeholder), or with `flush` shown first: the last word before a retry.
   */
  async settle(options: { flush?: boolean } = {}): Promise<DeliveryRecord | undefined> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const last = this.#pending;
    this.#pending = undefined;
    this.#stopped = true;
    await this.#inFlight;
    if (options.flush && last !== undefined) await this.#edit(last);
    return this.#record;
  }

  #schedule(): void {
    if (this.#inFlight || this.#timer || this.#pending === undefined) return;
    const wait = this.#lastStartedAt + this.#minIntervalMs - performance.now();
    if (wait <= 0) this.#start();
    else this.#timer = setTimeout(() => this.#start(), wait);
  }

  #start(): void {
    this.#timer = undefined;
    const text = this.#pending;
    this.#pending = undefined;
    if (text === undefined) return;
    this.#lastStartedAt = performance.now();
    this.#shown = text;
    this.#inFlight = this.#edit(text).finally(() => {
      this.#inFlight = undefined;
      if (!this.#stopped) this.#schedule();
    });
  }

  async #edit(text: string): Promise<void> {
    const { replier, target, jobId, save, log } = this.#options;
    try {
      const before = this.#record?.placeholderId;
      const record = await replier.showProgress(target, text, this.#record, jobId);
      this.#record = record;
      if (record.placeholderId === undefined && record.partsPosted === 0) this.#stopped = true;
      else if (record.placeholderId !== before) await save(record);
    } catch (error) {
      log("progress_failed", { jobId, error: error instanceof Error ? error.message : String(error) });
    }
  }
}
