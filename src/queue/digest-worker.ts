import type { Job, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { DigestRun } from "../core/chat.ts";
import type { BriefingError } from "../core/errors.ts";
import { DIGEST_QUEUE, digestRequestSchema, scheduledDigestSchema } from "./digest-job-schema.ts";
import { readJobData, runWithRetries } from "./run-with-retries.ts";
import { startBriefbotWorker } from "./worker-options.ts";

/** One digest run: what to post, and the moment it stands for (a scheduled run's own time, not when it ran). */
export interface DigestWorkerOptions {
  connection: Redis;
  namespace: string;
  lockDurationMs?: number;
  /** `attempt` is 1 on the first run of the job, 2 on its first retry, and so on. */
  run(run: DigestRun, attempt: number): Promise<void>;
  giveUp(run: DigestRun, error: BriefingError): Promise<void>;
  log(event: string, fields: Record<string, unknown>): void;
}

function runOf(job: Job): DigestRun {
  if (job.name === "digest") {
    const data = scheduledDigestSchema.parse(job.data);
    const runAt = job.opts.prevMillis ?? job.timestamp;
    return {
      request: {
        jobId: `digest-${data.subscriptionId}-${runAt}`,
        subscriptionId: data.subscriptionId,
        kind: "scheduled",
        requestedAt: runAt,
      },
      runAt,
      version: data.version,
    };
  }
  const request = digestRequestSchema.parse(job.data);
  return { request, runAt: request.requestedAt };
}

/** Runs scheduled and on-demand digests; several workers may run, one digest per subscription at a time. */
export function startDigestWorker(options: DigestWorkerOptions): Worker {
  return startBriefbotWorker(
    DIGEST_QUEUE,
    async (job) => {
      const run = readJobData(job, "digest_failed", options.log, () => runOf(job));
      await runWithRetries(job, {
        failedEvent: "digest_failed",
        jobId: run.request.jobId,
        run: () => options.run(run, job.attemptsMade + 1),
        giveUp: (error) => options.giveUp(run, error),
        log: options.log,
      });
    },
    options,
    2,
  );
}
