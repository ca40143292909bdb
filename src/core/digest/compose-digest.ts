import { SourceList } from "../source-list.ts";
import type { IngestedArticle } from "../types.ts";
import { clusterStories } from "./cluster-stories.ts";
import { DEFAULT_SUMMARY_WORDS, summarizeStory } from "./summarize.ts";
import type { Digest, DigestOptions, Story } from "./types.ts";

export const DEFAULT_MAX_STORIES = 8;
export const DEFAULT_DIGEST_SENTENCES = 3;

/** Newest published date, ignoring dates after `now` (an embargo or a misread date is not news yet). */
function latestDate(story: readonly IngestedArticle[], now: Date | undefined): string | null {
  const limit = now?.toISOString().slice(0, 10);
  let latest: string | null = null;
  for (const { article } of story) {
    const date = article.published;
    if (date === undefined || (limit !== undefined && date > limit)) continue;
    if (latest === null || date > latest) latest = date;
  }
  return latest;
}

function composeStory(story: readonly IngestedArticle[], options: DigestOptions): Story {
  const sourceList = new SourceList({ perArticle: true });
  const { summary, leadArticle } = summarizeStory(
    story,
    {
      words: options.words ?? DEFAULT_SUMMARY_WORDS,
      maxSentences: options.maxSentences ?? DEFAULT_DIGEST_SENTENCES,
      ...(options.language === undefined ? {} : { language: options.language }),
    },
    sourceList,
  );
  for (const { article, passages } of story) {
    const lead = passages[0];
    if (lead && !sourceList.hasArticle(article.id)) sourceList.cite(article, lead);
  }
  const central = story[leadArticle ?? 0]?.article;
  const headline = central?.title.trim() || summary.sentences[0]?.text || "";
  return {
    headline: headline.replace(/\s+/gu, " "),
    summary: summary.sentences,
    sources: sourceList.sources,
    languages: [...new Set(story.map(({ article }) => article.language))].sort(),
    sourceCount: story.length,
    latest: latestDate(story, options.now),
  };
}

/**
 * A digest of a batch of articles: stories (clusters of articles about one event, in any language), largest
 * first and then newest, each with a headline, a short cited summary and every article as a source.
 */
export function composeDigest(articles: readonly IngestedArticle[], options: DigestOptions = {}): Digest {
  return digestOfStories(clusterStories(articles), articles.length, options);
}

/** `composeDigest` for stories already clustered. */
export function digestOfStories(
  clusters: readonly (readonly IngestedArticle[])[],
  articleCount: number,
  options: DigestOptions = {},
): Digest {
  const ranked = clusters
    .map((story) => ({ story, latest: latestDate(story, options.now) ?? "" }))
    .sort(
      (a, b) => b.story.length - a.story.length || (a.latest < b.latest ? 1 : a.latest > b.latest ? -1 : 0),
    );
  const stories = ranked
    .slice(0, Math.max(0, options.maxStories ?? DEFAULT_MAX_STORIES))
    .map(({ story }) => composeStory(story, options));
  return { stories, articleCount };
}
