/**
 * `npm run eval -- --llm`: QA through the configured language model (OPENAI_MODEL, with OPENAI_BASE_URL or
 * OPENAI_API_KEY), on a seeded sample of SQuAD and PIAF questions, beside the extractive answerer on the same
 * questions. Objective figures only (no model judge): the gold answer string in the bullets, whether the
 * passages cited by those bullets contain it, what verification dropped and why, fallbacks, failures, tokens
 * and latency. With --embeddings, retrieval is hybrid with the configured embedder (OPENAI_EMBEDDING_MODEL),
 * and its gold-passage ranks on the sample are printed beside lexical ones.
 */

import { modelParts } from "../src/app.ts";
import { type Config, loadConfig } from "../src/config.ts";
import type { DropReason } from "../src/core/answer/model/index.ts";
import { isBriefingError } from "../src/core/errors.ts";
import { Library } from "../src/core/library.ts";
import type { Embedder } from "../src/core/ports.ts";
import { VectorIndex } from "../src/core/search/vector-index.ts";
import type { Answer, IngestedArticle, LanguageCode } from "../src/core/types.ts";
import { AnswerEngine } from "../src/flows/ask/answer-engine.ts";
import { embedArticles } from "../src/flows/ingest/embed-articles.ts";
import { evalFile } from "./eval-data.ts";
import { paragraphArticles } from "./qa.ts";
import { containsAnswer, share } from "./qa-metrics.ts";
import { seededRandom, shuffled } from "./seeded-random.ts";
import { type QaParagraph, type QaQuestion, readSquadFormat } from "./squad-format.ts";
import { DROP_REASONS } from "./verification.ts";

export const LLM_SAMPLE_SEED = 20_251_124;
export const DEFAULT_LLM_QUESTIONS = 100;

export const LOCAL_MODEL_HOWTO = [
  "To run it against a local model (Ollama, llama.cpp server, vLLM, LM Studio: any OpenAI-compatible server):",
  "  OPENAI_BASE_URL=http://127.0.0.1:11434/v1 OPENAI_MODEL=qwen2.5:7b-instruct npm run eval -- --llm --questions 50",
  "  add OPENAI_EMBEDDING_MODEL=nomic-embed-text and --embeddings for hybrid retrieval with that embedder, --concurrency N to ask N questions at a time.",
].join("\n");

// ---- Corpora (as in eval/qa.ts: each paragraph one article) ----

export interface QaCorpus {
  paragraphs: QaParagraph[];
  questions: QaQuestion[];
  articles: IngestedArticle[];
}

export function qaCorpus(path: string, language: LanguageCode): QaCorpus {
  const { paragraphs, questions } = readSquadFormat(path);
  return { paragraphs, questions, articles: paragraphArticles(paragraphs, language) };
}

/** The first `count` questions of a seeded shuffle: the same sample run to run. */
export function sampleQuestions(questions: readonly QaQuestion[], count: number, seed: number): QaQuestion[] {
  return shuffled(questions, seededRandom(seed)).slice(0, count);
}

// ---- Metrics on one answer ----

export interface AnswerScore {
  answered: boolean;
  /** A gold answer string (normalized as in qa-metrics.ts) in the first bullet. */
  first: boolean;
  /** … in any bullet. */
  any: boolean;
}

export function scoreAnswer(answer: Answer, gold: readonly string[]): AnswerScore {
  const answered = answer.status === "answered";
  const first = answer.bullets[0];
  return {
    answered,
    first: answered && first !== undefined && containsAnswer(first.text, gold),
    any: answered && answer.bullets.some((bullet) => containsAnswer(bullet.text, gold)),
  };
}

export interface CitationCounts {
  citations: number;
  /** Citations that hold up: see the function computing them. */
  good: number;
}

const citedPassage = (answer: Answer, n: number) => answer.sources.find((source) => source.n === n);

/**
 * Of the bullets holding a gold answer, their citations whose cited passage holds that same gold answer (one
 * of the gold strings the bullet holds): the bullet's answer is where the reader is sent.
 */
