import { endianness } from "node:os";
import type { Redis } from "ioredis";
import { byRecency, lookupLink, publishedInstant } from "../core/article-recency.ts";
import { collectionsOf, withCollections } from "../core/collections.ts";
import { BriefingError } from "../core/errors.ts";
import type { ArticleStore, PassageVectors, PutResult, StoreChanges } from "../core/ports.ts";
import { retentionInstant } from "../core/retention.ts";
import type { Article, IngestedArticle } from "../core/types.ts";
import { checkVectorShape } from "../core/vector-shape.ts";
import { guardRedis } from "./redis-connections.ts";
import { parseStoredArticle } from "./stored-article-schema.ts";

/**
 * One article write, atomically: dedupe by content hash, replace an older version (and drop its passage
 * vectors), bump the sequence. `dated` is the instant its retention counts from (core/retention.ts): its
 * arrival, so a new version starts a new term; unchanged content (same hash) keeps its arrival. ARGV[7] is
 * its published instant (ms, `-inf` undated) and ARGV[8] its canonical link ('' without one), for `newest`
 * and `withLink`. ARGV[9…] are the article's collections, added to the set `coll:<id>` (a record without one, from before collections,
 * is in `shared`): content already stored under another collection gains it (3) instead of being skipped (0).
 */
const PUT_SCRIPT = `
local prefix, id, hash, json, now, dated = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local function addCollections(target)
  local key = prefix .. 'coll:' .. target
  if redis.call('EXISTS', key) == 0 and redis.call('EXISTS', prefix .. 'doc:' .. target) == 1 then
    redis.call('SADD', key, 'shared')
  end
  local added = 0
  for index = 9, #ARGV do added = added + redis.call('SADD', key, ARGV[index]) end
  return added
end
local holder = redis.call('GET', prefix .. 'hash:' .. hash)
if holder then
  if addCollections(holder) == 0 then return 0 end
  local seq = redis.call('INCR', prefix .. 'seq')
  redis.call('ZADD', prefix .. 'log', seq, holder)
  return 3
end
addCollections(id)
local old = redis.call('HGET', prefix .. 'hashes', id)
if old then redis.call('DEL', prefix .. 'hash:' .. old) end
redis.call('DEL', prefix .. 'vec:' .. id)
redis.call('SET', prefix .. 'doc:' .. id, json)
redis.call('SET', prefix .. 'hash:' .. hash, id)
redis.call('HSET', prefix .. 'hashes', id, hash)
local seq = redis.call('INCR', prefix .. 'seq')
redis.call('ZADD', prefix .. 'log', seq, id)
redis.call('ZADD', prefix .. 'arrived', now, id)
redis.call('ZADD', prefix .. 'dated', dated, id)
redis.call('ZREM', prefix .. 'removed', id)
redis.call('ZADD', prefix .. 'published', ARGV[7], id)
local oldLink = redis.call('HGET', prefix .. 'linkof', id)
if oldLink then
  redis.call('SREM', prefix .. 'link:' .. oldLink, id)
  redis.call('HDEL', prefix .. 'linkof', id)
end
if ARGV[8] ~= '' then
  redis.call('SADD', prefix .. 'link:' .. ARGV[8], id)
  redis.call('HSET', prefix .. 'linkof', id, ARGV[8])
end
if old then return 2 end
return 1
`;

/** Lua shared by the removal scripts: one article and all that is kept about it; the removal takes a sequence. */
const REMOVE_ONE = `
local function removeOne(prefix, id)
  redis.call('ZREM', prefix .. 'dated', id)
  redis.call('ZREM', prefix .. 'published', id)
  local link = redis.call('HGET', prefix .. 'linkof', id)
  if link then
    redis.call('SREM', prefix .. 'link:' .. link, id)
    redis.call('HDEL', prefix .. 'linkof', id)
  end
  local hash = redis.call('HGET', prefix .. 'hashes', id)
  if not hash then return 0 end
  redis.call('DEL', prefix .. 'doc:' .. id, prefix .. 'hash:' .. hash, prefix .. 'vec:' .. id, prefix .. 'coll:' .. id)
  redis.call('HDEL', prefix .. 'hashes', id)
  redis.call('ZREM', prefix .. 'log', id)
  redis.call('ZREM', prefix .. 'arrived', id)
  local seq = redis.call('INCR', prefix .. 'seq')
  redis.call('ZADD', prefix .. 'removed', seq, id)
  return 1
end
`;

const REMOVE_SCRIPT = `${REMOVE_ONE}
return removeOne(ARGV[1], ARGV[2])
`;

