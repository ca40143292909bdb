import type { DeliveryRecord, Replier, ReplyTarget } from "../../core/chat.ts";
import type { Log } from "../../core/log.ts";
import type { Answer } from "../../core/types.ts";

export interface DraftStreamOptions {
  replier: Replier;
  target: ReplyTarget;
  jobId: string;
  /** Called once, before the first bullet is shown: ends the progress line, gives the record so far. */
  begin(): Promise<DeliveryRecord | undefined>;
  /** Stores the record after each bullet shown, so a re-run continues the same stream. */
  save(record: DeliveryRecord): Promise<void>;
  log: Log;
}

/**
 * An answer shown while the model writes it, where the platform can (Slack's agent view): each time more of
 * it is verified, the new bullets are shown, one call at a time and in order. A failure is logged and ends the
 * draft, never the answer: the final delivery shows whatever the draft did not.
 */
export class DraftStream {
  readonly #options: DraftStreamOptions;
  #chain: Promise<void> = Promise.resolve();
  #latest: Answer | undefined;
  #record: DeliveryRecord | undefined;
  #begun = false;
  #stopped = false;

  constructor(options: DraftStreamOptions) {
    this.#options = options;
  }

  /** Whether the replier shows drafts to this target at all. */
  static supported(replier: Replier, target: ReplyTarget): boolean {
    return replier.showDraft !== undefined && replier.showsDrafts?.(target) === true;
  }

  show(answerSoFar: Answer): void {
    if (this.#stopped) return;
    this.#latest = answerSoFar;
    this.#chain = this.#chain.then(() => this.#send());
  }

  /** Stops showing; waits for the call under way. The record of what was shown, undefined if nothing was. */
  async settle(): Promise<DeliveryRecord | undefined> {
    this.#stopped = true;
    await this.#chain;
    return this.#begun ? this.#record : undefined;
  }

  async #send(): Promise<void> {
    const answer = this.#latest;
    this.#latest = undefined;
    const { replier, target, jobId, save, log } = this.#options;
    if (answer === undefined || this.#stopped || !replier.showDraft) return;
    try {
      if (!this.#begun) {
        this.#begun = true;
        this.#record = await this.#options.begin();
      }
      const record = await replier.showDraft(target, answer, this.#record, jobId);
      this.#record = record;
      await save(record);
    } catch (error) {
      this.#stopped = true;
      log("draft_failed", { jobId, error: error instanceof Error ? error.message : String(error) });
    }
  }
}
