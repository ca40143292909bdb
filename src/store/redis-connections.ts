import { Redis, type RedisOptions } from "ioredis";
import { BriefingError } from "../core/errors.ts";

/**
 * Who holds a connection, and so how it behaves while Redis is away:
 * - producer (chat adapters): fails fast, so a Slack or Discord ack never waits on a Redis that is down;
 * - worker (BullMQ workers, stores used by jobs): waits for Redis to come back (BullMQ requires
 *   maxRetriesPerRequest: null for its blocking calls);
 * - command (one CLI run): connects once, fails with STORE_UNAVAILABLE when it cannot.
 */
export type RedisRole = "producer" | "worker" | "command";

const OPTIONS: Readonly<Record<RedisRole, RedisOptions>> = {
  producer: { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 },
  worker: { maxRetriesPerRequest: null },
  command: { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 1, retryStrategy: () => null },
};

/** The one place Briefbot opens a Redis connection. Errors are reported by the commands that fail, not as events. */
export function redisConnection(url: string, role: RedisRole): Redis {
  const redis = new Redis(url, OPTIONS[role]);
  redis.on("error", () => {});
  return redis;
}

/** A command connection, connected: a clear STORE_UNAVAILABLE when Redis cannot be reached. */
export async function connectedCommandRedis(url: string): Promise<Redis> {
  const redis = redisConnection(url, "command");
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    const reason = error instanceof Error ? error.message : String(error);
    throw new BriefingError("STORE_UNAVAILABLE", `Cannot reach Redis at ${url}: ${reason}`, { cause: error });
  }
  return redis;
}

/** Awaits a Redis operation; a failure that is not already a BriefingError becomes STORE_UNAVAILABLE. */
export async function guardRedis<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (error) {
    if (error instanceof BriefingError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new BriefingError("STORE_UNAVAILABLE", `Redis is not reachable: ${reason}`, { cause: error });
  }
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
