import { foldAccents, normalizeText } from "../text/fold.ts";
import type { LanguageCode } from "../types.ts";
import type { AnswerTextTools, Candidate } from "./evidence-types.ts";
import type { WeightedQuery } from "./query-weights.ts";

/** Sentences stating the same fact, in one or more articles and languages. */
export interface FactGroup {
  members: Candidate[];
  /** The sentence shown as the bullet. */
  lead: Candidate;
  score: number;
}

/** Stems compared by their first letters also match across languages: analys/analyz, informatie/information. */
const KEY_LENGTH = 5;
const SAME_LANGUAGE_THRESHOLD = 0.35;
const CROSS_LANGUAGE_THRESHOLD = 0.4;
const MIN_SHARED_KEYS_ACROSS_LANGUAGES = 3;
const SUPPORT_BONUS = 0.2;
const OTHER_LANGUAGE_PENALTY = 0.75;

/**
 * Passage vector similarity from which a sentence in another language than a group's first sentence, sharing
 * a salient name, number or acronym with it (not the question's), states the same fact. Measured with the
 * deterministic hashing-256 embedder on the seeds' title-prefixed passages, one story in three languages
 * (`npm run eval` prints the distribution): of the 666 cross-language passage pairs the median is 0.27 and the
 * 99th percentile 0.49; of the 6 pairs at 0.50 or more, 3 state the same fact (two translations of one quote,
 * two accounts of one meeting), of the 17 between 0.45 and 0.50 only 3 do. So 0.50, where the share of
 * same-fact pairs halves; the salient-name condition then drops pairs that only tell the same story (on the
 * seed questions every cross-language group it forms is a translation or the same statement). A semantic
 * model puts translations higher (0.8 and up is common) and unrelated text higher too: measure again with it.
 */
export const CROSS_LANGUAGE_VECTOR_THRESHOLD = 0.5;

/** Cosine similarity of two passages' vectors, undefined when either has none. */
export type PassageSimilarity = (passageIdA: string, passageIdB: string) => number | undefined;

interface KeyVector {
  weights: Map<string, number>;
  norm: number;
}

const EMPTY_VECTOR: KeyVector = { weights: new Map(), norm: 0 };

const WORDS = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const CAPITALIZED = /^\p{Lu}/u;
const DIGIT = /\p{N}/u;
const LETTERS = /\p{L}/gu;

/** A shared name must be this salient (share of the highest term weight): not the name every article has. */
const SALIENT_KEY_SHARE = 0.3;

/**
 * The sentence's salient names (capitalized past its first word), acronyms and numbers, folded the same way
 * in every language so "Rotterdam", "120" and "INTERPOL" match across languages. The question's own words
 * are left out, since every candidate shares those, and so are names most passages hold ("Trend Micro" in a
 * corpus about Trend Micro).
 */
function nameKeys(candidate: Candidate, query: WeightedQuery, tools: AnswerTextTools): Set<string> {
  return new Set(namedWords(candidate, query, tools, true).map(({ key }) => key));
}

interface NamedWord {
  key: string;
  position: number;
  /** Whether only spaces stand between this word and the one before it. */
  joinsPrevious: boolean;
}

/** `salientOnly`: leave out names most passages hold. */
function namedWords(
  candidate: Candidate,
  query: WeightedQuery,
  tools: AnswerTextTools,
  salientOnly: boolean,
): NamedWord[] {
  const named: NamedWord[] = [];
  const floor = SALIENT_KEY_SHARE * tools.maxTermWeight();
  const text = normalizeText(candidate.text);
  const matches = [...text.matchAll(WORDS)];
  matches.forEach((match, position) => {
    const word = match[0];
    const before = matches[position - 1];
    const gap = before ? text.slice((before.index ?? 0) + before[0].length, match.index) : "";
    const lower = word.toLowerCase();
    const acronym = word === word.toUpperCase() && lower !== word && (word.match(LETTERS)?.length ?? 0) >= 2;
    const isNamed = acronym || DIGIT.test(word) || (position > 0 && CAPITALIZED.test(word));
    if (!isNamed) return;
    const key = foldAccents(lower);
    if (query.variantSet.has(key)) return;
    const terms = tools.analyze(word, candidate.language);
    if (terms.length === 0 || terms.some((term) => query.variantSet.has(term))) return;
    if (salientOnly && Math.max(...terms.map((term) => tools.termWeight(term))) < floor) return;
    const initial = before !== undefined && before[0].length === 1;
    named.push({ key, position, joinsPrevious: (initial ? /^\.?\s+$/u : /^\s+$/u).test(gap) });
  });
  return named;
}

