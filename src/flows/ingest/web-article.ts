import { isBriefingError } from "../../core/errors.ts";
import { canonicalLink } from "../../core/feeds/item-identity.ts";
import type { FeedItem } from "../../core/feeds/types.ts";
import { composeWebArticle } from "../../core/feeds/web-article.ts";
import type { Composed } from "../../core/ingest/compose.ts";
import type { WebFetcher } from "../../core/web.ts";

export interface WebArticleRequest {
  articleId: string;
  /** The item of a feed; without one, `pageUrl` is a page given on its own. */
  item?: FeedItem;
  pageUrl?: string;
  feedTitle?: string;
  origin: string;
}

/**
 * The article of a feed item or of a page: the page fetched through the web port and extracted; when that
 * fails (403, paywall, timeout, no text) the item's own content or summary, with a warning. Throws
 * EMPTY_INPUT when there is no text either way (and the page's failure when there was no item, or when it may pass: a timeout, a 5xx).
 */
export async function fetchWebArticle(fetcher: WebFetcher, request: WebArticleRequest): Promise<Composed> {
  const link = request.item?.link ?? request.pageUrl;
  let page: { html: string; url: string } | undefined;
  let pageError: unknown;
  if (link) {
    try {
      const fetched = await fetcher.fetch({ url: canonicalLink(link), kind: "page" });
      page = { html: fetched.text, url: fetched.url };
    } catch (error) {
      if (!request.item) throw error;
      pageError = error;
    }
  }
  try {
    return composeWebArticle({
      articleId: request.articleId,
      url: canonicalLink(link ?? request.origin),
      item: request.item,
      feedTitle: request.feedTitle,
      origin: request.origin,
      page,
      pageProblem: pageError === undefined ? undefined : describe(pageError),
    });
  } catch (error) {
    if (isBriefingError(pageError) && pageError.retryable) throw pageError;
    throw error;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
