import type { WorkerOptions } from "bullmq";
import type { Redis } from "ioredis";
import { queuePrefix } from "./queue-names.ts";
import { retryDelay } from "./retry-policy.ts";

export interface BriefbotWorkerSettings {
  connection: Redis;
  namespace: string;
  concurrency: number;
  lockDurationMs?: number | undefined;
}

/**
 * The settings every Briefbot worker shares: a dead worker's jobs are taken over after the lock lapses and a
 * stall check finds them (half the lock), at most 3 times; retries wait as the retry policy says.
 */
export function workerOptions(settings: BriefbotWorkerSettings): WorkerOptions {
  const lockDuration = settings.lockDurationMs ?? 30_000;
  return {
    connection: settings.connection,
    prefix: queuePrefix(settings.namespace),
    concurrency: settings.concurrency,
    lockDuration,
    stalledInterval: Math.max(1_000, Math.floor(lockDuration / 2)),
    maxStalledCount: 3,
    settings: { backoffStrategy: (attemptsMade, _type, error) => retryDelay(attemptsMade, error) },
  };
}
