import { BriefingError, catalogued, isBriefingError } from "../../core/errors.ts";
import { discoverFeeds } from "../../core/feeds/discover-feeds.ts";
import { canonicalLink } from "../../core/feeds/item-identity.ts";
import { parseFeed } from "../../core/feeds/parse-feed.ts";
import type { ParsedFeed } from "../../core/feeds/types.ts";
import type { FetchedResource, WebFetcher } from "../../core/web.ts";

/** Feeds a page announces that are tried, in order, before giving up. */
const CANDIDATES_TRIED = 3;

export interface ResolvedFeed {
  /** The feed's own URL: the one given, or the one its page announced. */
  url: string;
  fetched: FetchedResource;
  parsed: ParsedFeed;
}

/** Whether a response is a web page rather than a feed. */
export function isHtmlResponse(fetched: FetchedResource): boolean {
  if (fetched.contentType === "text/html" || fetched.contentType === "application/xhtml+xml") return true;
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/iu.test(fetched.text.slice(0, 4_096));
}

/**
 * The feed at a URL, or the first working feed its page announces (a site's address will do). Throws the
 * feed's own error (a clear BriefingError), or NOT_FOUND when the page announces no feed.
 */
export async function resolveFeed(fetcher: WebFetcher, url: string): Promise<ResolvedFeed> {
  const fetched = await fetcher.fetch({ url, kind: "feed" });
  if (!isHtmlResponse(fetched))
    return { url: canonicalLink(url), fetched, parsed: parseFeed(fetched.text, url) };
  const candidates = discoverFeeds(fetched.text, fetched.url).slice(0, CANDIDATES_TRIED);
  if (candidates.length === 0) {
    throw new BriefingError("NOT_FOUND", "The page announces no feed (RSS, Atom or JSON Feed)", {
      location: url,
      ...catalogued("noFeedOnPage"),
    });
  }
  let firstError: unknown;
  for (const candidate of candidates) {
    try {
      const feed = await fetcher.fetch({ url: candidate, kind: "feed" });
      return { url: canonicalLink(candidate), fetched: feed, parsed: parseFeed(feed.text, candidate) };
    } catch (error) {
      if (!isBriefingError(error)) throw error;
      firstError ??= error;
    }
  }
  throw firstError;
}