export function goldCitationPrecision(answer: Answer, gold: readonly string[]): CitationCounts {
  const counts: CitationCounts = { citations: 0, good: 0 };
  for (const bullet of answer.bullets) {
    const held = gold.filter((candidate) => containsAnswer(bullet.text, [candidate]));
    if (held.length === 0) continue;
    for (const n of bullet.citations) {
      counts.citations++;
      const passage = citedPassage(answer, n)?.passage;
      if (passage !== undefined && containsAnswer(passage, held)) counts.good++;
    }
  }
  return counts;
}

/** Of all the answer's citations, those pointing to a passage of the question's gold paragraph. */
export function goldParagraphCitations(answer: Answer, paragraphId: string): CitationCounts {
  const counts: CitationCounts = { citations: 0, good: 0 };
  for (const bullet of answer.bullets) {
    for (const n of bullet.citations) {
      counts.citations++;
      if (citedPassage(answer, n)?.articleId === paragraphId) counts.good++;
    }
  }
  return counts;
}

// ---- One question through the engine ----

/** The engine's "model_answered" log event: the verification report. */
export interface ModelAnsweredEvent {
  passages: number;
  proposed: number;
  kept: number;
  dropped: DropReason[];
  fellBack: boolean;
  tokens: number;
}

export interface QuestionOutcome {
  question: QaQuestion;
  /** The answer the reader gets with the model configured; undefined when answering threw. */
  model: Answer | undefined;
  extractive: Answer;
  ms: number;
  answered: ModelAnsweredEvent | undefined;
  /** Codes of logged model failures (each one ends in the extractive answer with a note). */
  failures: string[];
  /** An error thrown by answering itself (not a model failure, which is a fallback). */
  error: string | undefined;
}

const numberField = (value: unknown): number => (typeof value === "number" ? value : 0);

/** Reads the engine's log events into the outcome fields. */
export function recordEvent(
  target: { answered: ModelAnsweredEvent | undefined; failures: string[] },
  event: string,
  fields: Record<string, unknown> = {},
): void {
  if (event === "model_answered") {
    target.answered = {
      passages: numberField(fields.passages),
      proposed: numberField(fields.proposed),
      kept: numberField(fields.kept),
      dropped:
        typeof fields.dropped === "string" && fields.dropped.length > 0
          ? (fields.dropped.split(",") as DropReason[])
          : [],
      fellBack: fields.fellBack === true,
      tokens: numberField(fields.tokens),
    };
  } else if (event === "model_failed") {
    target.failures.push(typeof fields.code === "string" ? fields.code : "unknown");
  }
}

// ---- Aggregates ----

export interface RowCounts {
  n: number;
  answered: number;
  first: number;
  any: number;
  precision: CitationCounts;
  goldParagraph: CitationCounts;
}

export interface LlmSummary {
  questions: number;
  /** The answers as shown with the model configured (fallbacks included). */
  shown: RowCounts;
  /** Only the answers the model wrote (its own no_evidence included). */
  modelWritten: RowCounts;
  extractive: RowCounts;
  proposed: number;
  kept: number;
  dropped: Map<DropReason, number>;
  /** Calls whose every proposed bullet was dropped: the extractive answer with a note. */
  allDropped: number;
  /** Calls that proposed no bullet yet did not say the passages do not answer: the extractive answer too. */
  proposedNothing: number;
  /** Nothing retrieved to give the model: the extractive answer without a call. */
  noPassages: number;
  /** The model said the passages do not answer and proposed nothing. */
  notAnswerable: number;
  failures: Map<string, number>;
  errors: number;
  calls: number;
  tokens: number;
  meanMs: number;
  medianMs: number;
}

function emptyRow(): RowCounts {
  return {
    n: 0,
    answered: 0,
    first: 0,
    any: 0,
    precision: { citations: 0, good: 0 },
    goldParagraph: { citations: 0, good: 0 },
  };
}

function addToRow(row: RowCounts, answer: Answer, question: QaQuestion): void {
  const score = scoreAnswer(answer, question.answers);
  row.n++;
  if (score.answered) row.answered++;
  if (score.first) row.first++;
  if (score.any) row.any++;
  const precision = goldCitationPrecision(answer, question.answers);
  row.precision.citations += precision.citations;
  row.precision.good += precision.good;
  const gold = goldParagraphCitations(answer, question.paragraphId);
  row.goldParagraph.citations += gold.citations;
  row.goldParagraph.good += gold.good;
}

const increment = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

