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

type KeyVector = Map<string, number>;

function keyVector(candidate: Candidate, query: WeightedQuery, tools: AnswerTextTools): KeyVector {
  const vector: KeyVector = new Map();
  for (const term of candidate.terms) {
    if (query.variantSet.has(term)) continue;
    const key = /^\p{N}/u.test(term) ? term : term.slice(0, KEY_LENGTH);
    vector.set(key, Math.max(vector.get(key) ?? 0, tools.termWeight(term)));
  }
  return vector;
}

function cosine(a: KeyVector, b: KeyVector): { similarity: number; shared: number } {
  let dot = 0;
  let shared = 0;
  for (const [key, weight] of a) {
    const other = b.get(key);
    if (other !== undefined) {
      dot += weight * other;
      shared++;
    }
  }
  const norm = (vector: KeyVector) => Math.sqrt([...vector.values()].reduce((sum, w) => sum + w * w, 0));
  const denominator = norm(a) * norm(b);
  return { similarity: denominator > 0 ? dot / denominator : 0, shared };
}

function sameFact(a: KeyVector, aLanguage: LanguageCode, b: KeyVector, bLanguage: LanguageCode): boolean {
  const { similarity, shared } = cosine(a, b);
  if (aLanguage === bLanguage) return similarity >= SAME_LANGUAGE_THRESHOLD;
  return similarity >= CROSS_LANGUAGE_THRESHOLD && shared >= MIN_SHARED_KEYS_ACROSS_LANGUAGES;
}

/**
 * Greedy grouping, strongest sentence first: a sentence joins the first group whose lead states the same
 * fact; one sentence per article per group. The lead is the best sentence in the question's language.
 */
export function groupFacts(
  candidates: readonly Candidate[],
  query: WeightedQuery,
  tools: AnswerTextTools,
  questionLanguage: LanguageCode,
): FactGroup[] {
  const sorted = [...candidates].sort((a, b) => b.score - a.score);
  const groups: Array<{ members: Candidate[]; vectors: KeyVector[] }> = [];
  for (const candidate of sorted) {
    const vector = keyVector(candidate, query, tools);
    const home = groups.find(
      (group) =>
        !group.members.some((member) => member.articleId === candidate.articleId) &&
        group.members.some((member, index) =>
          sameFact(group.vectors[index] ?? new Map(), member.language, vector, candidate.language),
        ),
    );
    const duplicateInArticle = groups.some((group) =>
      group.members.some(
        (member, index) =>
          member.articleId === candidate.articleId &&
          sameFact(group.vectors[index] ?? new Map(), member.language, vector, candidate.language),
      ),
    );
    if (home) {
      home.members.push(candidate);
      home.vectors.push(vector);
    } else if (!duplicateInArticle) {
      groups.push({ members: [candidate], vectors: [vector] });
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
