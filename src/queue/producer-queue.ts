import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { BriefingError } from "../core/errors.ts";
import { queuePrefix } from "./queue-names.ts";

/** A producer's handle on one of the namespace's queues; connection errors surface in the calls that fail. */
export function openQueue(name: string, connection: Redis, namespace: string): Queue {
  const queue = new Queue(name, { connection, prefix: queuePrefix(namespace) });
  queue.on("error", () => {});
  return queue;
}

/** A failed scheduler call as QUEUE_UNAVAILABLE ("The feed scheduler is not reachable: ..."); a BriefingError passes through. */
export function schedulerUnavailable(scheduler: string, error: unknown): BriefingError {
  if (error instanceof BriefingError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new BriefingError("QUEUE_UNAVAILABLE", `${scheduler} is not reachable: ${reason}`, { cause: error });
}
