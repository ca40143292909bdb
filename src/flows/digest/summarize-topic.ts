import { DEFAULT_SUMMARY_SENTENCES, type Summary, summarizeArticles } from "../../core/digest/index.ts";
import type { Library } from "../../core/library.ts";
import type { Answer, IngestedArticle } from "../../core/types.ts";
import { emptySummaryMessage } from "./empty-summary-message.ts";

export const TOPIC_SUMMARY_SENTENCES = 5;

/**
 * The extractive summary of the articles found for a topic (articlesOnTopic), from their sentences that
 * mention the topic; when empty, `message` says why and what was searched.
 */
export function extractiveTopicSummary(
  library: Library,
  topic: string | undefined,
  articles: readonly IngestedArticle[],
  options: { words?: number; maxSentences?: number } = {},
): Summary {
  const focus = topic?.trim();
  const summary = summarizeArticles(articles, {
    maxSentences: options.maxSentences ?? DEFAULT_SUMMARY_SENTENCES,
    ...(options.words ? { words: options.words } : {}),
    ...(focus ? { topic: focus } : {}),
  });
  if (summary.sentences.length > 0) return summary;
  return { ...summary, message: emptySummaryMessage(library, topic, articles) };
}

/** Chat's `summarize <topic>`: the extractive topic summary shaped as an answer. */
export function summarizeTopic(
  topic: string,
  articles: readonly IngestedArticle[],
  library: Library,
): Answer {
  const summary = extractiveTopicSummary(library, topic, articles, { maxSentences: TOPIC_SUMMARY_SENTENCES });
  if (summary.sentences.length === 0) {
    return {
      question: `Summary: ${topic}`,
      status: "no_evidence",
      message: summary.message ?? `No article matches "${topic}", so there is nothing to summarize.`,
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
