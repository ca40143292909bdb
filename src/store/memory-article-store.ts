import type { ArticleStore, PutResult, StoreChanges } from "../core/ports.ts";
import type { Article, IngestedArticle } from "../core/types.ts";

interface Entry {
  value: IngestedArticle;
  sequence: number;
}

/** The store used by the CLI's `--corpus` and by tests: same semantics as the Redis store, in memory. */
export class MemoryArticleStore implements ArticleStore {
  readonly #entries = new Map<string, Entry>();
  readonly #idByHash = new Map<string, string>();
  readonly #removals = new Map<string, number>();
  #sequence = 0;

  async put(articles: readonly IngestedArticle[]): Promise<PutResult> {
    const result: PutResult = { added: 0, updated: 0, unchanged: 0 };
    for (const ingested of articles) {
      const { id, contentHash } = ingested.article;
      if (this.#idByHash.has(contentHash)) {
        result.unchanged++;
        continue;
      }
      const previous = this.#entries.get(id);
      if (previous) this.#idByHash.delete(previous.value.article.contentHash);
      this.#sequence++;
      this.#entries.set(id, { value: ingested, sequence: this.#sequence });
      this.#idByHash.set(contentHash, id);
      this.#removals.delete(id);
      if (previous) result.updated++;
      else result.added++;
    }
    return result;
  }

  async get(id: string): Promise<IngestedArticle | undefined> {
    return this.#entries.get(id)?.value;
  }

  async list(): Promise<Article[]> {
    return [...this.#entries.values()].map((entry) => entry.value.article);
  }

  async remove(id: string): Promise<boolean> {
    const entry = this.#entries.get(id);
    if (!entry) return false;
    this.#entries.delete(id);
    this.#idByHash.delete(entry.value.article.contentHash);
    this.#sequence++;
    this.#removals.set(id, this.#sequence);
    return true;
  }

  async sequence(): Promise<number> {
    return this.#sequence;
  }

  async changesSince(sequence: number): Promise<StoreChanges> {
    const upserts = [...this.#entries.values()]
      .filter((entry) => entry.sequence > sequence)
      .sort((a, b) => a.sequence - b.sequence)
      .map((entry) => entry.value);
    const removedIds = [...this.#removals].filter(([, at]) => at > sequence).map(([id]) => id);
    return { sequence: this.#sequence, upserts, removedIds };
  }

  async close(): Promise<void> {}
}
