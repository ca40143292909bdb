import type { JobsOptions, Queue } from "bullmq";
import type { Redis } from "ioredis";
import { openQueue, schedulerUnavailable } from "./producer-queue.ts";

export const RETENTION_QUEUE = "retention";
/** One scheduler per deployment (namespace): every worker process upserts this same id. */
export const RETENTION_SCHEDULER_ID = "retention";
/** Hourly, at minute 7 UTC: out of the way of digests, which are mostly scheduled on the hour. */
export const RETENTION_PATTERN = "7 * * * *";
const RETENTION_ZONE = "UTC";

export const RETENTION_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: "platform" },
  removeOnComplete: { count: 48 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** The retention queue's producer side: its one job scheduler, and a run on demand. */
export class RetentionSchedule {
  readonly #queue: Queue;

  constructor(connection: Redis, namespace: string) {
    this.#queue = openQueue(RETENTION_QUEUE, connection, namespace);
  }

  /**
   * One hourly scheduler while retention is on, none when it is off. Idempotent, so every worker calls it at
   * start: an existing scheduler with the same pattern is left alone (its next run stays where it was).
   */
  async reconcile(enabled: boolean): Promise<void> {
    try {
      if (!enabled) {
        await this.#queue.removeJobScheduler(RETENTION_SCHEDULER_ID);
        return;
      }
      const existing = await this.#queue.getJobScheduler(RETENTION_SCHEDULER_ID);
      if (existing?.pattern === RETENTION_PATTERN && existing.tz === RETENTION_ZONE) return;
      await this.#queue.upsertJobScheduler(
        RETENTION_SCHEDULER_ID,
        { pattern: RETENTION_PATTERN, tz: RETENTION_ZONE },
        { name: "retention", data: {}, opts: RETENTION_JOB_OPTIONS },
      );
    } catch (error) {
      throw schedulerUnavailable("The retention scheduler", error);
    }
  }

  /** A run now, besides the scheduled ones (an operator, a test). */
  async runNow(): Promise<void> {
    try {
      await this.#queue.add("retention-now", {}, RETENTION_JOB_OPTIONS);
    } catch (error) {
      throw schedulerUnavailable("The retention scheduler", error);
    }
  }

  /** When the next scheduled run is due (ms); undefined without a scheduler. */
  async nextRunAt(): Promise<number | undefined> {
    try {
      return (await this.#queue.getJobScheduler(RETENTION_SCHEDULER_ID))?.next ?? undefined;
    } catch (error) {
      throw schedulerUnavailable("The retention scheduler", error);
    }
  }

  async close(): Promise<void> {
    await this.#queue.close();
  }
}
