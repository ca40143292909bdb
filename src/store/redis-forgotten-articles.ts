import type { Redis } from "ioredis";
import type { ForgottenArticles } from "../core/forgotten-articles.ts";
import { guardRedis } from "./redis-connections.ts";

/** `/brief forget`'s record: `{ns}:forgotten:<tenant>`, a set of `id:<article id>` and `url:<canonical URL>`. */
export class RedisForgottenArticles implements ForgottenArticles {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, namespace: string) {
    this.#redis = redis;
    this.#prefix = `{${namespace}}:forgotten:`;
  }

  async forget(tenant: string, keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await guardRedis(this.#redis.sadd(`${this.#prefix}${tenant}`, ...keys));
  }

  async forgottenBy(tenants: readonly string[], keys: readonly string[]): Promise<Set<string>> {
    const forgetting = new Set<string>();
    if (keys.length === 0) return forgetting;
    const pairs = tenants.flatMap((tenant) => keys.map((key) => [tenant, key] as const));
    const pipeline = this.#redis.pipeline();
    for (const [tenant, key] of pairs) pipeline.sismember(`${this.#prefix}${tenant}`, key);
    const replies = (await guardRedis(pipeline.exec())) ?? [];
    pairs.forEach(([tenant], index) => {
      if (replies[index]?.[1] === 1) forgetting.add(tenant);
    });
    return forgetting;
  }
}
