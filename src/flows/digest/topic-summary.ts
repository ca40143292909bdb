import { guessQuestionLanguage } from "../../core/answer/question-language.ts";
import { majorityLanguage, type SummarySentence } from "../../core/digest/index.ts";
import { summarizeStoryWithModel } from "../../core/digest/model-story.ts";
import type { ModelUsage } from "../../core/ports.ts";
import { detectLanguage } from "../../core/text/language.ts";
import { type IngestedArticle, type Source, UNDETERMINED_LANGUAGE } from "../../core/types.ts";
import type { ModelAnswering } from "../model/model-answering.ts";

export interface WrittenSummary {
  sentences: SummarySentence[];
  sources: Source[];
}

/**
 * A summary of the articles on a topic written by the model, every bullet verified, in the topic's language
 * when it tells and else the articles'. `value` is undefined when no bullet survived verification.
 */
export async function writeSummaryWithModel(
  topic: string,
  articles: readonly IngestedArticle[],
  extractiveSources: readonly Source[],
  maxSentences: number,
  answering: ModelAnswering,
): Promise<{ value: WrittenSummary | undefined; usage: ModelUsage }> {
  const languages = [...new Set(articles.map(({ article }) => article.language))];
  const guessed = guessQuestionLanguage(topic, languages, detectLanguage);
  const written = await summarizeStoryWithModel(
    {
      headline: topic,
      language: guessed === UNDETERMINED_LANGUAGE ? majorityLanguage(articles) : guessed,
      articles,
      centralPassageIds: extractiveSources.map((source) => source.passageId),
    },
    {
      ...answering,
      maxBullets: maxSentences,
    },
  );
  const value =
    written.sentences.length > 0 ? { sentences: written.sentences, sources: written.sources } : undefined;
  return { value, usage: written.usage };
}