/**
 * ARGV[3…] taken out of the article's collections (a record without a set is in `shared`); an article left
 * in none is removed. Returns the remaining collections (empty when removed), or false for no such article.
 */
const REMOVE_FROM_COLLECTIONS_SCRIPT = `${REMOVE_ONE}
local prefix, id = ARGV[1], ARGV[2]
if redis.call('EXISTS', prefix .. 'doc:' .. id) == 0 then return false end
local key = prefix .. 'coll:' .. id
if redis.call('EXISTS', key) == 0 then redis.call('SADD', key, 'shared') end
local taken = 0
for index = 3, #ARGV do taken = taken + redis.call('SREM', key, ARGV[index]) end
if redis.call('SCARD', key) == 0 then
  removeOne(prefix, id)
  return {}
end
if taken > 0 then
  local seq = redis.call('INCR', prefix .. 'seq')
  redis.call('ZADD', prefix .. 'log', seq, id)
end
return redis.call('SMEMBERS', key)
`;

/** Up to `limit` articles stored before `before` (ms), removed atomically; returns {removed, ids looked at}. */
const REMOVE_OLDER_SCRIPT = `${REMOVE_ONE}
local prefix, before, limit = ARGV[1], ARGV[2], tonumber(ARGV[3])
local ids = redis.call('ZRANGEBYSCORE', prefix .. 'dated', '-inf', '(' .. before, 'LIMIT', 0, limit)
local removed = 0
for _, id in ipairs(ids) do removed = removed + removeOne(prefix, id) end
return {removed, #ids}
`;

/** Passage vectors of one model, written only while the article still has the content they were made from. */
const PUT_VECTORS_SCRIPT = `
local prefix, id, hash, model, value = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
if redis.call('HGET', prefix .. 'hashes', id) ~= hash then return 0 end
redis.call('HSET', prefix .. 'vec:' .. id, model, value)
return 1
`;

const FETCH_BATCH = 500;
/** Articles `newest` reads at least per round trip. */
const NEWEST_BATCH = 200;
/** Articles per removal script: each batch is atomic and short, so Redis serves others in between. */
const REMOVE_BATCH = 500;
/** Vector entries per pipeline: at 768 dimensions and ~10 passages an entry, ~4 MB per round trip. */
const VECTOR_BATCH = 100;
const LITTLE_ENDIAN = endianness() === "LE";

/** A model's field in `{ns}:vec:<id>`: the vectors as one base64 run of little-endian float32s. */
interface EncodedVectors {
  /** Content hash of the article version the vectors belong to. */
  hash: string;
  dims: number;
  count: number;
  data: string;
}

function encodeVectors(entry: PassageVectors): string {
  const dims = checkVectorShape(entry);
  const packed = new Float32Array(dims * entry.vectors.length);
  entry.vectors.forEach((vector, index) => {
    packed.set(vector, index * dims);
  });
  const bytes = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  if (!LITTLE_ENDIAN) bytes.swap32();
  const encoded: EncodedVectors = {
    hash: entry.contentHash,
    dims,
    count: entry.vectors.length,
    data: bytes.toString("base64"),
  };
  return JSON.stringify(encoded);
}

/** The vectors, or undefined when the field is not for `contentHash` or does not hold what it says. */
function decodeVectors(value: string, contentHash: string): Float32Array[] | undefined {
  let encoded: Partial<EncodedVectors>;
  try {
    encoded = JSON.parse(value) as Partial<EncodedVectors>;
  } catch {
    return undefined;
  }
  const { hash, dims, count, data } = encoded;
  if (hash !== contentHash || typeof data !== "string") return undefined;
  if (!Number.isInteger(dims) || !Number.isInteger(count) || (dims ?? 0) < 1 || (count ?? -1) < 0) {
    return undefined;
  }
  const width = dims as number;
  const bytes = Buffer.from(data, "base64");
  if (bytes.byteLength !== width * (count as number) * 4) return undefined;
  if (!LITTLE_ENDIAN) bytes.swap32();
  const floats = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(floats.buffer).set(bytes);
  return Array.from({ length: count as number }, (_, index) =>
    floats.slice(index * width, (index + 1) * width),
  );
}

/** The published date of a stored record, read leniently: `retentionInstant` takes it (and counts from arrival). */
/** An article's score in `{ns}:published`. */
function publishedScore(article: Pick<Article, "published">): string {
  const instant = publishedInstant(article);
  return instant === Number.NEGATIVE_INFINITY ? "-inf" : String(instant);
}

