import { canonicalLink } from "./feeds/item-identity.ts";
import type { Article } from "./types.ts";

/** An article's published instant (ms) for "most recent first"; undated articles come last. */
export function publishedInstant(article: Pick<Article, "published">): number {
  const instant = article.published ? Date.parse(article.published) : Number.NaN;
  return Number.isNaN(instant) ? Number.NEGATIVE_INFINITY : instant;
}

/** Most recent first (by published date, undated last), then by title, then by id. */
export function byRecency(a: Article, b: Article): number {
  return (
    publishedInstant(b) - publishedInstant(a) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id)
  );
}

/** The link an article is looked up by (`forget <url>`): its canonical URL, tracking parameters dropped. */
export function lookupLink(url: string): string {
  return canonicalLink(url);
}
