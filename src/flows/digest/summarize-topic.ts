import { summarizeArticles } from "../../core/digest/index.ts";
import type { Answer, IngestedArticle } from "../../core/types.ts";

export const TOPIC_SUMMARY_SENTENCES = 5;

function nothingToSummarize(topic: string): Answer {
  return {
    question: `Summary: ${topic}`,
    status: "no_evidence",
    message: `No article matches "${topic}", so there is nothing to summarize.`,
    bullets: [],
    sources: [],
  };
}

/** `summarize <topic>`: a cited summary of the articles on the topic (articlesOnTopic), shaped as an answer. */
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
