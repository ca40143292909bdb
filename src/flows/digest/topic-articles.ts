import type { Visibility } from "../../core/collections.ts";
import { Library } from "../../core/library.ts";
import type { IngestedArticle } from "../../core/types.ts";

/** Passages scoring under this share of the best match do not bring their article in. */
const RELATIVE_SCORE_FLOOR = 0.3;
/** A `summarize <topic>` reads at most this many articles. */
export const TOPIC_SUMMARY_ARTICLES = 12;

/**
 * The one topic rule (CLI `summarize`, chat `summarize`, topic digests): the articles with a passage scoring
 * near the topic's best match, best first, at most `limit`; all of them (up to `limit`) when there is no topic.
 */
export function articlesOnTopic(
  library: Library,
  topic: string | undefined,
  limit = Number.POSITIVE_INFINITY,
  visible?: Visibility,
): IngestedArticle[] {
  const ids = topic?.trim()
    ? topicArticleIds(library, topic, visible)
    : library.articles(visible).map((article) => article.id);
  return ids
    .slice(0, limit)
    .map((id) => ({ article: library.article(id), passages: [...library.articlePassages(id)] }));
}

/** The same rule over a list of articles (a digest's new arrivals), kept in their given order. */
export function articlesOnTopicIn(
  articles: readonly IngestedArticle[],
  topic: string | undefined,
): IngestedArticle[] {
  if (!topic?.trim() || articles.length === 0) return [...articles];
  const library = new Library();
  library.add(articles);
  const matching = new Set(topicArticleIds(library, topic));
  return articles.filter((ingested) => matching.has(ingested.article.id));
}

function topicArticleIds(library: Library, topic: string, visible?: Visibility): string[] {
  const hits = library.search(topic, library.passageCount, visible ? { visible } : {});
  const best = hits[0]?.score ?? 0;
  return [
    ...new Set(hits.filter((hit) => hit.score >= best * RELATIVE_SCORE_FLOOR).map((hit) => hit.articleId)),
  ];
}
