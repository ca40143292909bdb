import type { Redis } from "ioredis";
import { BriefingError } from "../core/errors.ts";
import { feedId } from "../core/feeds/feed-id.ts";
import {
  feedFollowerSchema,
  feedPollStateSchema,
  feedRecordSchema,
  seenItemSchema,
} from "../core/feeds/feed-record-schema.ts";
import {
  type FeedFollower,
  type FeedPollState,
  type FeedRecord,
  type FeedStore,
  SEEN_ITEMS_KEPT,
  type SeenItem,
} from "../core/feeds/feed-store.ts";
import { guardRedis } from "./redis-connections.ts";
import { parseStored } from "./stored-json.ts";

/** Removes a feed and everything kept about it but its articles, in one step. */
const REMOVE_SCRIPT = `
local prefix, id, url = ARGV[1], ARGV[2], ARGV[3]
if redis.call('HDEL', prefix .. 'feeds', id) == 0 then return 0 end
for _, channel in ipairs(redis.call('HKEYS', prefix .. 'feed-followers:' .. id)) do
  redis.call('ZREM', prefix .. 'channel-feeds:' .. channel, url)
end
for _, article in ipairs(redis.call('SMEMBERS', prefix .. 'feed-articles:' .. id)) do
  if redis.call('HGET', prefix .. 'article-feed', article) == url then
    redis.call('HDEL', prefix .. 'article-feed', article)
  end
end
redis.call('DEL', prefix .. 'feed:' .. id, prefix .. 'feed-state:' .. id, prefix .. 'feed-seen:' .. id,
  prefix .. 'feed-seen-at:' .. id, prefix .. 'feed-followers:' .. id, prefix .. 'feed-articles:' .. id,
  prefix .. 'feed-lock:' .. id)
return 1
`;

const SET_STATE_SCRIPT = `
local prefix, id, state = ARGV[1], ARGV[2], ARGV[3]
if redis.call('HEXISTS', prefix .. 'feeds', id) == 0 then return 0 end
redis.call('SET', prefix .. 'feed-state:' .. id, state)
return 1
`;

const FOLLOW_SCRIPT = `
local prefix, id, url, channel, follower, at = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
if redis.call('HEXISTS', prefix .. 'feeds', id) == 0 then return 0 end
if redis.call('HSETNX', prefix .. 'feed-followers:' .. id, channel, follower) == 0 then return 0 end
redis.call('ZADD', prefix .. 'channel-feeds:' .. channel, at, url)
return 1
`;

const UNFOLLOW_SCRIPT = `
local prefix, id, url, channel = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
redis.call('ZREM', prefix .. 'channel-feeds:' .. channel, url)
return redis.call('HDEL', prefix .. 'feed-followers:' .. id, channel)
`;

/** Forgets the oldest seen items past the bound. */
const TRIM_SEEN_SCRIPT = `
local prefix, id, keep = ARGV[1], ARGV[2], tonumber(ARGV[3])
local at = prefix .. 'feed-seen-at:' .. id
local excess = redis.call('ZCARD', at) - keep
if excess <= 0 then return 0 end
local oldest = redis.call('ZRANGE', at, 0, excess - 1)
redis.call('HDEL', prefix .. 'feed-seen:' .. id, unpack(oldest))
redis.call('ZREMRANGEBYRANK', at, 0, excess - 1)
return excess
`;

/**
 * The feed's articles that the article store still holds: RedisArticleStore keeps every article id in
 * `{ns}:hashes` (id → content hash), so a removed or expired article is not counted.
 */
const COUNT_ARTICLES_SCRIPT = `
local prefix, id = ARGV[1], ARGV[2]
local count = 0
for _, article in ipairs(redis.call('SMEMBERS', prefix .. 'feed-articles:' .. id)) do
  count = count + redis.call('HEXISTS', prefix .. 'hashes', article)
end
return count
`;

const UNLOCK_SCRIPT = `
if redis.call('GET', ARGV[1]) == ARGV[2] then return redis.call('DEL', ARGV[1]) end
return 0
`;

/**
 * Feeds in Redis, every key under the namespace's hash tag, by the feed's id (feedId of its URL):
 * `{ns}:feeds` (hash id → URL), `{ns}:feed:<id>` (JSON record without state), `{ns}:feed-state:<id>` (JSON poll
 * state), `{ns}:feed-seen:<id>` (hash item key → JSON seen item) with `{ns}:feed-seen-at:<id>` (zset key by time
 * last seen, for the bound), `{ns}:feed-followers:<id>` (hash channel key → JSON follower),
 * `{ns}:channel-feeds:<channel key>` (zset URL by time followed), `{ns}:feed-articles:<id>` (set of article ids),
 * `{ns}:article-feed` (hash article id → feed URL), `{ns}:feed-lock:<id>`.
 */
