import { type Job, UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { DigestRequest } from "../core/chat.ts";
import { BriefingError, isBriefingError } from "../core/errors.ts";
import { DIGEST_QUEUE, digestRequestSchema, scheduledDigestSchema } from "./digest-job-schema.ts";
import { queuePrefix } from "./queue-names.ts";
import { ASK_ATTEMPTS, retryDelay } from "./retry-policy.ts";

/** One digest run: what to post, and the moment it stands for (a scheduled run's own time, not when it ran). */
export interface DigestRun {
  request: DigestRequest;
  /** For scheduled runs: the scheduler's time for this run; for `now`: when it was asked. */
  runAt: number;
  /** For scheduled runs: the subscription version the scheduler was made for. */
  version?: string;
}

export interface DigestWorkerOptions {
  connection: Redis;
  namespace: string;
  lockDurationMs?: number;
  run(run: DigestRun): Promise<void>;
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

function asBriefingError(error: unknown): BriefingError {
  if (isBriefingError(error)) return error;
  return new BriefingError("INTERNAL", error instanceof Error ? error.message : String(error), {
    cause: error,
  });
}

/** Runs scheduled and on-demand digests; several workers may run, one digest per subscription at a time. */
export function startDigestWorker(options: DigestWorkerOptions): Worker {
  const worker = new Worker(
    DIGEST_QUEUE,
    async (job) => {
      const run = runOf(job);
      try {
        await options.run(run);
      } catch (raw) {
        const error = asBriefingError(raw);
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? ASK_ATTEMPTS);
        options.log("digest_failed", {
          jobId: run.request.jobId,
          attempt: job.attemptsMade + 1,
          code: error.code,
          error: error.message,
        });
        if (!error.retryable || lastAttempt) {
          await options.giveUp(run, error);
          throw new UnrecoverableError(`${error.code}: ${error.message}`);
        }
        throw error;
      }
    },
    {
      connection: options.connection,
      prefix: queuePrefix(options.namespace),
      concurrency: 2,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: Math.max(1_000, Math.floor((options.lockDurationMs ?? 30_000) / 2)),
      maxStalledCount: 3,
      settings: { backoffStrategy: (attemptsMade, _type, error) => retryDelay(attemptsMade, error) },
    },
  );
  worker.on("error", (error) => options.log("worker_error", { error: error.message }));
  return worker;
}