export function summarizeOutcomes(outcomes: readonly QuestionOutcome[]): LlmSummary {
  const summary: LlmSummary = {
    questions: outcomes.length,
    shown: emptyRow(),
    modelWritten: emptyRow(),
    extractive: emptyRow(),
    proposed: 0,
    kept: 0,
    dropped: new Map(),
    allDropped: 0,
    proposedNothing: 0,
    noPassages: 0,
    notAnswerable: 0,
    failures: new Map(),
    errors: 0,
    calls: 0,
    tokens: 0,
    meanMs: 0,
    medianMs: 0,
  };
  for (const outcome of outcomes) {
    addToRow(summary.extractive, outcome.extractive, outcome.question);
    if (outcome.error !== undefined || !outcome.model) summary.errors++;
    else {
      addToRow(summary.shown, outcome.model, outcome.question);
      if (outcome.model.model !== undefined) addToRow(summary.modelWritten, outcome.model, outcome.question);
    }
    for (const code of outcome.failures) increment(summary.failures, code);
    const event = outcome.answered;
    if (!event) continue;
    if (event.passages === 0) {
      summary.noPassages++;
      continue;
    }
    summary.calls++;
    summary.tokens += event.tokens;
    summary.proposed += event.proposed;
    summary.kept += event.kept;
    for (const reason of event.dropped) increment(summary.dropped, reason);
    if (event.fellBack && event.proposed > 0) summary.allDropped++;
    if (event.fellBack && event.proposed === 0) summary.proposedNothing++;
    if (!event.fellBack && event.proposed === 0) summary.notAnswerable++;
  }
  const times = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
  summary.meanMs = times.length === 0 ? 0 : times.reduce((sum, ms) => sum + ms, 0) / times.length;
  summary.medianMs = times[Math.floor((times.length - 1) / 2)] ?? 0;
  return summary;
}

// ---- Running ----

export interface LlmEvalOptions {
  questions: number;
  embeddings: boolean;
  concurrency: number;
  environment?: NodeJS.ProcessEnv;
}

async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

async function askOne(
  question: QaQuestion,
  library: Library,
  parts: { embedder: Embedder | undefined; modelAnswering: NonNullable<LlmParts["modelAnswering"]> },
  extractiveEngine: AnswerEngine,
): Promise<QuestionOutcome> {
  const record: { answered: ModelAnsweredEvent | undefined; failures: string[] } = {
    answered: undefined,
    failures: [],
  };
  const engine = new AnswerEngine({
    library,
    embedder: parts.embedder,
    modelAnswering: parts.modelAnswering,
    log: (event, fields) => recordEvent(record, event, fields),
  });
  const started = performance.now();
  let model: Answer | undefined;
  let error: string | undefined;
  try {
    model = await engine.answer(question.question, { attempt: Number.POSITIVE_INFINITY });
  } catch (thrown) {
    error = thrown instanceof Error ? thrown.message : String(thrown);
  }
  const ms = performance.now() - started;
  const extractive = await extractiveEngine.answer(question.question, { attempt: Number.POSITIVE_INFINITY });
  return { question, model, extractive, ms, ...record, error };
}

interface LlmParts {
  embedder: Embedder | undefined;
  modelAnswering: Awaited<ReturnType<typeof modelParts>>["modelAnswering"];
}

interface GoldRanks {
  top1: number;
  top5: number;
}

/** Gold paragraph in the top 1 / top 5 on the sample: lexical, vector only, fused, with the real embedder. */
async function sampleRetrieval(
  library: Library,
  articles: readonly IngestedArticle[],
  vectors: ReadonlyMap<string, readonly Float32Array[]>,
  questions: readonly QaQuestion[],
  embedder: Embedder,
): Promise<{ lexical: GoldRanks; vector: GoldRanks; fused: GoldRanks }> {
  const index = new VectorIndex();
  const articleOf = new Map<string, string>();
  for (const { article, passages } of articles) {
    const articleVectors = vectors.get(article.id) ?? [];
    passages.forEach((passage, position) => {
      const vector = articleVectors[position];
      articleOf.set(passage.id, article.id);
      if (vector) index.add(passage.id, vector);
    });
  }
  const queryVectors = await embedder.embed(questions.map((question) => question.question));
  const result = { lexical: { top1: 0, top5: 0 }, vector: { top1: 0, top5: 0 }, fused: { top1: 0, top5: 0 } };
  const tally = (ranks: GoldRanks, ids: readonly (string | undefined)[], gold: string) => {
    if (ids[0] === gold) ranks.top1++;
    if (ids.slice(0, 5).includes(gold)) ranks.top5++;
  };
  questions.forEach((question, position) => {
    const queryVector = queryVectors[position];
    const gold = question.paragraphId;
    tally(
      result.lexical,
      library.search(question.question, 5).map((hit) => hit.articleId),
      gold,
    );
    if (!queryVector) return;
    tally(
      result.vector,
      index.search(queryVector, 5).map((hit) => articleOf.get(hit.id)),
      gold,
    );
    tally(
      result.fused,
      library.search(question.question, 5, { queryVector }).map((hit) => hit.articleId),
      gold,
    );
  });
  return result;
}

