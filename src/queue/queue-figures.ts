import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { DIGEST_QUEUE } from "./digest-job-schema.ts";
import { FEED_QUEUE } from "./feed-job-schema.ts";
import { openQueue } from "./producer-queue.ts";
import { ASK_QUEUE } from "./queue-names.ts";
import { RETENTION_QUEUE } from "./retention-schedule.ts";

/** The job states a queue's depth is shown in. */
const STATES = ["waiting", "prioritized", "active", "delayed", "failed"] as const;

/** One queue's job counts by state, and how long its oldest waiting job has waited (undefined: none waits). */
export interface QueueFigures {
  queue: string;
  counts: Record<string, number>;
  oldestWaitingSeconds: number | undefined;
}

export interface QueueFigureReader {
  read(): Promise<QueueFigures[]>;
  close(): Promise<void>;
}

async function oldestWaitingSeconds(queue: Queue, now: number): Promise<number | undefined> {
  const [oldest] = await queue.getJobs(["wait", "prioritized"], 0, 0, true);
  return oldest ? Math.max(0, (now - oldest.timestamp) / 1_000) : undefined;
}

async function figuresOf(queue: Queue, now: () => number): Promise<QueueFigures> {
  const [counts, oldest] = await Promise.all([
    queue.getJobCounts(...STATES),
    oldestWaitingSeconds(queue, now()),
  ]);
  return { queue: queue.name, counts, oldestWaitingSeconds: oldest };
}

/** Every Briefbot queue's depth and oldest waiting job, read over `connection` (for /metrics). */
export function queueFigureReader(
  connection: Redis,
  namespace: string,
  now: () => number = Date.now,
): QueueFigureReader {
  const queues = [ASK_QUEUE, DIGEST_QUEUE, FEED_QUEUE, RETENTION_QUEUE].map((name) =>
    openQueue(name, connection, namespace),
  );
  return {
    read: () => Promise.all(queues.map((queue) => figuresOf(queue, now))),
    close: async () => void (await Promise.all(queues.map((queue) => queue.close()))),
  };
}
