import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { type RunningServices, startServe } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import type { IngestedArticle } from "../../src/core/types.ts";
import { freePort } from "../../src/store/embedded-redis-server.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import type { ThrowawayRedis } from "./redis-server.ts";

export interface ServeOverRedis {
  services: RunningServices;
  /** The Slack HTTP receiver's request URL. */
  eventsUrl: string;
  stop(): Promise<void>;
}

/**
 * A real `serve` (adapters, workers, schedulers) in this process over a throwaway Redis, with `articles` in its
 * store and the given environment (platform and model URLs of the loopback fakes); its log lines go to `logs`.
 */
export async function serveOverRedis(
  redis: ThrowawayRedis,
  namespace: string,
  articles: readonly IngestedArticle[],
  environment: Record<string, string>,
  logs: string[],
): Promise<ServeOverRedis> {
  const dataDirectory = await mkdtemp(join(tmpdir(), "briefbot-serve-"));
  const client = new Redis(redis.url);
  await new RedisArticleStore(client, namespace).put(articles);
  client.disconnect();
  const port = await freePort();
  const services = await startServe(
    loadConfig({
      REDIS_URL: redis.url,
      BRIEFBOT_NAMESPACE: namespace,
      BRIEFBOT_DATA_DIR: dataDirectory,
      PORT: String(port),
      JOB_LOCK_MS: "10000",
      ...environment,
    }),
    (event, fields) => logs.push(`${event} ${JSON.stringify(fields)}`),
  );
  return {
    services,
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    async stop() {
      await services.stop();
      await rm(dataDirectory, { recursive: true, force: true });
    },
  };
}
