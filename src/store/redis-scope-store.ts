import type { Redis } from "ioredis";
import type { ScopeStore } from "../core/channel-scope.ts";
import { guardRedis } from "./redis-connections.ts";

/** Grants of `scope add`: `{ns}:scope:<channel collection>` (set of collections), `{ns}:scopes` (set of channels). */
export class RedisScopeStore implements ScopeStore {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, namespace: string) {
    this.#redis = redis;
    this.#prefix = `{${namespace}}:`;
  }

  async granted(channel: string): Promise<string[]> {
    return (await guardRedis(this.#redis.smembers(`${this.#prefix}scope:${channel}`))).sort();
  }

  async grant(channel: string, collection: string): Promise<boolean> {
    const [[, added] = []] =
      (await guardRedis(
        this.#redis
          .multi()
          .sadd(`${this.#prefix}scope:${channel}`, collection)
          .sadd(`${this.#prefix}scopes`, channel)
          .exec(),
      )) ?? [];
    return added === 1;
  }

  async revoke(channel: string, collection: string): Promise<boolean> {
    return (await guardRedis(this.#redis.srem(`${this.#prefix}scope:${channel}`, collection))) === 1;
  }

  async all(): Promise<Map<string, string[]>> {
    const channels = (await guardRedis(this.#redis.smembers(`${this.#prefix}scopes`))).sort();
    const all = new Map<string, string[]>();
    for (const channel of channels) {
      const granted = await this.granted(channel);
      if (granted.length > 0) all.set(channel, granted);
    }
    return all;
  }
}
