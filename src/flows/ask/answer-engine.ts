import { answerWithModel, type ModelProgress } from "../../core/answer/model/index.ts";
import { validateQuestion } from "../../core/answer/question.ts";
import { guessQuestionLanguage } from "../../core/answer/question-language.ts";
import type { Visibility } from "../../core/collections.ts";
import { interfaceLanguage } from "../../core/i18n/interface-language.ts";
import type { Library, QueryScope } from "../../core/library.ts";
import type { Log } from "../../core/log.ts";
import type { Embedder } from "../../core/ports.ts";
import { detectLanguage } from "../../core/text/language.ts";
import type { Answer, SearchHit } from "../../core/types.ts";
import {
  extractiveTopicSummary,
  summarizeTopic,
  TOPIC_SUMMARY_SENTENCES,
} from "../digest/summarize-topic.ts";
import { type CliSummary, summaryWithModel } from "../digest/summary-with-model.ts";
import { articlesOnTopic, TOPIC_SUMMARY_ARTICLES } from "../digest/topic-articles.ts";
import { writeSummaryWithModel } from "../digest/topic-summary.ts";
import type { ModelAnswering } from "../model/model-answering.ts";
import { callModel, type ModelCallContext } from "../model/model-call.ts";
import { fallbackNote, progressText, uncheckedSummaryNote } from "../model/model-notes.ts";
import { QueryVectors } from "./query-vectors.ts";

export interface AnswerEngineOptions {
  library: Library;
  embedder?: Embedder | undefined;
  modelAnswering?: ModelAnswering | undefined;
  log: Log;
}

/** Passages handed to the model at most (before its token budget cuts them further). */
const MODEL_PASSAGES = 24;

/**
 * Answers one question: extractively (the default, in-process and fast), or, with a model configured, by the
 * model from the best passages with every citation verified (a failure or a spent budget: the extractive
 * answer with a note). With embeddings, retrieval is hybrid either way.
 */
export class AnswerEngine {
  readonly #library: Library;
  readonly #queryVectors: QueryVectors | undefined;
  readonly #modelAnswering: ModelAnswering | undefined;
  readonly #log: Log;

  constructor(options: AnswerEngineOptions) {
    this.#library = options.library;
    this.#queryVectors = options.embedder ? new QueryVectors(options.embedder, options.log) : undefined;
    this.#modelAnswering = options.modelAnswering;
    this.#log = options.log;
  }

  get usesModel(): boolean {
    return this.#modelAnswering !== undefined;
  }

  /** `scope.visible`: the collections the answer may draw on (all without it). */
  async answer(rawQuestion: string, context: ModelCallContext, scope: QueryScope = {}): Promise<Answer> {
    const question = validateQuestion(rawQuestion);
    const queryVector = await this.#queryVectors?.vectorFor(question, this.#library);
    const vector = { ...(queryVector ? { queryVector } : {}), ...scope };
    const extractive = () => this.#library.ask(question, vector);
    const answering = this.#modelAnswering;
    if (!answering) return extractive();
    const started = performance.now();
    const speaking = interfaceLanguage(question);
    const outcome = await callModel(answering, { ...context, language: speaking }, this.#log, async () => {
      const result = await answerWithModel(
        {
          question,
          language: guessQuestionLanguage(question, this.#library.languages, detectLanguage),
          passages: this.#library.retrieve(question, { limit: MODEL_PASSAGES, ...vector }),
          article: (id) => this.#library.article(id),
          corpus: this.#library.summary(scope.visible),
          fallback: extractive,
        },
        {
          ...answering,
          onProgress: (progress: ModelProgress) => context.onProgress?.(progressText(progress, speaking)),
          ...(context.onAnswerSoFar ? { onVerifiedSoFar: context.onAnswerSoFar } : {}),
        },
      );
      const { report } = result;
      this.#log("model_answered", {
        passages: report.passagesGiven,
        proposed: report.proposed,
        kept: report.kept,
        dropped: report.dropped.map((drop) => drop.reason).join(",") || undefined,
        fellBack: report.fellBack || undefined,
        tokens: report.usage.promptTokens + report.usage.completionTokens,
        ms: Math.round(performance.now() - started),
      });
      return { value: result.answer, usage: report.usage };
    });
    return outcome.kind === "done"
      ? outcome.value
      : withNote(extractive(), fallbackNote(outcome.reason, "answer", speaking));
  }

  /**
   * The articles matching the query, each with its best passage (with `passages`: the best passages, several
   * per article): hybrid with embeddings, lexical otherwise.
   */
  async search(
    query: string,
    limit: number,
    options: { passages?: boolean; visible?: Visibility } = {},
  ): Promise<SearchHit[]> {
    const queryVector = await this.#queryVectors?.vectorFor(validateQuestion(query), this.#library);
    const vector = {
      ...(queryVector ? { queryVector } : {}),
      ...(options.visible ? { visible: options.visible } : {}),
    };
    return options.passages
      ? this.#library.search(query, limit, vector)
      : this.#library.searchArticles(query, limit, vector);
  }

  /**
   * `briefbot summarize [topic]`: the summary of the topic's articles (all articles without one) as one text
   * with its sentences, written by the model when there is one. The same articles as chat's summarize.
   */
  async summary(
    topic: string | undefined,
    options: { words?: number; visible?: Visibility },
  ): Promise<CliSummary> {
    const articles = articlesOnTopic(
      this.#library,
      topic,
      topic?.trim() ? TOPIC_SUMMARY_ARTICLES : undefined,
      options.visible,
    );
    const extractive = extractiveTopicSummary(this.#library, topic, articles, options);
    return await summaryWithModel(topic, articles, extractive, this.#modelAnswering);
  }

  /** Chat's `summarize <topic>`: the matching articles' summary as an answer, written by the model when there is one. */
  async summarize(topic: string, context: ModelCallContext, scope: QueryScope = {}): Promise<Answer> {
    const answering = this.#modelAnswering;
    const articles = articlesOnTopic(this.#library, topic, TOPIC_SUMMARY_ARTICLES, scope.visible);
    const extractive = summarizeTopic(topic, articles, this.#library);
    if (!answering || extractive.status === "no_evidence") return extractive;
    const speaking = interfaceLanguage(topic);
    const outcome = await callModel(
      answering,
      { ...context, language: speaking },
      this.#log,
      () => writeSummaryWithModel(topic, articles, extractive.sources, TOPIC_SUMMARY_SENTENCES, answering),
      "summarize",
    );
    if (outcome.kind === "fallback")
      return withNote(extractive, fallbackNote(outcome.reason, "answer", speaking));
    if (!outcome.value) return withNote(extractive, uncheckedSummaryNote(speaking));
    return {
      question: extractive.question,
      status: "answered",
      bullets: outcome.value.sentences,
      sources: outcome.value.sources,
      model: answering.model.name,
    };
  }
}

export function withNote(answer: Answer, note: string): Answer {
  return { ...answer, note: answer.note ? `${answer.note} ${note}` : note };
}
