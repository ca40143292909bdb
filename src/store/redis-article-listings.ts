import type { Redis } from "ioredis";
import { z } from "zod";
import type { ArticleListings } from "../core/article-listings.ts";
import { guardRedis } from "./redis-connections.ts";

/** How long a channel's listing keeps meaning its numbers: a day. */
const KEEP_SECONDS = 24 * 3600;

const storedIds = z.array(z.string());

/** `{ns}:listing:<channel>`: the article ids `articles` last showed there, as JSON, for a day. */
export class RedisArticleListings implements ArticleListings {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, namespace: string) {
    this.#redis = redis;
    this.#prefix = `{${namespace}}:listing:`;
  }

  async remember(channelKey: string, articleIds: readonly string[]): Promise<void> {
    await guardRedis(
      this.#redis.set(`${this.#prefix}${channelKey}`, JSON.stringify(articleIds), "EX", KEEP_SECONDS),
    );
  }

  async shown(channelKey: string): Promise<string[] | undefined> {
    const raw = await guardRedis(this.#redis.get(`${this.#prefix}${channelKey}`));
    if (raw === null) return undefined;
    try {
      const parsed = storedIds.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}
