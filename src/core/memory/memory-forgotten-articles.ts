import type { ForgottenArticles } from "../forgotten-articles.ts";

/** Forgotten articles by tenant, in memory (tests); the Redis one is store/redis-forgotten-articles.ts. */
export class MemoryForgottenArticles implements ForgottenArticles {
  readonly #keys = new Map<string, Set<string>>();

  async forget(tenant: string, keys: readonly string[]): Promise<void> {
    const held = this.#keys.get(tenant) ?? new Set<string>();
    for (const key of keys) held.add(key);
    this.#keys.set(tenant, held);
  }

  async forgottenBy(tenants: readonly string[], keys: readonly string[]): Promise<Set<string>> {
    return new Set(tenants.filter((tenant) => keys.some((key) => this.#keys.get(tenant)?.has(key))));
  }
}
