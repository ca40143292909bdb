import type { Worker } from "bullmq";
import type { Redis } from "ioredis";
import { RETENTION_QUEUE } from "./retention-schedule.ts";
import { runWithRetries } from "./run-with-retries.ts";
import { startBriefbotWorker } from "./worker-options.ts";

export interface RetentionWorkerOptions {
  connection: Redis;
  namespace: string;
  lockDurationMs?: number;
  /** One retention pass over the store. */
  run(): Promise<void>;
  log(event: string, fields: Record<string, unknown>): void;
}

/**
 * Runs the retention scheduler's jobs (and runs on demand), one at a time per process; with several workers,
 * each run goes to one of them. A failed pass is retried, then left to the next hour's.
 */
export function startRetentionWorker(options: RetentionWorkerOptions): Worker {
  return startBriefbotWorker(
    RETENTION_QUEUE,
    async (job) => {
      await runWithRetries(job, {
        failedEvent: "retention_failed",
        jobId: job.id ?? "retention",
        run: () => options.run(),
        giveUp: async () => {},
        log: options.log,
      });
    },
    options,
    1,
  );
}