function row(name: string, counts: RowCounts): string {
  return [
    name.padEnd(22),
    String(counts.n).padStart(4),
    share(counts.answered, counts.n).padStart(9),
    share(counts.first, counts.n).padStart(12),
    share(counts.any, counts.n).padStart(12),
    `${share(counts.precision.good, counts.precision.citations)} of ${counts.precision.citations}`.padStart(
      16,
    ),
    `${share(counts.goldParagraph.good, counts.goldParagraph.citations)} of ${counts.goldParagraph.citations}`.padStart(
      16,
    ),
  ].join(" ");
}

const duration = (ms: number): string => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);

function printSummary(summary: LlmSummary): void {
  console.log(
    "answers                   n  answered  gold in 1st  gold in any  citation prec.  cites gold para",
  );
  console.log(row("with the model", summary.shown));
  console.log(row("  written by the model", summary.modelWritten));
  console.log(row("extractive", summary.extractive));
  const droppedTotal = [...summary.dropped.values()].reduce((sum, count) => sum + count, 0);
  const reasons = DROP_REASONS.map(
    (reason) => `${reason} ${share(summary.dropped.get(reason) ?? 0, summary.proposed)}`,
  ).join(", ");
  console.log(
    `verification: ${summary.proposed} bullets proposed, ${summary.kept} kept, ${droppedTotal} dropped (${share(droppedTotal, summary.proposed)} of proposed: ${reasons})`,
  );
  const failures =
    summary.failures.size === 0
      ? "0 model failures"
      : `${[...summary.failures.values()].reduce((sum, count) => sum + count, 0)} model failures (${[
          ...summary.failures,
        ]
          .map(([code, count]) => `${code} ${count}`)
          .join(", ")})`;
  console.log(
    `outcomes: ${summary.calls} model calls answered, ${summary.allDropped} fell back (every bullet dropped → extractive), ${summary.proposedNothing > 0 ? `${summary.proposedNothing} proposed nothing (→ extractive), ` : ""}${summary.notAnswerable} said not answerable, ${summary.noPassages} with no passage to give (extractive, no call), ${failures}${summary.errors > 0 ? `, ${summary.errors} errors` : ""}`,
  );
  console.log(
    `tokens (of answered calls, as reported by the server or estimated): ${summary.tokens.toLocaleString("en")} (${summary.calls > 0 ? Math.round(summary.tokens / summary.calls).toLocaleString("en") : "n/a"} per call); latency per question mean ${duration(summary.meanMs)}, median ${duration(summary.medianMs)}`,
  );
}

function serverOf(config: NonNullable<Config["llm"]>): string {
  return config.baseUrl ?? "the OpenAI API";
}

/**
 * Prints the section; returns the exit code: 2 when no model is configured (or --embeddings without an
 * embedder), 1 when every model call failed, else 0.
 */
