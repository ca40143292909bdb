import { BriefingError, isBriefingError } from "../../core/errors.ts";
import { canonicalLink, webArticleId } from "../../core/feeds/item-identity.ts";
import { parseFeed } from "../../core/feeds/parse-feed.ts";
import { composeWebArticle } from "../../core/feeds/web-article.ts";
import { deduplicate, type Located } from "../../core/ingest/dedupe.ts";
import type { LoadedDocuments, LoadProgress } from "../../core/ports.ts";
import type { WebFetcher } from "../../core/web.ts";
import { isHtmlResponse } from "./resolve-feed.ts";
import { fetchWebArticle } from "./web-article.ts";

/**
 * Reads web addresses into articles, once: a page is one article; a feed gives an article for each of its
 * items now (its page, or the item's own text). Each failure is a problem of its address or item.
 */
export async function loadWebDocuments(
  urls: readonly string[],
  fetcher: WebFetcher,
  onProgress?: LoadProgress,
): Promise<LoadedDocuments> {
  const located: Located[] = [];
  const problems: BriefingError[] = [];
  let done = 0;
  for (const url of urls) {
    try {
      located.push(...(await articlesAt(url, fetcher, problems)));
    } catch (error) {
      problems.push(asProblem(error, url));
    }
    onProgress?.(++done, urls.length, url);
  }
  const byId = new Map(located.map((entry) => [entry.ingested.article.id, entry]));
  const deduplicated = deduplicate([...byId.values()]);
  return {
    articles: deduplicated.articles,
    problems: [...problems, ...deduplicated.problems],
    duplicates: deduplicated.duplicates + located.length - byId.size,
  };
}

async function articlesAt(url: string, fetcher: WebFetcher, problems: BriefingError[]): Promise<Located[]> {
  const fetched = await fetcher.fetch({ url, kind: "feed" });
  if (isHtmlResponse(fetched)) {
    const link = canonicalLink(fetched.url);
    const composed = composeWebArticle({
      articleId: webArticleId(undefined, { link }),
      url: link,
      origin: url,
      page: { html: fetched.text, url: fetched.url },
    });
    return [{ ingested: composed.ingested, location: url }];
  }
  const feed = parseFeed(fetched.text, url);
  const located: Located[] = [];
  for (const item of feed.items) {
    const location = item.link ?? `${url} (${item.title ?? "an item"})`;
    try {
      const composed = await fetchWebArticle(fetcher, {
        articleId: webArticleId(canonicalLink(url), item),
        item,
        feedTitle: feed.title,
        origin: canonicalLink(url),
      });
      located.push({ ingested: composed.ingested, location });
    } catch (error) {
      problems.push(asProblem(error, location));
    }
  }
  return located;
}

function asProblem(error: unknown, location: string): BriefingError {
  if (isBriefingError(error)) {
    if (error.location) return error;
    return new BriefingError(error.code, error.message, {
      location,
      cause: error,
      userText: error.userMessage(),
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new BriefingError("INTERNAL", `Reading the address failed unexpectedly: ${reason}`, {
    location,
    cause: error,
  });
}
