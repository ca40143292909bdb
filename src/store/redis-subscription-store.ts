import type { Redis } from "ioredis";
import { z } from "zod";
import type { SubscriptionStore } from "../core/chat.ts";
import { replyTargetSchema } from "../core/reply-target-schema.ts";
import type { Subscription, SubscriptionProgress } from "../core/subscriptions/index.ts";
import { parseStored, storedCount } from "./stored-json.ts";

const subscriptionSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/u),
  target: replyTargetSchema,
  schedule: z.object({
    days: z.enum(["daily", "weekdays"]),
    time: z.string().regex(/^\d\d:\d\d$/u),
    timeZone: z.string().min(1),
  }),
  topic: z.string().optional(),
  quiet: z.boolean(),
  createdAt: z.number(),
  createdBy: z.string(),
  version: z.string(),
}) satisfies z.ZodType<Subscription>;

/**
 * Digest subscriptions, one per channel: `{ns}:sub:<id>` (JSON), `{ns}:subs` (set of ids), and
 * `{ns}:sub-progress:<id>` (hash: cursor, lastPostedAt, lastScheduledDate), kept when a channel re-subscribes.
 */
export class RedisSubscriptionStore implements SubscriptionStore {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, namespace: string) {
    this.#redis = redis;
    this.#prefix = `{${namespace}}:`;
  }

  /** Saves the subscription; a new one starts its cursor at `initialCursor`. */
  async save(subscription: Subscription, initialCursor: number): Promise<void> {
    const parsed = subscriptionSchema.parse(subscription);
    await this.#redis
      .multi()
      .set(`${this.#prefix}sub:${parsed.id}`, JSON.stringify(parsed))
      .sadd(`${this.#prefix}subs`, parsed.id)
      .hsetnx(`${this.#prefix}sub-progress:${parsed.id}`, "cursor", String(initialCursor))
      .exec();
  }

  async get(id: string): Promise<Subscription | undefined> {
    const json = await this.#redis.get(`${this.#prefix}sub:${id}`);
    return json === null ? undefined : parseStored(json, "subscription", id, subscriptionSchema);
  }

  async ids(): Promise<string[]> {
    return (await this.#redis.smembers(`${this.#prefix}subs`)).sort();
  }

  async remove(id: string): Promise<boolean> {
    const [[, removed] = []] =
      (await this.#redis
        .multi()
        .del(`${this.#prefix}sub:${id}`)
        .srem(`${this.#prefix}subs`, id)
        .del(`${this.#prefix}sub-progress:${id}`)
        .exec()) ?? [];
    return removed === 1;
  }

  async progress(id: string): Promise<SubscriptionProgress> {
    const key = `${this.#prefix}sub-progress:${id}`;
    const fields = await this.#redis.hgetall(key);
    return {
      cursor: storedCount(fields.cursor, "digest cursor", key),
      ...(fields.lastPostedAt ? { lastPostedAt: storedCount(fields.lastPostedAt, "digest time", key) } : {}),
      ...(fields.lastScheduledDate ? { lastScheduledDate: fields.lastScheduledDate } : {}),
    };
  }

  /** Moves the cursor forward (never back) and records the posting. */
  async advance(
    id: string,
    cursor: number,
    postedAt: number,
    scheduledDate: string | undefined,
  ): Promise<void> {
    await this.#redis.eval(
      ADVANCE_SCRIPT,
      1,
      `${this.#prefix}sub-progress:${id}`,
      String(cursor),
      String(postedAt),
      scheduledDate ?? "",
    );
  }

  /** A lock held while one digest of this subscription is composed and posted; false when another holds it. */
  async lock(id: string, owner: string, ttlMs: number): Promise<boolean> {
    const key = `${this.#prefix}sub-lock:${id}`;
    return (await this.#redis.set(key, owner, "PX", ttlMs, "NX")) === "OK";
  }

  async unlock(id: string, owner: string): Promise<void> {
    await this.#redis.eval(UNLOCK_SCRIPT, 1, `${this.#prefix}sub-lock:${id}`, owner);
  }
}

const ADVANCE_SCRIPT = `
local cursor = tonumber(redis.call('HGET', KEYS[1], 'cursor') or '0')
if tonumber(ARGV[1]) > cursor then redis.call('HSET', KEYS[1], 'cursor', ARGV[1]) end
redis.call('HSET', KEYS[1], 'lastPostedAt', ARGV[2])
if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'lastScheduledDate', ARGV[3]) end
return 1
`;

const UNLOCK_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;
