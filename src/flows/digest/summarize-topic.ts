import { summarizeArticles } from "../../core/digest/index.ts";
import type { Library } from "../../core/library.ts";
import type { Answer, IngestedArticle } from "../../core/types.ts";

/** Passages scoring under this share of the best match do not bring their article into the summary. */
const RELATIVE_SCORE_FLOOR = 0.3;
const MAX_ARTICLES = 12;
export const TOPIC_SUMMARY_SENTENCES = 5;

/** The articles that match the topic best: those with a passage scoring near the best match. */
export function articlesForTopic(library: Library, topic: string): IngestedArticle[] {
  const hits = library.search(topic, 200);
  const best = hits[0]?.score ?? 0;
  const ids = [
    ...new Set(hits.filter((hit) => hit.score >= best * RELATIVE_SCORE_FLOOR).map((hit) => hit.articleId)),
  ].slice(0, MAX_ARTICLES);
  return ids.map((id) => ({ article: library.article(id), passages: [...library.articlePassages(id)] }));
}

function nothingToSummarize(topic: string): Answer {
  return {
    question: `Summary: ${topic}`,
    status: "no_evidence",
    message: `No article matches "${topic}", so there is nothing to summarize.`,
    bullets: [],
    sources: [],
  };
}

/** `summarize <topic>`: a cited summary of the articles on the topic (articlesForTopic), shaped as an answer. */
export function summarizeTopic(topic: string, articles: readonly IngestedArticle[]): Answer {
  const summary = summarizeArticles(articles, { maxSentences: TOPIC_SUMMARY_SENTENCES });
  if (summary.sentences.length === 0) return nothingToSummarize(topic);
  return {
    question: `Summary: ${topic}`,
    status: "answered",
    bullets: summary.sentences.map((sentence) => ({ text: sentence.text, citations: sentence.citations })),
    sources: summary.sources,
  };
}