const MIN_ANSWER_WORD = 2;
/** How close (in words) a name must stand to the question's words to be read as the answer to it. */
const ANSWER_DISTANCE = 3;

/**
 * For a question asking who, when, where or how many: the name or number nearest to the question's words,
 * when it stands right beside them, with the names written next to it ("Eva Chen, CEO of Trend Micro" gives
 * "eva", "chen" for "Who is the CEO of Trend Micro?"). Two sentences with the same answer key give the same
 * answer, however else they differ.
 */
function answerKey(candidate: Candidate, query: WeightedQuery, tools: AnswerTextTools): string[] | undefined {
  const words = normalizeText(candidate.text).match(WORDS) ?? [];
  const asked = words.flatMap((word, position) =>
    tools.analyze(word, candidate.language).some((term) => query.variantSet.has(term)) ? [position] : [],
  );
  const named = namedWords(candidate, query, tools, false);
  let nearest = -1;
  let distance = ANSWER_DISTANCE + 1;
  named.forEach((word, index) => {
    for (const position of asked) {
      const gap = Math.abs(position - word.position);
      if (gap < distance) {
        distance = gap;
        nearest = index;
      }
    }
  });
  if (nearest < 0) return undefined;
  let first = nearest;
  let last = nearest;
  const joined = (index: number) =>
    named[index]?.joinsPrevious === true && named[index - 1]?.position === (named[index]?.position ?? 0) - 1;
  while (first > 0 && joined(first)) first--;
  while (last + 1 < named.length && joined(last + 1)) last++;
  return named.slice(first, last + 1).map((word) => word.key);
}

/** Two answers name the same thing when they share a word other than an initial: "Noble", "Ronald K. Noble". */
function sameAnswer(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (!a || !b) return false;
  return a.some((word) => word.length >= MIN_ANSWER_WORD && b.includes(word));
}

const NO_KEYS: ReadonlySet<string> = new Set();

/**
 * Only sentences at least this share as likely to answer as the best one start a group (none weaker could be
 * a bullet); weaker ones, up to MAX_GROUPED sentences in all, may only join a group as further sources.
 */
const LEADING_SHARE = 0.1;
const MAX_GROUPED = 120;

function sharesKey(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const key of a) if (b.has(key)) return true;
  return false;
}

function keyVector(candidate: Candidate, query: WeightedQuery, tools: AnswerTextTools): KeyVector {
  const weights = new Map<string, number>();
  for (const term of candidate.terms) {
    if (query.variantSet.has(term)) continue;
    const key = /^\p{N}/u.test(term) ? term : term.slice(0, KEY_LENGTH);
    weights.set(key, Math.max(weights.get(key) ?? 0, tools.termWeight(term)));
  }
  let squares = 0;
  for (const weight of weights.values()) squares += weight * weight;
  return { weights, norm: Math.sqrt(squares) };
}

function cosine(a: KeyVector, b: KeyVector): { similarity: number; shared: number } {
  let dot = 0;
  let shared = 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  for (const [key, weight] of small.weights) {
    const other = large.weights.get(key);
    if (other !== undefined) {
      dot += weight * other;
      shared++;
    }
  }
  const denominator = a.norm * b.norm;
  return { similarity: denominator > 0 ? dot / denominator : 0, shared };
}

