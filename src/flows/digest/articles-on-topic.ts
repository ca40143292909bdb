import { Library } from "../../core/library.ts";
import type { IngestedArticle } from "../../core/types.ts";

/** The articles with a passage matching the topic's words; all of them when there is no topic. */
export function articlesOnTopic(
  articles: readonly IngestedArticle[],
  topic: string | undefined,
): IngestedArticle[] {
  if (!topic?.trim() || articles.length === 0) return [...articles];
  const library = new Library();
  library.add(articles);
  const matching = new Set(library.search(topic, library.passageCount).map((hit) => hit.articleId));
  return articles.filter((ingested) => matching.has(ingested.article.id));
}