export class RedisFeedStore implements FeedStore {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, namespace: string) {
    this.#redis = redis;
    this.#prefix = `{${namespace}}:`;
  }

  async save(feed: FeedRecord): Promise<void> {
    const { state, ...record } = feedRecordSchema.parse(feed);
    const id = feedId(feed.url);
    await guardRedis(
      this.#redis
        .multi()
        .hset(`${this.#prefix}feeds`, id, feed.url)
        .set(`${this.#prefix}feed:${id}`, JSON.stringify(record))
        .set(`${this.#prefix}feed-state:${id}`, JSON.stringify(state))
        .exec(),
    );
  }

  async get(url: string): Promise<FeedRecord | undefined> {
    const id = feedId(url);
    const [record, state] = await guardRedis(
      this.#redis.mget(`${this.#prefix}feed:${id}`, `${this.#prefix}feed-state:${id}`),
    );
    if (record === null || record === undefined) return undefined;
    return this.#record(record, state ?? null, url);
  }

  async list(): Promise<FeedRecord[]> {
    const urls = Object.values(await guardRedis(this.#redis.hgetall(`${this.#prefix}feeds`))).sort();
    const feeds = await Promise.all(urls.map((url) => this.get(url)));
    return feeds.filter((feed) => feed !== undefined);
  }

  async remove(url: string): Promise<boolean> {
    const removed = await guardRedis(this.#redis.eval(REMOVE_SCRIPT, 0, this.#prefix, feedId(url), url));
    return removed === 1;
  }

  async setState(url: string, state: FeedPollState): Promise<void> {
    const json = JSON.stringify(feedPollStateSchema.parse(state));
    await guardRedis(this.#redis.eval(SET_STATE_SCRIPT, 0, this.#prefix, feedId(url), json));
  }

  async seenItems(url: string, keys: readonly string[]): Promise<Map<string, SeenItem>> {
    const found = new Map<string, SeenItem>();
    if (keys.length === 0) return found;
    const location = `${this.#prefix}feed-seen:${feedId(url)}`;
    const values = await guardRedis(this.#redis.hmget(location, ...keys));
    values.forEach((json, index) => {
      const key = keys[index];
      if (json !== null && key !== undefined)
        found.set(key, parseStored(json, "seen feed item", location, seenItemSchema));
    });
    return found;
  }

  async markSeen(url: string, items: readonly SeenItem[], now: number): Promise<void> {
    if (items.length === 0) return;
    const id = feedId(url);
    const pipeline = this.#redis.pipeline();
    for (const item of items) {
      pipeline.hset(`${this.#prefix}feed-seen:${id}`, item.key, JSON.stringify(item));
      pipeline.zadd(`${this.#prefix}feed-seen-at:${id}`, now, item.key);
    }
    pipeline.eval(TRIM_SEEN_SCRIPT, 0, this.#prefix, id, SEEN_ITEMS_KEPT);
    await this.#exec(pipeline, "Recording seen feed items");
  }

  async recordArticles(url: string, articleIds: readonly string[]): Promise<void> {
    if (articleIds.length === 0) return;
    const pipeline = this.#redis.pipeline();
    pipeline.sadd(`${this.#prefix}feed-articles:${feedId(url)}`, ...articleIds);
    for (const articleId of articleIds) pipeline.hset(`${this.#prefix}article-feed`, articleId, url);
    await this.#exec(pipeline, "Recording a feed's articles");
  }

  async feedOfArticle(articleId: string): Promise<string | undefined> {
    return (await guardRedis(this.#redis.hget(`${this.#prefix}article-feed`, articleId))) ?? undefined;
  }

  async articleIds(url: string): Promise<string[]> {
    return await guardRedis(this.#redis.smembers(`${this.#prefix}feed-articles:${feedId(url)}`));
  }

  async countArticles(url: string): Promise<number> {
    return Number(await guardRedis(this.#redis.eval(COUNT_ARTICLES_SCRIPT, 0, this.#prefix, feedId(url))));
  }

  async follow(url: string, follower: FeedFollower): Promise<boolean> {
    const json = JSON.stringify(feedFollowerSchema.parse(follower));
    const args = [this.#prefix, feedId(url), url, follower.channelKey, json, String(follower.followedAt)];
    return (await guardRedis(this.#redis.eval(FOLLOW_SCRIPT, 0, ...args))) === 1;
  }

  async unfollow(url: string, channelKey: string): Promise<boolean> {
    const args = [this.#prefix, feedId(url), url, channelKey];
    return (await guardRedis(this.#redis.eval(UNFOLLOW_SCRIPT, 0, ...args))) === 1;
  }

  async followers(url: string): Promise<FeedFollower[]> {
    const location = `${this.#prefix}feed-followers:${feedId(url)}`;
    const values = Object.values(await guardRedis(this.#redis.hgetall(location)));
    return values.map((json) => parseStored(json, "feed follower", location, feedFollowerSchema));
  }

  async followedBy(channelKey: string): Promise<string[]> {
    return await guardRedis(this.#redis.zrange(`${this.#prefix}channel-feeds:${channelKey}`, "0", "-1"));
  }

  async lock(url: string, owner: string, ttlMs: number): Promise<boolean> {
    const key = `${this.#prefix}feed-lock:${feedId(url)}`;
    return (await guardRedis(this.#redis.set(key, owner, "PX", ttlMs, "NX"))) === "OK";
  }

  async unlock(url: string, owner: string): Promise<void> {
    await guardRedis(this.#redis.eval(UNLOCK_SCRIPT, 0, `${this.#prefix}feed-lock:${feedId(url)}`, owner));
  }

  #record(recordJson: string, stateJson: string | null, url: string): FeedRecord {
    const location = `${this.#prefix}feed:${feedId(url)}`;
    const record = parseStored(recordJson, "feed", location) as Record<string, unknown>;
    const state =
      stateJson === null ? { consecutiveFailures: 0 } : parseStored(stateJson, "feed state", location);
    return parseStored(JSON.stringify({ ...record, state }), "feed", location, feedRecordSchema);
  }

  async #exec(pipeline: ReturnType<Redis["pipeline"]>, what: string): Promise<void> {
    for (const [error] of (await guardRedis(pipeline.exec())) ?? []) {
      if (error) throw new BriefingError("STORE_UNAVAILABLE", `${what} failed: ${error.message}`);
    }
  }
}