function sameFact(a: KeyVector, aLanguage: LanguageCode, b: KeyVector, bLanguage: LanguageCode): boolean {
  const { similarity, shared } = cosine(a, b);
  if (aLanguage === bLanguage) return similarity >= SAME_LANGUAGE_THRESHOLD;
  return similarity >= CROSS_LANGUAGE_THRESHOLD && shared >= MIN_SHARED_KEYS_ACROSS_LANGUAGES;
}

/**
 * Two sentences in different languages state the same fact by their passages' vectors: similar passages,
 * and a salient name, number or acronym in common. Only a group's first sentence is compared this way, so
 * a group does not grow by a chain of vector neighbours (A like B, B like C, C unlike A).
 */
function sameFactByVector(
  similarity: PassageSimilarity,
  a: Candidate,
  aKeys: ReadonlySet<string>,
  b: Candidate,
  bKeys: ReadonlySet<string>,
): boolean {
  if (a.language === b.language) return false;
  const score = similarity(a.passage.id, b.passage.id);
  return score !== undefined && score >= CROSS_LANGUAGE_VECTOR_THRESHOLD && sharesKey(aKeys, bKeys);
}

/**
 * Greedy grouping, strongest sentence first: a sentence joins the first group whose lead states the same
 * fact; one sentence per article per group. The lead is the best sentence in the question's language. When the
 * question asks for a name, date or number (`asksForAnswer`), sentences giving the same one beside the
 * question's words state the same fact (see `answerKey`). With
 * passage vectors (`similarity`), a sentence in another language than a group's first also joins it by
 * vector similarity.
 */
export function groupFacts(
  candidates: readonly Candidate[],
  query: WeightedQuery,
  tools: AnswerTextTools,
  questionLanguage: LanguageCode,
  similarity?: PassageSimilarity,
  asksForAnswer = false,
): FactGroup[] {
  const sorted = [...candidates].sort((a, b) => b.score - a.score).slice(0, MAX_GROUPED);
  const leadingFloor = LEADING_SHARE * (sorted[0]?.score ?? 0);
  const groups: Array<{
    members: Candidate[];
    vectors: KeyVector[];
    keys: ReadonlySet<string>[];
    answer: string[] | undefined;
  }> = [];
  for (const candidate of sorted) {
    const vector = keyVector(candidate, query, tools);
    const keys = similarity ? nameKeys(candidate, query, tools) : NO_KEYS;
    const answer = asksForAnswer ? answerKey(candidate, query, tools) : undefined;
    const same = (group: (typeof groups)[number], member: Candidate, index: number): boolean =>
      (index === 0 && sameAnswer(group.answer, answer)) ||
      sameFact(group.vectors[index] ?? EMPTY_VECTOR, member.language, vector, candidate.language) ||
      (similarity !== undefined &&
        index === 0 &&
        sameFactByVector(similarity, member, group.keys[index] ?? NO_KEYS, candidate, keys));
    const home = groups.find(
      (group) =>
        !group.members.some((member) => member.articleId === candidate.articleId) &&
        group.members.some((member, index) => same(group, member, index)),
    );
    const duplicateInArticle = groups.some((group) =>
      group.members.some(
        (member, index) => member.articleId === candidate.articleId && same(group, member, index),
      ),
    );
    if (home) {
      home.members.push(candidate);
      home.vectors.push(vector);
      home.keys.push(keys);
    } else if (!duplicateInArticle && candidate.score >= leadingFloor) {
      groups.push({ members: [candidate], vectors: [vector], keys: [keys], answer });
    }
  }
  return groups.map(({ members }) => scoreGroup(members, questionLanguage)).sort((a, b) => b.score - a.score);
}

function scoreGroup(members: Candidate[], questionLanguage: LanguageCode): FactGroup {
  const inLanguage = members.filter((member) => member.language === questionLanguage);
  const lead = (inLanguage.length > 0 ? inLanguage : members).reduce((a, b) => (b.score > a.score ? b : a));
  const best = Math.max(...members.map((member) => member.score));
  const support = 1 + SUPPORT_BONUS * Math.log2(members.length);
  const languageFactor = inLanguage.length > 0 ? 1 : OTHER_LANGUAGE_PENALTY;
  return { members, lead, score: best * support * languageFactor };
}
