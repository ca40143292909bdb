import type { AnswerType } from "./answer-type.ts";
import { holdsAnswerType } from "./answer-type.ts";
import { matchQuery, type WeightedQuery } from "./query-weights.ts";

/** The lexical evidence the sentence ranker weighs, in this order (the weights file names them). */
export const SENTENCE_FEATURES = [
  "coverage",
  "coverageOfBest",
  "coverageOfPassageBest",
  "tokenShare",
  "bigrams",
  "proximity",
  "previousSentenceGain",
  "passageCoverage",
  "passageCoverageOfBest",
  "titleGain",
  "typeFit",
  "typeMiss",
  "passageShare",
  "passageRank",
  "topPassage",
  "sentencePosition",
  "firstSentence",
  "length",
  "novelty",
  "quote",
  "subjectName",
  "phrase",
  "typeNearQuestion",
] as const;

export type SentenceFeatureName = (typeof SENTENCE_FEATURES)[number];

/** What is known of one sentence before comparing it with the others. */
export interface SentenceEvidence {
  text: string;
  /** Analyzed terms in order. */
  sequence: readonly string[];
  /** Its words as written (`writtenWords`), and in lower case. */
  words: readonly string[];
  lowered: readonly string[];
  terms: ReadonlySet<string>;
  matched: ReadonlySet<number>;
  coverage: number;
  /** Terms of the sentence before it in the same passage, if any. */
  previousTerms: ReadonlySet<string> | undefined;
  /** Coverage of the question by the whole passage. */
  passageCoverage: number;
  /** Coverage by the passage and its article's title together. */
  titledPassageCoverage: number;
  passageRank: number;
  passageShare: number;
  sentenceIndex: number;
  quote: boolean;
  subjectName: boolean;
}

const BIGRAM_GAP = 3;
const LONG_SENTENCE_WORDS = 60;

/** For each question token, the positions in the sentence where it occurs. */
function tokenPositions(query: WeightedQuery, sequence: readonly string[], language: string): number[][] {
  return query.tokens.map((token) => {
    const own = token.byLanguage.get(language);
    const forms = own !== undefined ? [own] : token.variants;
    const positions: number[] = [];
    sequence.forEach((term, position) => {
      if (forms.includes(term)) positions.push(position);
    });
    return positions;
  });
}

/** Share of the question's neighbouring word pairs that also stand close together, in order, in the sentence. */
function bigramShare(positions: readonly number[][]): number {
  let pairs = 0;
  let close = 0;
  for (let index = 0; index + 1 < positions.length; index++) {
    pairs++;
    const first = positions[index] ?? [];
    const second = positions[index + 1] ?? [];
    if (first.some((a) => second.some((b) => b > a && b - a <= BIGRAM_GAP))) close++;
  }
  return pairs === 0 ? 0 : close / pairs;
}

/** Matched question words per word of the shortest stretch holding one occurrence of each. */
function proximity(positions: readonly number[][]): number {
  const present = positions.filter((list) => list.length > 0);
  if (present.length < 2) return present.length === 1 ? 1 : 0;
  const events = present
    .flatMap((list, token) => list.map((position) => ({ position, token })))
    .sort((a, b) => a.position - b.position);
  const seen = new Map<number, number>();
  let covered = 0;
  let left = 0;
  let best = Number.POSITIVE_INFINITY;
  for (const event of events) {
    seen.set(event.token, (seen.get(event.token) ?? 0) + 1);
    if (seen.get(event.token) === 1) covered++;
    while (covered === present.length) {
      const start = events[left];
      if (!start) break;
      best = Math.min(best, event.position - start.position + 1);
      const count = (seen.get(start.token) ?? 0) - 1;
      seen.set(start.token, count);
      if (count === 0) covered--;
      left++;
    }
  }
  return Number.isFinite(best) ? present.length / best : 0;
}

function union(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const joined = new Set(a);
  for (const term of b) joined.add(term);
  return joined;
}

const SURFACE_WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;

/** Words as written, in order: for phrase overlap and the proximity of answers. */
export function writtenWords(text: string): string[] {
  return text.match(SURFACE_WORD) ?? [];
}