export async function printLlmEvaluation(options: LlmEvalOptions): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(options.environment ?? process.env);
  } catch (error) {
    console.error(isBriefingError(error) ? error.message : String(error));
    return 2;
  }
  if (!config.llm) {
    console.error(
      "--llm needs a language model: set OPENAI_MODEL, and OPENAI_BASE_URL (any OpenAI-compatible server) or OPENAI_API_KEY (OpenAI).",
    );
    console.error(LOCAL_MODEL_HOWTO);
    return 2;
  }
  if (options.embeddings && !config.embeddings) {
    console.error(
      "--embeddings needs an embedding model: set OPENAI_EMBEDDING_MODEL (served at OPENAI_EMBEDDING_BASE_URL or OPENAI_BASE_URL).",
    );
    return 2;
  }
  const parts = await modelParts(config, () => undefined);
  const modelAnswering = parts.modelAnswering;
  if (!modelAnswering) throw new Error("A model is configured but modelParts built none");
  const embedder = options.embeddings ? parts.embedder : undefined;
  const llm = config.llm;

  console.log(
    `== Model-written answers (--llm): ${llm.model} at ${serverOf(llm)}; JSON mode ${llm.jsonMode}, ${llm.stream ? "streamed" : "not streamed"}, passages up to ${llm.passageTokenBudget} tokens, up to ${llm.maxOutputTokens} output tokens, timeout ${llm.timeoutMs} ms`,
  );
  console.log(
    `${options.questions} questions sampled from each dataset (seed ${LLM_SAMPLE_SEED}); each asked through AnswerEngine with the model (attempt Infinity: no retry, no daily budget) and extractively, on the same ${embedder ? `hybrid retrieval (${embedder.name})` : "lexical retrieval"}.`,
  );
  console.log(
    "gold in 1st/any: a gold answer string (normalized as SQuAD does) in the first/any bullet, of n. citation prec.: of the bullets holding a gold answer, their citations whose passage holds it too. cites gold para: of all citations, those to the question's own paragraph.",
  );
  console.log(LOCAL_MODEL_HOWTO);

  let everyCallFailed = true;
  for (const [name, file, language, seedOffset] of [
    ["SQuAD v1.1 dev (part 1), English", "squad-v1.1-dev-part1.json", "en", 0],
    ["PIAF v1.0, French", "piaf-v1.0.json", "fr", 1],
  ] as const) {
    const corpus = qaCorpus(evalFile(file), language);
    const library = new Library();
    library.add(corpus.articles);
    const sample = sampleQuestions(corpus.questions, options.questions, LLM_SAMPLE_SEED + seedOffset);
    console.log(
      `\n${name}: ${sample.length} of ${corpus.questions.length} questions, ${library.articleCount} paragraphs as articles, ${library.passageCount} passages`,
    );
    if (embedder) {
      const started = performance.now();
      const vectors = new Map<string, Float32Array[]>();
      for (const entry of await embedArticles(corpus.articles, embedder)) {
        library.setVectors(entry.model, entry.articleId, entry.vectors);
        vectors.set(entry.articleId, entry.vectors);
      }
      const ranks = await sampleRetrieval(library, corpus.articles, vectors, sample, embedder);
      console.log(
        `Hybrid retrieval with ${embedder.name} (passages embedded in ${((performance.now() - started) / 1000).toFixed(1)} s), gold paragraph on these ${sample.length} questions:`,
      );
      console.log("ranking        top1 psg top5 psg");
      for (const [label, counts] of [
        ["lexical", ranks.lexical],
        ["vector only", ranks.vector],
        ["fused (RRF)", ranks.fused],
      ] as const) {
        console.log(
          `${label.padEnd(14)} ${share(counts.top1, sample.length).padStart(8)} ${share(counts.top5, sample.length).padStart(8)}`,
        );
      }
    }
    const extractiveEngine = new AnswerEngine({ library, embedder, log: () => {} });
    const outcomes: QuestionOutcome[] = [];
    let done = 0;
    await inPool(sample, options.concurrency, async (question, index) => {
      outcomes[index] = await askOne(question, library, { embedder, modelAnswering }, extractiveEngine);
      done++;
      if (done % 10 === 0 || done === sample.length)
        process.stderr.write(`  ${name}: ${done}/${sample.length}\n`);
    });
    const summary = summarizeOutcomes(outcomes);
    printSummary(summary);
    if (summary.calls > 0) everyCallFailed = false;
  }
  if (embedder) {
    console.log(
      "\n(NFCorpus hybrid retrieval is not re-run with this embedder: eval/hybrid.ts measures it with the hashing embedder only.)",
    );
  }
  if (everyCallFailed) {
    console.error(
      `\nNo model call succeeded: is the server at ${serverOf(llm)} running and serving ${llm.model}?`,
    );
    return 1;
  }
  return 0;
}
