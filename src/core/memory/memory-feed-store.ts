import type { FeedFollower, FeedPollState, FeedRecord, FeedStore, SeenItem } from "../feeds/feed-store.ts";
import { SEEN_ITEMS_KEPT } from "../feeds/feed-store.ts";
import type { ArticleStore } from "../ports.ts";

interface FeedEntry {
  record: FeedRecord;
  /** Key → item and when it was last seen. */
  seen: Map<string, { item: SeenItem; at: number }>;
  followers: Map<string, FeedFollower>;
  articleIds: Set<string>;
}

/** Feeds in one process: for unit tests of the flows. Counts articles against the given article store. */
export class MemoryFeedStore implements FeedStore {
  readonly #feeds = new Map<string, FeedEntry>();
  readonly #feedOfArticle = new Map<string, string>();
  readonly #locks = new Map<string, { owner: string; until: number }>();
  readonly #articles: ArticleStore | undefined;
  readonly #now: () => number;

  constructor(articles?: ArticleStore, now: () => number = Date.now) {
    this.#articles = articles;
    this.#now = now;
  }

  async save(feed: FeedRecord): Promise<void> {
    const entry = this.#feeds.get(feed.url);
    if (entry) entry.record = structuredClone(feed);
    else
      this.#feeds.set(feed.url, {
        record: structuredClone(feed),
        seen: new Map(),
        followers: new Map(),
        articleIds: new Set(),
      });
  }

  async get(url: string): Promise<FeedRecord | undefined> {
    const record = this.#feeds.get(url)?.record;
    return record ? structuredClone(record) : undefined;
  }

  async list(): Promise<FeedRecord[]> {
    return [...this.#feeds.values()].map((entry) => structuredClone(entry.record));
  }

  async remove(url: string): Promise<boolean> {
    return this.#feeds.delete(url);
  }

  async setState(url: string, state: FeedPollState): Promise<void> {
    const entry = this.#feeds.get(url);
    if (entry) entry.record.state = structuredClone(state);
  }

  async seenItems(url: string, keys: readonly string[]): Promise<Map<string, SeenItem>> {
    const seen = this.#feeds.get(url)?.seen;
    const found = new Map<string, SeenItem>();
    for (const key of keys) {
      const entry = seen?.get(key);
      if (entry) found.set(key, { ...entry.item });
    }
    return found;
  }

  async markSeen(url: string, items: readonly SeenItem[], now: number): Promise<void> {
    const seen = this.#feeds.get(url)?.seen;
    if (!seen) return;
    for (const item of items) {
      seen.delete(item.key);
      seen.set(item.key, { item: { ...item }, at: now });
    }
    const excess = [...seen.entries()]
      .sort((a, b) => a[1].at - b[1].at)
      .slice(0, seen.size - SEEN_ITEMS_KEPT);
    for (const [key] of excess) seen.delete(key);
  }

  async recordArticles(url: string, articleIds: readonly string[]): Promise<void> {
    const entry = this.#feeds.get(url);
    for (const id of articleIds) {
      entry?.articleIds.add(id);
      this.#feedOfArticle.set(id, url);
    }
  }

  async feedOfArticle(articleId: string): Promise<string | undefined> {
    return this.#feedOfArticle.get(articleId);
  }

  async articleIds(url: string): Promise<string[]> {
    return [...(this.#feeds.get(url)?.articleIds ?? [])];
  }

  async countArticles(url: string): Promise<number> {
    const ids = [...(this.#feeds.get(url)?.articleIds ?? [])];
    if (!this.#articles) return ids.length;
    const held = await Promise.all(ids.map((id) => this.#articles?.get(id)));
    return held.filter((article) => article !== undefined).length;
  }

  async follow(url: string, follower: FeedFollower): Promise<boolean> {
    const followers = this.#feeds.get(url)?.followers;
    if (!followers || followers.has(follower.channelKey)) return false;
    followers.set(follower.channelKey, structuredClone(follower));
    return true;
  }

  async unfollow(url: string, channelKey: string): Promise<boolean> {
    return this.#feeds.get(url)?.followers.delete(channelKey) ?? false;
  }

  async followers(url: string): Promise<FeedFollower[]> {
    return [...(this.#feeds.get(url)?.followers.values() ?? [])].map((follower) => structuredClone(follower));
  }

  async followedBy(channelKey: string): Promise<string[]> {
    const follows = [...this.#feeds.values()]
      .map((entry) => ({ url: entry.record.url, follower: entry.followers.get(channelKey) }))
      .filter((follow) => follow.follower !== undefined);
    return follows
      .sort((a, b) => (a.follower?.followedAt ?? 0) - (b.follower?.followedAt ?? 0))
      .map((follow) => follow.url);
  }

  async lock(url: string, owner: string, ttlMs: number): Promise<boolean> {
    const held = this.#locks.get(url);
    if (held && held.owner !== owner && held.until > this.#now()) return false;
    this.#locks.set(url, { owner, until: this.#now() + ttlMs });
    return true;
  }

  async unlock(url: string, owner: string): Promise<void> {
    if (this.#locks.get(url)?.owner === owner) this.#locks.delete(url);
  }
}
