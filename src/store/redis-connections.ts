import { Redis, type RedisOptions } from "ioredis";

/** Producers (adapters) fail fast, so a Slack or Discord ack never waits on a Redis that is down. */
export function producerConnection(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 });
  redis.on("error", () => {});
  return redis;
}

/** Workers wait for Redis to come back (BullMQ requires maxRetriesPerRequest: null for blocking calls). */
export function workerConnection(url: string, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, ...options });
  redis.on("error", () => {});
  return redis;
}

/** Resolves once the connection is ready (a fail-fast producer refuses commands before that). */
export async function whenReady(redis: Redis, timeoutMs = 10_000): Promise<void> {
  if (redis.status === "ready") return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off("ready", onReady);
      reject(new Error(`Redis was not ready within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once("ready", onReady);
  });
}
