import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll } from "vitest";
import { type RedisServerProcess, startRedisServer } from "../../src/store/embedded-redis-server.ts";

export interface ThrowawayRedis {
  url: string;
  port: number;
  directory: string;
  client(): Redis;
  /** Stops the server and starts it again on the same port and directory (AOF replays what was written). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A private redis-server on a free port, AOF on; tests never touch the machine's shared Redis. */
export async function startRedis(): Promise<ThrowawayRedis> {
  const directory = await mkdtemp(join(tmpdir(), "briefbot-redis-"));
  let server: RedisServerProcess = await startRedisServer({ directory });
  const clients: Redis[] = [];
  return {
    url: server.url,
    port: server.port,
    directory,
    client() {
      const redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
      redis.on("error", () => {});
      clients.push(redis);
      return redis;
    },
    async restart() {
      await server.stop();
      server = await startRedisServer({ directory, port: server.port });
    },
    async stop() {
      for (const redis of clients) redis.disconnect();
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * The test file's throwaway Redis: started before all its tests, stopped after them. Call it at the top of the
 * file; what it returns may be used inside tests and hooks, once the server has started.
 */
export function redisPerFile(): ThrowawayRedis {
  let redis: ThrowawayRedis | undefined;
  const current = (): ThrowawayRedis => {
    if (redis === undefined) throw new Error("the throwaway Redis starts in beforeAll");
    return redis;
  };
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  return {
    get url() {
      return current().url;
    },
    get port() {
      return current().port;
    },
    get directory() {
      return current().directory;
    },
    client: () => current().client(),
    restart: () => current().restart(),
    stop: () => current().stop(),
  };
}
