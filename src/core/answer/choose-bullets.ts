import type { Candidate } from "./evidence-types.ts";
import type { FactGroup } from "./fact-groups.ts";
import type { WeightedQuery } from "./query-weights.ts";

/** Bullets after the first must be at least this share as likely to answer the question as the first… */
const RELATIVE_FLOOR = 0.3;
/** …or answer a part of the question no bullet before them does, worth this share of its weight. */
const NEW_PART_SHARE = 0.15;
/** A bullet matching less than this share of the best match needs a second article saying the same. */
const WEAK_MATCH = 0.6;

function distinctArticles(group: FactGroup): number {
  return new Set(group.members.map((member) => member.articleId)).size;
}

function best(group: FactGroup): number {
  return Math.max(...group.members.map((member) => member.score));
}

/**
 * The bullets to show, in order. The first is the fact of the best sentence: support from other articles orders
 * the rest but never overtakes it. Later bullets must answer the question too: nearly as likely as the first,
 * or answering a part of it the bullets before do not ("… and to the ferries?"). Floors are taken over the
 * candidates that remain, so an answer is never empty while there is a candidate.
 */
export function chooseBullets(
  groups: readonly FactGroup[],
  candidates: readonly Candidate[],
  query: WeightedQuery,
): FactGroup[] {
  const top = candidates.reduce<Candidate | undefined>(
    (leader, candidate) => (leader === undefined || candidate.score > leader.score ? candidate : leader),
    undefined,
  );
  if (!top) return [];
  const first = groups.find((group) => group.members.includes(top)) ?? groups[0];
  if (!first) return [];
  const bestCoverage = Math.max(...candidates.map((candidate) => candidate.coverage));
  const answered = new Set(first.lead.matched);
  const chosen = [first];
  for (const group of groups) {
    if (group === first) continue;
    const newWeight = [...group.lead.matched]
      .filter((index) => !answered.has(index))
      .reduce((sum, index) => sum + (query.weights[index] ?? 0), 0);
    const likely = best(group) >= RELATIVE_FLOOR * top.score;
    const newPart = query.total > 0 && newWeight / query.total >= NEW_PART_SHARE;
    const strongEnough = group.lead.coverage >= WEAK_MATCH * bestCoverage || distinctArticles(group) >= 2;
    if (!(likely && strongEnough) && !newPart) continue;
    chosen.push(group);
    for (const index of group.lead.matched) answered.add(index);
  }
  return chosen;
}
