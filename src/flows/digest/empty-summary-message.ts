import { topicTerms } from "../../core/digest/topic-focus.ts";
import type { Library } from "../../core/library.ts";
import type { IngestedArticle } from "../../core/types.ts";

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** The topic's words that carry content in at least one of the languages (not stopwords there). */
function contentWords(topic: string, languages: readonly string[]): string[] {
  return (topic.match(WORD) ?? []).filter((word) =>
    [...topicTerms(word, languages).values()].some((terms) => terms.length > 0),
  );
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

/**
 * Why a summary came out empty, with what was searched: how many articles in which languages, which words of
 * the topic, and how many articles matched them.
 */
export function emptySummaryMessage(
  library: Library,
  topic: string | undefined,
  matched: readonly IngestedArticle[],
): string {
  const articles = library.articles();
  const languages = [...new Set(articles.map((article) => article.language))].sort();
  const corpus = `${plural(articles.length, "article")}${languages.length > 0 ? ` (${languages.join(", ")})` : ""}`;
  if (articles.length === 0) return "There are no articles to summarize.";
  if (!topic?.trim()) return `None of the ${corpus} has a sentence fit for a summary.`;
  const words = contentWords(topic, languages);
  if (words.length === 0)
    return `"${topic}" has no word to search for (only common words); searched ${corpus}.`;
  const quoted = words.map((word) => `"${word}"`).join(", ");
  if (matched.length === 0) return `No article mentions "${topic}": searched ${corpus} for ${quoted}.`;
  return `${plural(matched.length, "article")} of the ${corpus} matched "${topic}", but none of their sentences mentions ${quoted}.`;
}
