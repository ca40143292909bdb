import { summarizeArticles } from "../core/digest/index.ts";
import type { Library } from "../core/library.ts";
import type { Answer } from "../core/types.ts";

/** Passages scoring under this share of the best match do not bring their article into the summary. */
const RELATIVE_SCORE_FLOOR = 0.3;
const MAX_ARTICLES = 12;
const MAX_SENTENCES = 5;

/** `summarize <topic>`: a cited summary of the articles that match the topic best, shaped as an answer. */
export function summarizeTopic(library: Library, topic: string): Answer {
  const hits = library.search(topic, 200);
  const best = hits[0]?.score ?? 0;
  const ids = [
    ...new Set(hits.filter((hit) => hit.score >= best * RELATIVE_SCORE_FLOOR).map((hit) => hit.articleId)),
  ].slice(0, MAX_ARTICLES);
  const articles = ids.map((id) => ({
    article: library.article(id),
    passages: [...library.articlePassages(id)],
  }));
  const summary = summarizeArticles(articles, { maxSentences: MAX_SENTENCES });
  if (summary.sentences.length === 0) {
    return {
      question: `Summary: ${topic}`,
      status: "no_evidence",
      message: `No article matches "${topic}", so there is nothing to summarize.`,
      bullets: [],
      sources: [],
    };
  }
  return {
    question: `Summary: ${topic}`,
    status: "answered",
    bullets: summary.sentences.map((sentence) => ({ text: sentence.text, citations: sentence.citations })),
    sources: summary.sources,
  };
}
