import { byRecency, lookupLink } from "../article-recency.ts";
import { collectionsOf, withCollections } from "../collections.ts";
import type { ArticleStore, PassageVectors, PutResult, StoreChanges } from "../ports.ts";
import { retentionInstant } from "../retention.ts";
import type { Article, IngestedArticle } from "../types.ts";
import { checkVectorShape } from "../vector-shape.ts";

interface Entry {
  value: IngestedArticle;
  sequence: number;
  arrivedAt: number;
}

interface StoredVectors {
  contentHash: string;
  vectors: Float32Array[];
}

/** The store used by the CLI's `--corpus` and by tests: same semantics as the Redis store, in memory. */
export class MemoryArticleStore implements ArticleStore {
  readonly #entries = new Map<string, Entry>();
  readonly #idByHash = new Map<string, string>();
  readonly #removals = new Map<string, number>();
  /** Article id → model → vectors. */
  readonly #vectors = new Map<string, Map<string, StoredVectors>>();
  #sequence = 0;
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  async put(articles: readonly IngestedArticle[]): Promise<PutResult> {
    const result: PutResult = { added: 0, updated: 0, unchanged: 0 };
    for (const ingested of articles) {
      const { id, contentHash } = ingested.article;
      const holder = this.#entries.get(this.#idByHash.get(contentHash) ?? "");
      if (holder) {
        if (this.#widen(holder, ingested.article)) result.updated++;
        else result.unchanged++;
        continue;
      }
      const previous = this.#entries.get(id);
      if (previous) this.#idByHash.delete(previous.value.article.contentHash);
      this.#sequence++;
      const article = previous
        ? withCollections(ingested.article, [
            ...collectionsOf(previous.value.article),
            ...collectionsOf(ingested.article),
          ])
        : ingested.article;
      const value = { ...ingested, article };
      this.#entries.set(id, { value, sequence: this.#sequence, arrivedAt: this.#now() });
      this.#idByHash.set(contentHash, id);
      this.#removals.delete(id);
      this.#vectors.delete(id);
      if (previous) result.updated++;
      else result.added++;
    }
    return result;
  }

  /** Adds the article's collections to the stored copy of the same content; whether any was new. */
  #widen(holder: Entry, article: Article): boolean {
    const held = collectionsOf(holder.value.article);
    const added = collectionsOf(article).filter((collection) => !held.includes(collection));
    if (added.length === 0) return false;
    this.#sequence++;
    holder.value = { ...holder.value, article: withCollections(holder.value.article, [...held, ...added]) };
    holder.sequence = this.#sequence;
    return true;
  }

  async get(id: string): Promise<IngestedArticle | undefined> {
    return this.#entries.get(id)?.value;
  }

  async list(): Promise<Article[]> {
    return [...this.#entries.values()].map((entry) => entry.value.article);
  }

  async newest(limit: number, accept: (article: Article) => boolean): Promise<Article[]> {
    return (await this.list()).filter(accept).sort(byRecency).slice(0, Math.max(0, limit));
  }

  async withLink(url: string): Promise<Article[]> {
    const link = lookupLink(url);
    return (await this.list()).filter((article) => article.url && lookupLink(article.url) === link);
  }

  async remove(id: string): Promise<boolean> {
    const entry = this.#entries.get(id);
    if (!entry) return false;
    this.#entries.delete(id);
    this.#idByHash.delete(entry.value.article.contentHash);
    this.#vectors.delete(id);
    this.#sequence++;
    this.#removals.set(id, this.#sequence);
    return true;
  }

  async removeFromCollections(id: string, collections: readonly string[]): Promise<string[] | undefined> {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    const held = collectionsOf(entry.value.article);
    const remaining = held.filter((collection) => !collections.includes(collection));
    if (remaining.length === 0) {
      await this.remove(id);
      return [];
    }
    if (remaining.length === held.length) return remaining;
    this.#sequence++;
    entry.value = { ...entry.value, article: withCollections(entry.value.article, remaining) };
    entry.sequence = this.#sequence;
    return remaining;
  }

  async removeOlderThan(instant: number): Promise<number> {
    let removed = 0;
    for (const [id, entry] of [...this.#entries]) {
      if (retentionInstant(entry.value.article, entry.arrivedAt) < instant && (await this.remove(id)))
        removed++;
    }
    return removed;
  }

  async sequenceBefore(instant: number): Promise<number> {
    const arrived = [...this.#entries.values()].filter((entry) => entry.arrivedAt >= instant);
    if (arrived.length === 0) return this.#sequence;
    return Math.min(...arrived.map((entry) => entry.sequence)) - 1;
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

  async putVectors(entries: readonly PassageVectors[]): Promise<number> {
    for (const entry of entries) checkVectorShape(entry);
    let written = 0;
    for (const { articleId, contentHash, model, vectors } of entries) {
      if (this.#entries.get(articleId)?.value.article.contentHash !== contentHash) continue;
      const byModel = this.#vectors.get(articleId) ?? new Map<string, StoredVectors>();
      byModel.set(model, { contentHash, vectors: vectors.map((vector) => Float32Array.from(vector)) });
      this.#vectors.set(articleId, byModel);
      written++;
    }
    return written;
  }

  async vectors(articleIds: readonly string[], model: string): Promise<Map<string, Float32Array[]>> {
    const found = new Map<string, Float32Array[]>();
    for (const id of articleIds) {
      const stored = this.#vectors.get(id)?.get(model);
      if (!stored || this.#entries.get(id)?.value.article.contentHash !== stored.contentHash) continue;
      found.set(
        id,
        stored.vectors.map((vector) => Float32Array.from(vector)),
      );
    }
    return found;
  }

  async close(): Promise<void> {}
}
