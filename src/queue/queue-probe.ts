import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { openQueue } from "./producer-queue.ts";
import { ASK_QUEUE } from "./queue-names.ts";

/** Whether the ask queue answers: one cheap count, the call every producer and worker depends on. */
export class QueueProbe {
  readonly #queue: Queue;

  constructor(connection: Redis, namespace: string) {
    this.#queue = openQueue(ASK_QUEUE, connection, namespace);
  }

  /** Resolves when the queue answered; rejects with the queue's (or Redis's) error otherwise. */
  async check(): Promise<void> {
    await this.#queue.getJobCounts("active");
  }

  async close(): Promise<void> {
    await this.#queue.close();
  }
}
