import type { QueryTerm } from "../text/query.ts";
import type { ScoredId } from "./search-index.ts";

/**
 * How much a follow-up leans on the articles the thread's earlier answer cited: their passages matching the
 * follow-up score (1 + this) times as much (lexical), or join the fusion as a list of this weight (hybrid).
 */
export const FOLLOW_UP_PRIOR = 0.5;

/**
 * Lexical hits with the prior applied: `prior` holds the earlier answer's passages scored against the same
 * query (those matching no query word are not there); each gains the share, those outside the top list join it.
 */
export function withPrior(
  hits: readonly ScoredId[],
  prior: readonly ScoredId[],
  limit: number,
  weight = FOLLOW_UP_PRIOR,
): ScoredId[] {
  if (prior.length === 0) return [...hits];
  const scores = new Map(hits.map((hit) => [hit.id, hit.score]));
  for (const { id, score } of prior) scores.set(id, (scores.get(id) ?? score) * (1 + weight));
  return [...scores]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}

/** How much a word of the earlier answer (its articles' titles) weighs in a follow-up, against 1 for its own. */
export const CONVERSATION_TERM_WEIGHT = 0.3;

/**
 * The question's words, then the conversation's that the question does not hold, at CONVERSATION_TERM_WEIGHT
 * and marked as the conversation's (never named as missing from an answer).
 */
export function conversationTerms(asked: readonly QueryTerm[], earlier: readonly QueryTerm[]): QueryTerm[] {
  if (earlier.length === 0) return [...asked];
  const held = new Set(asked.flatMap((term) => term.variants));
  const added = new Set<string>();
  const joined = earlier.filter((term) => {
    const key = term.variants.join(" ");
    if (term.variants.some((variant) => held.has(variant)) || added.has(key)) return false;
    added.add(key);
    return true;
  });
  return [
    ...asked,
    ...joined.map((term) => ({
      ...term,
      weight: term.weight * CONVERSATION_TERM_WEIGHT,
      fromConversation: true,
    })),
  ];
}
