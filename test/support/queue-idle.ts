import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { until } from "./until.ts";

/** A BullMQ queue of a namespace, for a test to watch (over the caller's connection, which it leaves open). */
export function watchQueue(connection: Redis, name: "ask" | "digest", namespace: string): Queue {
  const queue = new Queue(name, { connection, prefix: `{${namespace}}` });
  queue.on("error", () => {});
  return queue;
}

/**
 * Waits until no job of the queue is waiting or running, nor (unless `delayed: "scheduled"`) delayed for a
 * retry: nothing more will run, so what has been posted is all that will be. Call it after seeing the job's
 * work (a post), so the job had been taken. On a digest queue the delayed jobs are the schedulers' next runs:
 * pass `delayed: "scheduled"` to leave them out.
 */
export async function untilIdle(
  queue: Queue,
  what: string,
  options: { delayed?: "retries" | "scheduled"; timeoutMs?: number } = {},
): Promise<void> {
  await until(
    async () => {
      // Redis may be restarting: not reachable yet is not idle.
      const counts = await queue
        .getJobCounts("waiting", "active", "prioritized", "waiting-children", "delayed")
        .catch(() => undefined);
      if (!counts) return false;
      const retries = options.delayed === "scheduled" ? 0 : (counts.delayed ?? 0);
      const pending =
        (counts.waiting ?? 0) +
        (counts.active ?? 0) +
        (counts.prioritized ?? 0) +
        (counts["waiting-children"] ?? 0);
      return pending + retries === 0;
    },
    `${what}: the ${queue.name} queue to have nothing waiting, running or to retry`,
    options.timeoutMs,
  );
}