/** A sorted-set score as Redis replies it ("-inf", "inf", "1417392000000"). */
function scoreOf(reply: string | undefined): number {
  if (reply === "-inf") return Number.NEGATIVE_INFINITY;
  if (reply === "inf" || reply === "+inf") return Number.POSITIVE_INFINITY;
  return Number(reply);
}

function linkOf(json: string): string | undefined {
  try {
    const url = (JSON.parse(json) as { article?: { url?: unknown } } | null)?.article?.url;
    return typeof url === "string" && url !== "" ? lookupLink(url) : undefined;
  } catch {
    return undefined;
  }
}

function publishedOf(json: string): string | undefined {
  try {
    const published = (JSON.parse(json) as { article?: { published?: unknown } } | null)?.article?.published;
    return typeof published === "string" ? published : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Articles in Redis. Keys share one hash tag so the scripts stay valid on Redis Cluster:
 * `{briefbot}:doc:<id>` (JSON), `{briefbot}:hash:<contentHash>` → id, `{briefbot}:hashes` id → hash,
 * `{briefbot}:seq`, `{briefbot}:log` (zset id by sequence), `{briefbot}:arrived` (zset id by arrival ms), `{briefbot}:removed` (zset id by sequence),
 * `{briefbot}:dated` (zset id by the ms its retention counts from: its arrival, see core/retention.ts),
 * `{briefbot}:vec:<id>` (hash: embedding model → that article version's passage vectors, see EncodedVectors),
 * `{briefbot}:coll:<id>` (set: the article's collections; absent for records from before collections: `shared`),
 * `{briefbot}:published` (zset id by published ms, `-inf` undated), `{briefbot}:link:<canonical URL>` (set of
 * ids) and `{briefbot}:linkof` (hash id → canonical URL): what `newest` and `withLink` read.
 */
export class RedisArticleStore implements ArticleStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #now: () => number;

  /** `now` stamps arrivals (tests give another clock). */
  constructor(redis: Redis, namespace = "briefbot", now: () => number = Date.now) {
    this.#redis = redis;
    this.#prefix = `{${namespace}}:`;
    this.#now = now;
  }

  async put(articles: readonly IngestedArticle[]): Promise<PutResult> {
    const result: PutResult = { added: 0, updated: 0, unchanged: 0 };
    if (articles.length === 0) return result;
    const pipeline = this.#redis.pipeline();
    const now = this.#now();
    for (const ingested of articles) {
      const { collections: _, ...article } = ingested.article;
      const { id, contentHash } = article;
      const dated = String(retentionInstant(article, now));
      pipeline.eval(
        PUT_SCRIPT,
        0,
        this.#prefix,
        id,
        contentHash,
        JSON.stringify({ ...ingested, article }),
        String(now),
        dated,
        publishedScore(article),
        article.url ? lookupLink(article.url) : "",
        ...collectionsOf(ingested.article),
      );
    }
    const replies = await guardRedis(pipeline.exec());
    for (const [error, outcome] of replies ?? []) {
      if (error) throw new BriefingError("STORE_UNAVAILABLE", `Writing an article failed: ${error.message}`);
      if (outcome === 1) result.added++;
      else if (outcome === 2 || outcome === 3) result.updated++;
      else result.unchanged++;
    }
    return result;
  }

  async get(id: string): Promise<IngestedArticle | undefined> {
    return (await this.#fetch([id]))[0];
  }

  async list(): Promise<Article[]> {
    const ids = await guardRedis(this.#redis.zrange(`${this.#prefix}log`, "0", "-1"));
    return (await this.#fetch(ids)).map((ingested) => ingested.article);
  }

  async newest(limit: number, accept: (article: Article) => boolean): Promise<Article[]> {
    if (limit <= 0) return [];
    await this.#indexUnlisted();
    const found: Article[] = [];
    const batch = Math.max(NEWEST_BATCH, limit * 4);
    for (let offset = 0; ; offset += batch) {
      const reply = await guardRedis(
        this.#redis.zrevrange(`${this.#prefix}published`, offset, offset + batch - 1, "WITHSCORES"),
      );
      const ids = reply.filter((_, index) => index % 2 === 0);
      for (const { article } of await this.#fetch(ids)) if (accept(article)) found.push(article);
      if (ids.length < batch) break;
      if (found.length < limit) continue;
      found.sort(byRecency);
      // Articles further on are no newer than the last one read: done once that is older than the limit-th.
      const limitth = found[limit - 1];
      if (limitth && scoreOf(reply.at(-1)) < publishedInstant(limitth)) break;
    }
    return found.sort(byRecency).slice(0, limit);
  }

  async withLink(url: string): Promise<Article[]> {
    await this.#indexUnlisted();
    const ids = await guardRedis(this.#redis.smembers(`${this.#prefix}link:${lookupLink(url)}`));
    return (await this.#fetch(ids.sort())).map((ingested) => ingested.article);
  }

  async remove(id: string): Promise<boolean> {
    const removed = await guardRedis(this.#redis.eval(REMOVE_SCRIPT, 0, this.#prefix, id));
    return removed === 1;
  }

  async removeFromCollections(id: string, collections: readonly string[]): Promise<string[] | undefined> {
    const reply = await guardRedis(
      this.#redis.eval(REMOVE_FROM_COLLECTIONS_SCRIPT, 0, this.#prefix, id, ...collections),
    );
    return Array.isArray(reply) ? (reply as string[]).sort() : undefined;
  }

  async removeOlderThan(instant: number): Promise<number> {
    if (Number.isNaN(instant) || instant === -Infinity) return 0;
    await this.#dateUndated();
    const before = instant === Infinity ? "+inf" : String(instant);
    let removed = 0;
    for (;;) {
      const reply = await guardRedis(
        this.#redis.eval(REMOVE_OLDER_SCRIPT, 0, this.#prefix, before, String(REMOVE_BATCH)),
      );
      const [batchRemoved, looked] = Array.isArray(reply) ? reply.map(Number) : [0, 0];
      removed += batchRemoved ?? 0;
      if ((looked ?? 0) < REMOVE_BATCH) return removed;
    }
  }

  async sequence(): Promise<number> {
    const value = await guardRedis(this.#redis.get(`${this.#prefix}seq`));
    return value === null ? 0 : Number(value);
  }

  async changesSince(sequence: number): Promise<StoreChanges> {
    const current = await this.sequence();
    if (current <= sequence) return { sequence: current, upserts: [], removedIds: [] };
    const [ids, removedIds] = await guardRedis(
      Promise.all([
        this.#redis.zrangebyscore(`${this.#prefix}log`, `(${sequence}`, "+inf"),
        this.#redis.zrangebyscore(`${this.#prefix}removed`, `(${sequence}`, "+inf"),
      ]),
    );
    return { sequence: current, upserts: await this.#fetch(ids), removedIds };
  }

  async putVectors(entries: readonly PassageVectors[]): Promise<number> {
    const encoded = entries.map((entry) => ({ entry, value: encodeVectors(entry) }));
    let written = 0;
    for (let offset = 0; offset < encoded.length; offset += VECTOR_BATCH) {
      const pipeline = this.#redis.pipeline();
      for (const { entry, value } of encoded.slice(offset, offset + VECTOR_BATCH)) {
        pipeline.eval(
          PUT_VECTORS_SCRIPT,
          0,
          this.#prefix,
          entry.articleId,
          entry.contentHash,
          entry.model,
          value,
        );
      }
      for (const [error, outcome] of (await guardRedis(pipeline.exec())) ?? []) {
        if (error) throw new BriefingError("STORE_UNAVAILABLE", `Writing vectors failed: ${error.message}`);
        if (outcome === 1) written++;
      }
    }
    return written;
  }

  async vectors(articleIds: readonly string[], model: string): Promise<Map<string, Float32Array[]>> {
    const found = new Map<string, Float32Array[]>();
    for (let offset = 0; offset < articleIds.length; offset += VECTOR_BATCH) {
      const batch = articleIds.slice(offset, offset + VECTOR_BATCH);
      const pipeline = this.#redis.pipeline();
      for (const id of batch) {
        pipeline.hget(`${this.#prefix}vec:${id}`, model);
        pipeline.hget(`${this.#prefix}hashes`, id);
      }
      const replies = (await guardRedis(pipeline.exec())) ?? [];
      batch.forEach((id, index) => {
        const [vectorError, value] = replies[2 * index] ?? [];
        const [hashError, hash] = replies[2 * index + 1] ?? [];
        const error = vectorError ?? hashError;
        if (error) throw new BriefingError("STORE_UNAVAILABLE", `Reading vectors failed: ${error.message}`);
        if (typeof value !== "string" || typeof hash !== "string") return;
        const vectors = decodeVectors(value, hash);
        if (vectors) found.set(id, vectors);
      });
    }
    return found;
  }

  /** The sequence just before the first article that arrived at or after `instant` (ms): a digest cursor. */
  async sequenceBefore(instant: number): Promise<number> {
    const ids = await guardRedis(
      this.#redis.zrangebyscore(`${this.#prefix}arrived`, String(instant), "+inf", "LIMIT", 0, 10_000),
    );
    if (ids.length === 0) return await this.sequence();
    const sequences = await guardRedis(this.#redis.zmscore(`${this.#prefix}log`, ...ids));
    const known = sequences.filter((value): value is string => value !== null).map(Number);
    return known.length === 0 ? await this.sequence() : Math.min(...known) - 1;
  }

  async close(): Promise<void> {
    await this.#redis.quit().catch(() => this.#redis.disconnect());
  }

  /**
   * Stores written before `{ns}:dated` existed: dates the articles it lacks by their arrival (`{ns}:arrived`,
   * else now: a full term), without overwriting a date a write set meanwhile. Costs two counts when nothing is
   * missing.
   */
  async #dateUndated(): Promise<void> {
    await this.#eachBatchMissingFrom("dated", async (missing) => {
      const [docs, arrivals] = await guardRedis(
        Promise.all([
          this.#redis.mget(missing.map((id) => `${this.#prefix}doc:${id}`)),
          this.#redis.zmscore(`${this.#prefix}arrived`, ...missing),
        ]),
      );
      const members: string[] = [];
      missing.forEach((id, index) => {
        const json = docs[index];
        if (json === null || json === undefined) return;
        const arrival = arrivals[index];
        const arrivedAt = arrival === null || arrival === undefined ? this.#now() : Number(arrival);
        members.push(String(retentionInstant({ published: publishedOf(json) }, arrivedAt)), id);
      });
      if (members.length > 0) await guardRedis(this.#redis.zadd(`${this.#prefix}dated`, "NX", ...members));
    });
  }

  /**
   * For an index added after stores were written (a sorted set of article ids): every batch of stored articles it
   * lacks, in turn. Costs two counts when it lacks none.
   */
  async #eachBatchMissingFrom(index: string, fill: (missing: string[]) => Promise<void>): Promise<void> {
    const [count, indexed] = await guardRedis(
      Promise.all([this.#redis.hlen(`${this.#prefix}hashes`), this.#redis.zcard(`${this.#prefix}${index}`)]),
    );
    if (indexed >= count) return;
    const ids = await guardRedis(this.#redis.hkeys(`${this.#prefix}hashes`));
    for (let offset = 0; offset < ids.length; offset += FETCH_BATCH) {
      const batch = ids.slice(offset, offset + FETCH_BATCH);
      const scores = await guardRedis(this.#redis.zmscore(`${this.#prefix}${index}`, ...batch));
      const missing = batch.filter((_, position) => scores[position] === null);
      if (missing.length > 0) await fill(missing);
    }
  }

  /**
   * Stores written before `{ns}:published` and the link index existed: indexes the articles missing from them.
   * Costs two counts when nothing is missing.
   */
  async #indexUnlisted(): Promise<void> {
    await this.#eachBatchMissingFrom("published", async (missing) => {
      const docs = await guardRedis(this.#redis.mget(missing.map((id) => `${this.#prefix}doc:${id}`)));
      const pipeline = this.#redis.pipeline();
      missing.forEach((id, index) => {
        const json = docs[index];
        if (json === null || json === undefined) return;
        pipeline.zadd(`${this.#prefix}published`, "NX", publishedScore({ published: publishedOf(json) }), id);
        const link = linkOf(json);
        if (link === undefined) return;
        pipeline.sadd(`${this.#prefix}link:${link}`, id);
        pipeline.hsetnx(`${this.#prefix}linkof`, id, link);
      });
      await guardRedis(pipeline.exec());
    });
  }

  async #fetch(ids: readonly string[]): Promise<IngestedArticle[]> {
    const articles: IngestedArticle[] = [];
    for (let offset = 0; offset < ids.length; offset += FETCH_BATCH) {
      const batch = ids.slice(offset, offset + FETCH_BATCH);
      const pipeline = this.#redis.pipeline();
      pipeline.mget(batch.map((id) => `${this.#prefix}doc:${id}`));
      for (const id of batch) pipeline.smembers(`${this.#prefix}coll:${id}`);
      const replies = (await guardRedis(pipeline.exec())) ?? [];
      const failed = replies.find(([error]) => error)?.[0];
      if (failed) throw new BriefingError("STORE_UNAVAILABLE", `Reading articles failed: ${failed.message}`);
      const values = (replies[0]?.[1] ?? []) as (string | null)[];
      values.forEach((json, index) => {
        if (json === null) return;
        const ingested = parseStoredArticle(json, batch[index] ?? "?");
        const collections = (replies[index + 1]?.[1] ?? []) as string[];
        articles.push(
          collections.length === 0
            ? ingested
            : { ...ingested, article: withCollections(ingested.article, collections) },
        );
      });
    }
    return articles;
  }
}
