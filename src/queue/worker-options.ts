import { type Processor, Worker, type WorkerOptions } from "bullmq";
import type { Redis } from "ioredis";
import { queuePrefix } from "./queue-names.ts";
import { retryDelay } from "./retry-policy.ts";

export interface BriefbotWorkerSettings {
  connection: Redis;
  namespace: string;
  concurrency: number;
  lockDurationMs?: number | undefined;
}

/** A worker renews its jobs' locks every half lock; a dead worker's lapse after JOB_LOCK_MS. */
export const DEFAULT_LOCK_MS = 15_000;
/** How often a worker looks for jobs whose lock lapsed: cheap (one script), and it bounds the takeover delay. */
const MAX_STALL_CHECK_MS = 5_000;

/**
 * The settings every Briefbot worker shares: a dead worker's jobs are taken over once the lock lapses and a
 * stall check finds them (every third of the lock, at most 5 s: a takeover within JOB_LOCK_MS + 5 s), at
 * most 3 times; retries wait as the retry policy says.
 */
export function workerOptions(settings: BriefbotWorkerSettings): WorkerOptions {
  const lockDuration = settings.lockDurationMs ?? DEFAULT_LOCK_MS;
  return {
    connection: settings.connection,
    prefix: queuePrefix(settings.namespace),
    concurrency: settings.concurrency,
    lockDuration,
    stalledInterval: Math.min(MAX_STALL_CHECK_MS, Math.max(1_000, Math.floor(lockDuration / 3))),
    maxStalledCount: 3,
    settings: { backoffStrategy: (attemptsMade, _type, error) => retryDelay(attemptsMade, error) },
  };
}

/** What a worker's caller passes on: where the queue is, the lock, and the log. */
export interface BriefbotWorkerHost {
  connection: Redis;
  namespace: string;
  lockDurationMs?: number | undefined;
  log(event: string, fields: Record<string, unknown>): void;
}

/** A worker on `queue` with the shared settings; its connection errors are logged as "worker_error". */
export function startBriefbotWorker(
  queue: string,
  processor: Processor,
  host: BriefbotWorkerHost,
  concurrency: number,
): Worker {
  const worker = new Worker(
    queue,
    processor,
    workerOptions({
      connection: host.connection,
      namespace: host.namespace,
      concurrency,
      lockDurationMs: host.lockDurationMs,
    }),
  );
  worker.on("error", (error) => host.log("worker_error", { error: error.message }));
  return worker;
}
