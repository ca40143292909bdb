import type { RetrievedPassage } from "../answer/evidence-types.ts";
import {
  answerLanguageName,
  defuseText,
  fillTemplate,
  MODEL_ANSWER_FORMAT,
  type ModelPassage,
  type PromptTemplates,
  parseModelAnswer,
  renderPassages,
  selectModelPassages,
  type VerifiablePassage,
  type VerificationResult,
  verificationTools,
  verifyBullets,
} from "../answer/model/index.ts";
import { BriefingError } from "../errors.ts";
import type { LanguageModel, ModelRequest, ModelUsage } from "../ports.ts";
import { SourceList } from "../source-list.ts";
import type { Article, IngestedArticle, LanguageCode, Source } from "../types.ts";
import type { SummarySentence } from "./types.ts";

export interface StoryModelOptions {
  model: LanguageModel;
  templates: PromptTemplates;
  passageTokenBudget: number;
  maxOutputTokens: number;
  maxBullets: number;
}

export interface StoryInput {
  headline: string;
  /** The summary's language. */
  language: LanguageCode;
  articles: readonly IngestedArticle[];
  /** Passages to give first: the ones the extractive summary found most central. */
  centralPassageIds: readonly string[];
}

/** A story summary a model wrote, every bullet verified; `sentences` is empty when none survived. */
export interface ModelStorySummary {
  sentences: SummarySentence[];
  /** The cited passages first (with their verified quotes), then the lead of every other article. */
  sources: Source[];
  verification: VerificationResult;
  proposed: number;
  usage: ModelUsage;
}

/** Central passages first, then each article's first passage, then each one's second, and so on. */
function rankedPassages(input: StoryInput): RetrievedPassage[] {
  const byId = new Map(input.articles.flatMap(({ passages }) => passages.map((p) => [p.id, p] as const)));
  const ranked: RetrievedPassage[] = [];
  for (const id of input.centralPassageIds) {
    const passage = byId.get(id);
    if (passage) ranked.push({ passage, score: 1 });
  }
  const deepest = Math.max(0, ...input.articles.map(({ passages }) => passages.length));
  for (let index = 0; index < deepest; index++) {
    for (const { passages } of input.articles) {
      const passage = passages[index];
      if (passage) ranked.push({ passage, score: 0 });
    }
  }
  return ranked;
}

function storyRequest(
  input: StoryInput,
  given: readonly ModelPassage[],
  options: StoryModelOptions,
): ModelRequest {
  const language = answerLanguageName(input.language);
  return {
    system: fillTemplate(options.templates.storySystem, { language, maxBullets: options.maxBullets }),
    user: fillTemplate(options.templates.storyUser, {
      headline: defuseText(input.headline),
      language,
      passageCount: given.length,
      passages: renderPassages(given),
    }),
    json: MODEL_ANSWER_FORMAT,
    maxTokens: options.maxOutputTokens,
  };
}

/**
 * A story's summary written by a model from its most central passages and each article's lead, checked like
 * an answer (verify-bullets.ts): only bullets every cited passage supports are kept. Model failures propagate.
 */
export async function summarizeStoryWithModel(
  input: StoryInput,
  options: StoryModelOptions,
): Promise<ModelStorySummary> {
  const articleById = new Map<string, Article>(input.articles.map(({ article }) => [article.id, article]));
  const article = (id: string): Article => {
    const found = articleById.get(id);
    if (!found) throw new BriefingError("INTERNAL", `The story has no article ${id}`);
    return found;
  };
  const given = selectModelPassages(rankedPassages(input), article, options.passageTokenBudget);
  const response = await options.model.complete(storyRequest(input, given, options));
  const reply = parseModelAnswer(response.text);
  const verifiable = new Map<string, VerifiablePassage>(
    given.map(({ id, passage, article: of }) => [
      id,
      { text: passage.text, language: passage.language, title: of.title },
    ]),
  );
  const verification = verifyBullets(reply.bullets, verifiable, verificationTools(input.language));
  const byId = new Map(given.map((passage) => [passage.id, passage]));
  const sourceList = new SourceList();
  const sentences: SummarySentence[] = [];
  for (const bullet of verification.kept.slice(0, options.maxBullets)) {
    const cited = bullet.citations.flatMap((citation) => {
      const found = byId.get(citation.passage);
      return found ? [sourceList.cite(found.article, found.passage, citation.quote)] : [];
    });
    if (cited.length > 0)
      sentences.push({ text: bullet.text, citations: [...new Set(cited)].sort((a, b) => a - b) });
  }
  if (sentences.length > 0) {
    for (const { article: of, passages } of input.articles) {
      const lead = passages[0];
      if (lead && !sourceList.hasArticle(of.id)) sourceList.cite(of, lead);
    }
  }
  return {
    sentences,
    sources: sentences.length > 0 ? sourceList.sources : [],
    verification,
    proposed: reply.bullets.length,
    usage: response.usage,
  };
}
