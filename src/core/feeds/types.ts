/** The feed formats Briefbot reads. RSS 0.9x and 2.0 are "rss"; RSS 1.0 is "rdf". */
export type FeedFormat = "rss" | "atom" | "rdf" | "json";

export const FEED_FORMATS: readonly FeedFormat[] = ["rss", "atom", "rdf", "json"];

/** One entry of a feed, whatever its format. Links are absolute; dates are ISO 8601 instants. */
export interface FeedItem {
  /** The GUID (RSS), id (Atom, JSON Feed) or rdf:about (RDF). */
  id?: string;
  link?: string;
  title?: string;
  /** The full content as HTML (content:encoded, Atom content, content_html or content_text as HTML). */
  contentHtml?: string;
  /** The description or summary, as HTML. */
  summary?: string;
  /** When it was published, else when it was last updated. */
  published?: string;
  author?: string;
}

export interface ParsedFeed {
  title: string;
  format: FeedFormat;
  items: FeedItem[];
  /** RSS `<ttl>` (or sy:updatePeriod): how long the feed may be cached. */
  ttlMinutes?: number;
}
