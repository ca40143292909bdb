import type { Redis } from "ioredis";
import { BriefingError } from "../core/errors.ts";
import type { ArticleStore, PutResult, StoreChanges } from "../core/ports.ts";
import type { Article, IngestedArticle } from "../core/types.ts";
import { parseStoredArticle } from "./stored-article-schema.ts";

/** One article write, atomically: dedupe by content hash, replace an older version, bump the sequence. */
const PUT_SCRIPT = `
local prefix, id, hash, json, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
if redis.call('EXISTS', prefix .. 'hash:' .. hash) == 1 then return 0 end
local old = redis.call('HGET', prefix .. 'hashes', id)
if old then redis.call('DEL', prefix .. 'hash:' .. old) end
redis.call('SET', prefix .. 'doc:' .. id, json)
redis.call('SET', prefix .. 'hash:' .. hash, id)
redis.call('HSET', prefix .. 'hashes', id, hash)
local seq = redis.call('INCR', prefix .. 'seq')
redis.call('ZADD', prefix .. 'log', seq, id)
redis.call('ZADD', prefix .. 'arrived', now, id)
redis.call('ZREM', prefix .. 'removed', id)
if old then return 2 end
return 1
`;

const REMOVE_SCRIPT = `
local prefix, id = ARGV[1], ARGV[2]
local hash = redis.call('HGET', prefix .. 'hashes', id)
if not hash then return 0 end
redis.call('DEL', prefix .. 'doc:' .. id, prefix .. 'hash:' .. hash)
redis.call('HDEL', prefix .. 'hashes', id)
redis.call('ZREM', prefix .. 'log', id)
redis.call('ZREM', prefix .. 'arrived', id)
local seq = redis.call('INCR', prefix .. 'seq')
redis.call('ZADD', prefix .. 'removed', seq, id)
return 1
`;

const FETCH_BATCH = 500;

/**
 * Articles in Redis. Keys share one hash tag so the scripts stay valid on Redis Cluster:
 * `{briefbot}:doc:<id>` (JSON), `{briefbot}:hash:<contentHash>` → id, `{briefbot}:hashes` id → hash,
 * `{briefbot}:seq`, `{briefbot}:log` (zset id by sequence), `{briefbot}:arrived` (zset id by arrival ms), `{briefbot}:removed` (zset id by sequence).
 */
export class RedisArticleStore implements ArticleStore {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, namespace = "briefbot") {
    this.#redis = redis;
    this.#prefix = `{${namespace}}:`;
  }

  async put(articles: readonly IngestedArticle[]): Promise<PutResult> {
    const result: PutResult = { added: 0, updated: 0, unchanged: 0 };
    if (articles.length === 0) return result;
    const pipeline = this.#redis.pipeline();
    const now = String(Date.now());
    for (const ingested of articles) {
      const { id, contentHash } = ingested.article;
      pipeline.eval(PUT_SCRIPT, 0, this.#prefix, id, contentHash, JSON.stringify(ingested), now);
    }
    const replies = await this.#guard(pipeline.exec());
    for (const [error, outcome] of replies ?? []) {
      if (error) throw new BriefingError("STORE_UNAVAILABLE", `Writing an article failed: ${error.message}`);
      if (outcome === 1) result.added++;
      else if (outcome === 2) result.updated++;
      else result.unchanged++;
    }
    return result;
  }

  async get(id: string): Promise<IngestedArticle | undefined> {
    const json = await this.#guard(this.#redis.get(`${this.#prefix}doc:${id}`));
    return json === null ? undefined : parseStoredArticle(json, id);
  }

  async list(): Promise<Article[]> {
    const ids = await this.#guard(this.#redis.zrange(`${this.#prefix}log`, "0", "-1"));
    return (await this.#fetch(ids)).map((ingested) => ingested.article);
  }

  async remove(id: string): Promise<boolean> {
    const removed = await this.#guard(this.#redis.eval(REMOVE_SCRIPT, 0, this.#prefix, id));
    return removed === 1;
  }

  async sequence(): Promise<number> {
    const value = await this.#guard(this.#redis.get(`${this.#prefix}seq`));
    return value === null ? 0 : Number(value);
  }

  async changesSince(sequence: number): Promise<StoreChanges> {
    const current = await this.sequence();
    if (current <= sequence) return { sequence: current, upserts: [], removedIds: [] };
    const [ids, removedIds] = await this.#guard(
      Promise.all([
        this.#redis.zrangebyscore(`${this.#prefix}log`, `(${sequence}`, "+inf"),
        this.#redis.zrangebyscore(`${this.#prefix}removed`, `(${sequence}`, "+inf"),
      ]),
    );
    return { sequence: current, upserts: await this.#fetch(ids), removedIds };
  }

  /** The sequence just before the first article that arrived at or after `instant` (ms): a digest cursor. */
  async sequenceBefore(instant: number): Promise<number> {
    const ids = await this.#guard(
      this.#redis.zrangebyscore(`${this.#prefix}arrived`, String(instant), "+inf", "LIMIT", 0, 10_000),
    );
    if (ids.length === 0) return await this.sequence();
    const sequences = await this.#guard(this.#redis.zmscore(`${this.#prefix}log`, ...ids));
    const known = sequences.filter((value): value is string => value !== null).map(Number);
    return known.length === 0 ? await this.sequence() : Math.min(...known) - 1;
  }

  async close(): Promise<void> {
    await this.#redis.quit().catch(() => this.#redis.disconnect());
  }

  async #fetch(ids: readonly string[]): Promise<IngestedArticle[]> {
    const articles: IngestedArticle[] = [];
    for (let offset = 0; offset < ids.length; offset += FETCH_BATCH) {
      const batch = ids.slice(offset, offset + FETCH_BATCH);
      const values = await this.#guard(this.#redis.mget(batch.map((id) => `${this.#prefix}doc:${id}`)));
      values.forEach((json, index) => {
        if (json !== null) articles.push(parseStoredArticle(json, batch[index] ?? "?"));
      });
    }
    return articles;
  }

  async #guard<T>(operation: Promise<T>): Promise<T> {
    try {
      return await operation;
    } catch (error) {
      if (error instanceof BriefingError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new BriefingError("STORE_UNAVAILABLE", `Redis is not reachable: ${reason}`, { cause: error });
    }
  }
}
