import type { ArticleStore } from "../../core/ports.ts";
import type { IngestedArticle } from "../../core/types.ts";

/** A digest's default window. */
export const DEFAULT_DIGEST_WINDOW_MS = 24 * 3600 * 1000;

/** The articles that arrived in the store within the window (24 h by default). */
export async function articlesArrivedSince(
  store: ArticleStore,
  sinceMs: number | undefined,
  now = Date.now(),
): Promise<IngestedArticle[]> {
  const cursor = await store.sequenceBefore(now - (sinceMs ?? DEFAULT_DIGEST_WINDOW_MS));
  return (await store.changesSince(cursor)).upserts;
}

/**
 * Without a window, all the articles; with one, those published since then (an article without a date cannot
 * be placed in the window and is left out).
 */
export function articlesPublishedSince(
  articles: readonly IngestedArticle[],
  sinceMs: number | undefined,
  now = Date.now(),
): IngestedArticle[] {
  if (sinceMs === undefined) return [...articles];
  const from = new Date(now - sinceMs).toISOString().slice(0, 10);
  return articles.filter(({ article }) => article.published !== undefined && article.published >= from);
}
