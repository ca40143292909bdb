import type { AskRequest, QuestionQueue } from "../../core/chat.ts";
import { type ChatLog, errorText } from "./chat-log.ts";

export const DEFAULT_ENQUEUE_RETRY_MS = 60_000;
/** Questions held at once; beyond this an unreachable queue is reported to the asker at once. */
export const OUTBOX_CAPACITY = 1_000;
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5_000;

interface Held {
  request: AskRequest;
  abandoned: (() => Promise<void>) | undefined;
  heldAt: number;
  attempts: number;
  nextAt: number;
}

export interface OutboxOptions {
  /** How long a question is retried before the asker is told it could not be queued. */
  retryMs?: number;
  capacity?: number;
  log: ChatLog;
  now?: () => number;
}

/**
 * A question queue that does not lose what an adapter has acknowledged: when the queue is not reachable (a
 * Redis restart), the question is held in memory and retried with backoff under the same job id, so a retry
 * after a half-done enqueue is still one job. After `retryMs`, or on close when it still cannot be queued, the
 * asker is told (`abandoned`); nothing is dropped silently.
 */
export class OutboxQuestionQueue implements QuestionQueue {
  readonly #queue: QuestionQueue;
  readonly #retryMs: number;
  readonly #capacity: number;
  readonly #log: ChatLog;
  readonly #now: () => number;
  readonly #held = new Map<string, Held>();
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> | undefined;
  #closed = false;

  constructor(queue: QuestionQueue, options: OutboxOptions) {
    this.#queue = queue;
    this.#retryMs = options.retryMs ?? DEFAULT_ENQUEUE_RETRY_MS;
    this.#capacity = options.capacity ?? OUTBOX_CAPACITY;
    this.#log = options.log;
    this.#now = options.now ?? Date.now;
  }

  /** Questions waiting for the queue. */
  get size(): number {
    return this.#held.size;
  }

  async ask(
    request: AskRequest,
    abandoned?: () => Promise<void>,
  ): Promise<{ enqueued: boolean; held?: boolean }> {
    try {
      return await this.#queue.ask(request);
    } catch (error) {
      if (this.#closed || this.#retryMs <= 0 || this.#held.size >= this.#capacity) throw error;
      const existing = this.#held.get(request.jobId);
      if (existing) return { enqueued: false, held: true };
      const now = this.#now();
      this.#held.set(request.jobId, {
        request,
        abandoned,
        heldAt: now,
        attempts: 1,
        nextAt: now + FIRST_RETRY_MS,
      });
      this.#log("question_held", { jobId: request.jobId, held: this.#held.size, error: errorText(error) });
      this.#schedule();
      return { enqueued: true, held: true };
    }
  }

  /**
   * Stops taking questions, retries what is held until `deadlineMs` from now, and tells the askers of what is
   * still held after that.
   */
  async close(deadlineMs = 5_000): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#flushing;
    const deadline = this.#now() + deadlineMs;
    while (this.#held.size > 0 && this.#now() < deadline) {
      await this.#flush(true);
      if (this.#held.size > 0) await new Promise((wake) => setTimeout(wake, FIRST_RETRY_MS));
    }
    for (const held of [...this.#held.values()]) await this.#abandon(held, "shutdown");
  }

  #schedule(): void {
    if (this.#closed || this.#timer || this.#held.size === 0) return;
    const next = Math.min(...[...this.#held.values()].map((held) => held.nextAt));
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#flushing = this.#flush(false).finally(() => {
          this.#flushing = undefined;
          this.#schedule();
        });
      },
      Math.max(0, next - this.#now()),
    );
  }

  async #flush(all: boolean): Promise<void> {
    for (const held of [...this.#held.values()]) {
      const now = this.#now();
      if (!all && held.nextAt > now) continue;
      try {
        const { enqueued } = await this.#queue.ask(held.request);
        this.#held.delete(held.request.jobId);
        this.#log("question_queued_late", {
          jobId: held.request.jobId,
          enqueued,
          attempts: held.attempts + 1,
          waitedMs: now - held.heldAt,
        });
      } catch (error) {
        held.attempts++;
        if (now - held.heldAt >= this.#retryMs) {
          await this.#abandon(held, errorText(error));
          continue;
        }
        held.nextAt = now + Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (held.attempts - 1));
      }
    }
  }

  async #abandon(held: Held, reason: string): Promise<void> {
    this.#held.delete(held.request.jobId);
    this.#log("queue_failed", { jobId: held.request.jobId, attempts: held.attempts, error: reason });
    await held.abandoned?.().catch(() => {});
  }
}
