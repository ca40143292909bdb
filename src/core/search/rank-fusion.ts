/**
 * Reciprocal-rank fusion (Cormack, Clarke & Büttcher 2009): each list adds weight / (k + rank) to the ids it
 * holds, rank counted from 1. Only ranks matter, so lists with incomparable scores (BM25, cosine) fuse.
 */
import { BriefingError } from "../errors.ts";
import type { ScoredId } from "./search-index.ts";

/** The constant of the original paper: large enough that the first ranks of one list do not dominate. */
export const DEFAULT_RRF_K = 60;

/** Hybrid retrieval fuses this many of each ranking for `limit` results: at least 100, 3 × the limit beyond. */
export function fusionDepth(limit: number): number {
  return Math.max(3 * limit, 100);
}

export interface FusionOptions {
  /** Default 60. */
  k?: number;
  /** One weight per list, default 1 each. */
  weights?: readonly number[];
  /** Keep only the best `limit` ids. */
  limit?: number;
}

interface Fused {
  id: string;
  score: number;
  /** Best rank in any list, then the first list holding it at that rank: the tie order. */
  bestRank: number;
  bestList: number;
}

/**
 * Fuses ranked id lists, best first. Ties in fused score go to the id with the better best rank, then to the
 * id ranked there by the earlier list, then to the smaller id (code-unit order): the order never depends on
 * hash iteration or sort stability. An id repeated within one list counts at its first rank only.
 */
export function reciprocalRankFusion(
  lists: readonly (readonly string[])[],
  options: FusionOptions = {},
): ScoredId[] {
  const k = options.k ?? DEFAULT_RRF_K;
  if (!(k >= 0)) throw new BriefingError("INTERNAL", "The fusion constant k must be >= 0.");
  const weights = options.weights;
  if (weights !== undefined && weights.length !== lists.length) {
    throw new BriefingError("INTERNAL", `${weights.length} fusion weights for ${lists.length} lists.`);
  }
  const fused = new Map<string, Fused>();
  lists.forEach((list, listIndex) => {
    const weight = weights?.[listIndex] ?? 1;
    const seen = new Set<string>();
    list.forEach((id, position) => {
      if (seen.has(id)) return;
      seen.add(id);
      const rank = position + 1;
      const entry = fused.get(id);
      if (entry === undefined) {
        fused.set(id, { id, score: weight / (k + rank), bestRank: rank, bestList: listIndex });
        return;
      }
      entry.score += weight / (k + rank);
      if (rank < entry.bestRank) {
        entry.bestRank = rank;
        entry.bestList = listIndex;
      }
    });
  });
  const ranked = [...fused.values()].sort(
    (a, b) =>
      b.score - a.score ||
      a.bestRank - b.bestRank ||
      a.bestList - b.bestList ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const kept = options.limit === undefined ? ranked : ranked.slice(0, Math.max(0, options.limit));
  return kept.map(({ id, score }) => ({ id, score }));
}
