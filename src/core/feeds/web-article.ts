import { BriefingError } from "../errors.ts";
import { type Composed, composeArticle } from "../ingest/compose.ts";
import type { Block, Draft } from "../ingest/draft.ts";
import { type ExtractedArticle, extractArticle } from "../ingest/extract/extract-article.ts";
import { UNDETERMINED_LANGUAGE } from "../types.ts";
import { htmlBlocks } from "./feed-text.ts";
import type { FeedItem } from "./types.ts";

/** The page is used unless the feed's own text is clearly longer (a teaser page, a paywall). */
const PAGE_SHARE_NEEDED = 0.8;

export interface WebArticleInput {
  articleId: string;
  /** The article's URL: the item's canonical link, or the page's address. */
  url: string;
  /** The feed item, when the article comes from a feed. */
  item?: FeedItem | undefined;
  /** The feed's title: the article's source when the page names none. */
  feedTitle?: string | undefined;
  /** Where the article came from, for listings: the feed's URL, or the page's. */
  origin: string;
  /** The fetched page; absent when it could not be fetched. */
  page?: { html: string; url: string } | undefined;
  /** Why there is no page (shown in the warning when the feed's text is used instead). */
  pageProblem?: string | undefined;
}

/**
 * A web article: the page's own text (without its furniture) when it has it, else the feed item's content or
 * summary, with a warning. The item's title, date and author win over the page's. Throws EMPTY_INPUT when
 * neither has text.
 */
export function composeWebArticle(input: WebArticleInput): Composed {
  const { item } = input;
  const page = input.page ? extractArticle(input.page.html, { url: input.page.url }) : undefined;
  const pageBlocks = page ? paragraphBlocks(page.text) : [];
  const feedBlocks = itemBlocks(item);
  const usePage = pageBlocks.length > 0 && chars(pageBlocks) >= PAGE_SHARE_NEEDED * chars(feedBlocks);
  const blocks = usePage ? pageBlocks : feedBlocks;
  if (blocks.length === 0) {
    const why = input.pageProblem ? `: ${input.pageProblem}` : "";
    throw new BriefingError("EMPTY_INPUT", `Neither the page nor the feed item has article text${why}`, {
      location: input.url,
      userText: "Neither the page nor the feed item has article text",
    });
  }
  const composed = composeArticle(webDraft(input, page, blocks));
  const warnings = [...composed.warnings];
  const fallback = usePage || (!page && !input.pageProblem) ? undefined : fallbackReason(input, page);
  if (fallback) warnings.unshift({ location: input.url, message: fallback });
  return { ingested: composed.ingested, warnings };
}

function webDraft(input: WebArticleInput, page: ExtractedArticle | undefined, blocks: Block[]): Draft {
  const { item } = input;
  const stated = {
    id: input.articleId,
    title: item?.title ?? page?.title,
    url: input.url,
    published: item?.published ?? page?.published,
    author: item?.author ?? page?.author,
    source: page?.source ?? input.feedTitle,
  };
  const draft: Draft = {
    blocks,
    stated: Object.fromEntries(Object.entries(stated).filter(([, value]) => value)),
    origin: input.origin,
    location: input.url,
  };
  if (page && page.language !== UNDETERMINED_LANGUAGE) draft.languageHint = page.language;
  return draft;
}

function fallbackReason(input: WebArticleInput, page: ExtractedArticle | undefined): string {
  if (input.pageProblem || !page)
    return `The page could not be used (${input.pageProblem ?? "not fetched"}): the feed's text was kept`;
  const why = page.warnings[0] ?? "it has less text than the feed item";
  return `The page's text was not used (${why}): the feed's text was kept`;
}

function itemBlocks(item: FeedItem | undefined): Block[] {
  if (!item) return [];
  const content = htmlBlocks(item.contentHtml ?? "");
  const summary = htmlBlocks(item.summary ?? "");
  return chars(content) >= chars(summary) ? content : summary;
}

function paragraphBlocks(text: string): Block[] {
  return text
    .split(/\n\s*\n/u)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "")
    .map((paragraph) => ({ kind: "text" as const, text: paragraph }));
}

function chars(blocks: readonly Block[]): number {
  return blocks.reduce((sum, block) => sum + block.text.length, 0);
}
