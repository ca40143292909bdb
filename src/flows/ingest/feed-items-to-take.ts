import type { FeedStore, SeenItem } from "../../core/feeds/feed-store.ts";
import { firstPollItems } from "../../core/feeds/first-poll.ts";
import { itemFingerprint, itemKey, webArticleId } from "../../core/feeds/item-identity.ts";
import type { FeedItem } from "../../core/feeds/types.ts";
import type { ArticleStore } from "../../core/ports.ts";

/** An item to turn into an article: a new one, or an edit of one already stored (it keeps its article id). */
export interface ItemToTake {
  item: FeedItem;
  seen: SeenItem;
}

export interface ItemsToTake {
  take: ItemToTake[];
  /** Items recorded as seen without an article: passed over by a first poll, or whose article was forgotten. */
  passOver: SeenItem[];
  /** New items whose article is already stored (the same page from another feed, or ingested on its own). */
  known: SeenItem[];
}

/**
 * Sorts a feed's items by what was seen before: unchanged items are left alone; an edited one is taken again
 * under its article id, unless its article was removed (forgotten articles do not come back); new ones are
 * taken (on a first poll only those of the last 24 hours, at most 20).
 */
export async function itemsToTake(
  feedUrl: string,
  items: readonly FeedItem[],
  stores: { feeds: FeedStore; articles: ArticleStore },
  firstPoll: boolean,
  now: number,
): Promise<ItemsToTake> {
  const byKey = new Map<string, FeedItem>();
  for (const item of items) if (!byKey.has(itemKey(item))) byKey.set(itemKey(item), item);
  const seen = await stores.feeds.seenItems(feedUrl, [...byKey.keys()]);
  const wanted = new Set(firstPoll ? firstPollItems([...byKey.values()], now) : byKey.values());
  const result: ItemsToTake = { take: [], passOver: [], known: [] };
  for (const [key, item] of byKey) {
    const fingerprint = itemFingerprint(item);
    const before = seen.get(key);
    if (before?.fingerprint === fingerprint) continue;
    if (before) {
      const stillStored =
        before.articleId !== "" && (await stores.articles.get(before.articleId)) !== undefined;
      if (stillStored) result.take.push({ item, seen: { ...before, fingerprint } });
      else result.passOver.push({ ...before, fingerprint });
    } else if (!wanted.has(item)) {
      result.passOver.push({ key, articleId: "", fingerprint });
    } else {
      const articleId = webArticleId(feedUrl, item);
      const entry = { key, articleId, fingerprint };
      if ((await stores.articles.get(articleId)) !== undefined) result.known.push(entry);
      else result.take.push({ item, seen: entry });
    }
  }
  return result;
}
