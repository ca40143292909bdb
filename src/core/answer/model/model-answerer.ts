import { interfaceLanguage } from "../../i18n/interface-language.ts";
import { message } from "../../i18n/messages.ts";
import type { LanguageModel, ModelUsage } from "../../ports.ts";
import type { Answer, Article, LanguageCode } from "../../types.ts";
import type { RetrievedPassage } from "../evidence-types.ts";
import type { CorpusSummary } from "../no-evidence.ts";
import { answerRequest, type PromptTemplates } from "./answer-prompt.ts";
import type { VerifiablePassage } from "./bullet-support.ts";
import { BulletsAsWritten } from "./bullets-as-written.ts";
import { composeModelAnswer, MAX_MODEL_BULLETS } from "./compose-model-answer.ts";
import { parseModelAnswer } from "./model-answer-schema.ts";
import { modelNoEvidence } from "./model-no-evidence.ts";
import { type ModelPassage, selectModelPassages } from "./model-passages.ts";
import { bulletsSoFar } from "./stream-progress.ts";
import { type DroppedBullet, verificationTools, verifyBullets } from "./verify-bullets.ts";

export interface ModelAnswerInput {
  /** Already validated (validateQuestion). */
  question: string;
  /** The question's language: the answer is written in it. */
  language: LanguageCode;
  /** Retrieved passages, best first. */
  passages: readonly RetrievedPassage[];
  article(id: string): Article;
  corpus: CorpusSummary;
  /** The extractive answer, used when there is nothing to give the model or nothing it wrote survives. */
  fallback(): Answer;
}

export interface ModelProgress {
  stage: "reading" | "writing" | "checking";
  /** Passages given to the model. */
  passages: number;
  /** Distinct articles those passages come from. */
  articles: number;
  /** Bullets the model has started so far (while writing), or proposed (when checking). */
  bulletsSoFar: number;
}

export interface ModelAnswerOptions {
  model: LanguageModel;
  templates: PromptTemplates;
  /** Estimated tokens (characters / 4) of passage text the prompt may hold. */
  passageTokenBudget: number;
  maxOutputTokens: number;
  onProgress?: (progress: ModelProgress) => void;
  /**
   * While a streaming model writes: the answer made of the bullets verified so far, each time one more passes
   * verification (a bullet that fails never appears). The final answer can still differ (bullets merged, or
   * the extractive fallback): the caller reconciles.
   */
  onVerifiedSoFar?: (answerSoFar: Answer) => void;
}

export interface ModelAnswerReport {
  /** Bullets the model proposed. */
  proposed: number;
  /** Bullets that passed verification (the answer shows at most MAX_MODEL_BULLETS of them). */
  kept: number;
  dropped: DroppedBullet[];
  usage: ModelUsage;
  passagesGiven: number;
  /** Whether the answer is the extractive fallback. */
  fellBack: boolean;
}

export interface ModelAnswerResult {
  answer: Answer;
  report: ModelAnswerReport;
}

/** The note of an answer none of whose model-written bullets passed verification (in English; see `answerWithModel`). */
export const UNCHECKED_NOTE = message("en", "modelAnswerUnchecked");

const NO_USAGE: ModelUsage = { promptTokens: 0, completionTokens: 0 };

/**
 * Answers a question with a language model, from the retrieved passages, and posts only what the passages
 * prove: every bullet is verified (verify-bullets.ts) and cites only passages that support it. Nothing to give
 * the model → the extractive answer, without a call. Nothing it proposed survives → the extractive answer with
 * a note saying so. The model says the passages do not answer, and proposes nothing → a plain no_evidence
 * answer (bullets it proposes anyway are verified like any others). Model failures (BriefingErrors, including
 * MODEL_OUTPUT_INVALID for a reply that is not the answer's JSON) propagate unchanged: the job decides between
 * a retry and the fallback.
 */
export async function answerWithModel(
  input: ModelAnswerInput,
  options: ModelAnswerOptions,
): Promise<ModelAnswerResult> {
  const given = selectModelPassages(input.passages, input.article, options.passageTokenBudget);
  if (given.length === 0) {
    return { answer: input.fallback(), report: report(0, 0, [], NO_USAGE, 0, true) };
  }
  const passages = given.length;
  const articles = new Set(given.map(({ passage }) => passage.articleId)).size;
  const progress = (stage: ModelProgress["stage"], bullets: number) =>
    options.onProgress?.({ stage, passages, articles, bulletsSoFar: bullets });

  progress("reading", 0);
  let written = 0;
  const byId = new Map<string, ModelPassage>(given.map((passage) => [passage.id, passage]));
  const verifiable = new Map<string, VerifiablePassage>(
    given.map(({ id, passage, article }) => [
      id,
      { text: passage.text, language: passage.language, title: article.title },
    ]),
  );
  const tools = verificationTools(input.language);
  const onVerifiedSoFar = options.onVerifiedSoFar;
  const asWritten = onVerifiedSoFar
    ? new BulletsAsWritten(
        (bullet) => verifyBullets([bullet], verifiable, tools).kept[0],
        (verified) => onVerifiedSoFar(composeModelAnswer(input.question, verified, byId, options.model.name)),
      )
    : undefined;
  const request = answerRequest(
    {
      question: input.question,
      language: input.language,
      passages: given,
      maxBullets: MAX_MODEL_BULLETS,
      maxOutputTokens: options.maxOutputTokens,
    },
    options.templates,
  );
  const response = await options.model.complete({
    ...request,
    onText: (textSoFar) => {
      asWritten?.update(textSoFar);
      const count = bulletsSoFar(textSoFar);
      if (count === written) return;
      written = count;
      progress("writing", count);
    },
  });
  const reply = parseModelAnswer(response.text);
  progress("checking", reply.bullets.length);

  const { kept, dropped } = verifyBullets(reply.bullets, verifiable, tools);
  const proposed = reply.bullets.length;

  if (!reply.answerable && proposed === 0) {
    const answer = modelNoEvidence(input.question, input.corpus, passages, options.model.name);
    return { answer, report: report(proposed, 0, dropped, response.usage, passages, false) };
  }
  if (kept.length === 0) {
    const fallback = input.fallback();
    // In the language the question was asked in, as Briefbot's other words to the asker.
    const unchecked = message(interfaceLanguage(input.question), "modelAnswerUnchecked");
    const note = fallback.note ? `${unchecked} ${fallback.note}` : unchecked;
    const answer: Answer = { ...fallback, note };
    return { answer, report: report(proposed, 0, dropped, response.usage, passages, true) };
  }
  const answer = composeModelAnswer(input.question, kept, byId, options.model.name);
  return { answer, report: report(proposed, kept.length, dropped, response.usage, passages, false) };
}

function report(
  proposed: number,
  kept: number,
  dropped: DroppedBullet[],
  usage: ModelUsage,
  passagesGiven: number,
  fellBack: boolean,
): ModelAnswerReport {
  return { proposed, kept, dropped, usage, passagesGiven, fellBack };
}