/** The longest run of words the question and the sentence share in the same order, as a share of the question. */
function phraseShare(questionWords: readonly string[], sentenceWords: readonly string[]): number {
  if (questionWords.length === 0) return 0;
  let longest = 0;
  let previous = new Array<number>(sentenceWords.length + 1).fill(0);
  for (const asked of questionWords) {
    const current = new Array<number>(sentenceWords.length + 1).fill(0);
    sentenceWords.forEach((word, index) => {
      if (word === asked) {
        const run = (previous[index] ?? 0) + 1;
        current[index + 1] = run;
        if (run > longest) longest = run;
      }
    });
    previous = current;
  }
  return longest / questionWords.length;
}

/**
 * How close a phrase of the expected answer type (a date, a number, a new name) stands to a word of the
 * question: 1 beside it, 1/2 one word away, 0 when there is none.
 */
function typeNearQuestion(
  original: readonly string[],
  questionWords: ReadonlySet<string>,
  type: AnswerType,
  question: string,
): number {
  const asked: number[] = [];
  const typed: number[] = [];
  original.forEach((word, position) => {
    const lower = word.toLocaleLowerCase();
    if (questionWords.has(lower)) asked.push(position);
    else if (type === "name" ? position > 0 && /^\p{Lu}/u.test(word) : holdsAnswerType(word, type, question))
      typed.push(position);
  });
  let nearest = Number.POSITIVE_INFINITY;
  for (const a of asked) for (const t of typed) nearest = Math.min(nearest, Math.abs(a - t));
  return Number.isFinite(nearest) ? 1 / nearest : 0;
}

/** What every sentence of one question is compared with. */
export interface QuestionContext {
  question: string;
  query: WeightedQuery;
  answerType: AnswerType | undefined;
  /** The question's words as written, lower case. */
  questionWords: readonly string[];
  questionWordSet: ReadonlySet<string>;
  /** The highest coverage among all candidates. */
  bestCoverage: number;
  /** The highest coverage of a whole passage. */
  bestPassageCoverage: number;
}

/**
 * The features of one sentence. `passageBestCoverage` is the highest coverage among the sentences of its
 * passage; with the context's best figures, a sentence is also judged against its rivals.
 */
export function sentenceFeatures(
  evidence: SentenceEvidence,
  language: string,
  context: QuestionContext,
  passageBestCoverage: number,
): number[] {
  const { query, question, answerType, bestCoverage, bestPassageCoverage } = context;
  const positions = tokenPositions(query, evidence.sequence, language);
  const previousGain =
    evidence.previousTerms === undefined
      ? 0
      : matchQuery(query, union(evidence.terms, evidence.previousTerms), language).coverage -
        evidence.coverage;
  const fits = answerType !== undefined && holdsAnswerType(evidence.text, answerType, question);
  const variants = query.variantSet;
  const novel = evidence.sequence.filter((term) => !variants.has(term)).length;
  const words = evidence.words.length;
  const values: Record<SentenceFeatureName, number> = {
    coverage: evidence.coverage,
    coverageOfBest: bestCoverage > 0 ? evidence.coverage / bestCoverage : 0,
    coverageOfPassageBest: passageBestCoverage > 0 ? evidence.coverage / passageBestCoverage : 0,
    tokenShare: query.tokens.length > 0 ? evidence.matched.size / query.tokens.length : 0,
    bigrams: bigramShare(positions),
    proximity: proximity(positions),
    previousSentenceGain: previousGain,
    passageCoverage: evidence.passageCoverage,
    passageCoverageOfBest: bestPassageCoverage > 0 ? evidence.passageCoverage / bestPassageCoverage : 0,
    titleGain: evidence.titledPassageCoverage - evidence.passageCoverage,
    typeFit: fits ? 1 : 0,
    typeMiss: answerType !== undefined && !fits ? 1 : 0,
    passageShare: evidence.passageShare,
    passageRank: 1 / (1 + evidence.passageRank),
    topPassage: evidence.passageRank === 0 ? 1 : 0,
    sentencePosition: 1 / (1 + evidence.sentenceIndex),
    firstSentence: evidence.sentenceIndex === 0 ? 1 : 0,
    length: Math.min(1, words / LONG_SENTENCE_WORDS),
    novelty: evidence.sequence.length > 0 ? novel / evidence.sequence.length : 0,
    quote: evidence.quote ? 1 : 0,
    subjectName: evidence.subjectName ? 1 : 0,
    phrase: phraseShare(context.questionWords, evidence.lowered),
    typeNearQuestion:
      answerType === undefined
        ? 0
        : typeNearQuestion(evidence.words, context.questionWordSet, answerType, question),
  };
  return SENTENCE_FEATURES.map((name) => values[name]);
}
