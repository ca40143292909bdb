import type { ScopeStore } from "../channel-scope.ts";

/** `scope add|remove` grants in memory: for tests and the in-process bot. */
export class MemoryScopeStore implements ScopeStore {
  readonly #grants = new Map<string, Set<string>>();

  async granted(channel: string): Promise<string[]> {
    return [...(this.#grants.get(channel) ?? [])].sort();
  }

  async grant(channel: string, collection: string): Promise<boolean> {
    const grants = this.#grants.get(channel) ?? new Set<string>();
    this.#grants.set(channel, grants);
    if (grants.has(collection)) return false;
    grants.add(collection);
    return true;
  }

  async revoke(channel: string, collection: string): Promise<boolean> {
    return this.#grants.get(channel)?.delete(collection) ?? false;
  }

  async all(): Promise<Map<string, string[]>> {
    const all = new Map<string, string[]>();
    for (const channel of [...this.#grants.keys()].sort()) {
      const granted = await this.granted(channel);
      if (granted.length > 0) all.set(channel, granted);
    }
    return all;
  }
}
