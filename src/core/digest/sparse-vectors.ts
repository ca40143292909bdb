/** A unit-length sparse vector over a batch vocabulary: parallel arrays of term ids and weights. */
export interface SparseVector {
  ids: number[];
  weights: number[];
}

export interface WeightingOptions {
  /** At most this many of a document's heaviest keys are kept: enough to say what it is about. */
  keep: number;
  /** Keys in more than this share of the documents (and more than MIN_COMMON_CAP) are dropped as common. */
  commonShare: number;
}

const MIN_COMMON_CAP = 50;

/**
 * TF-IDF vectors of a batch: (1 + ln tf) · ln(1 + N / df), keys seen in one document only or in most
 * documents dropped (they cannot link two stories apart), the `keep` heaviest kept, then L2-normalised.
 * Ids are assigned in order of first use, so equal input gives equal ids.
 */
export function tfidfVectors(
  counts: readonly ReadonlyMap<string, number>[],
  options: WeightingOptions,
): SparseVector[] {
  const documentFrequency = new Map<string, number>();
  for (const document of counts) {
    for (const key of document.keys()) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
  }
  const total = counts.length;
  const commonCap = Math.max(MIN_COMMON_CAP, total * options.commonShare);
  const ids = new Map<string, number>();
  return counts.map((document) => {
    const weighted: Array<[string, number]> = [];
    for (const [key, frequency] of document) {
      const df = documentFrequency.get(key) ?? 1;
      if (df < 2 || df > commonCap) continue;
      weighted.push([key, (1 + Math.log(frequency)) * Math.log(1 + total / df)]);
    }
    const kept = heaviest(weighted, options.keep);
    const norm = Math.sqrt(kept.reduce((sum, [, weight]) => sum + weight * weight, 0));
    const vector: SparseVector = { ids: [], weights: [] };
    for (const [key, weight] of kept) {
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
      }
      vector.ids.push(id);
      vector.weights.push(weight / norm);
    }
    return vector;
  });
}

/** The `keep` heaviest entries, heaviest first (ties by key), without sorting the whole list. */
function heaviest(entries: Array<[string, number]>, keep: number): Array<[string, number]> {
  let candidates = entries;
  if (entries.length > keep) {
    const weights = Float64Array.from(entries, ([, weight]) => weight).sort();
    const floor = weights[weights.length - keep] ?? 0;
    candidates = entries.filter(([, weight]) => weight >= floor);
  }
  candidates.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return candidates.slice(0, keep);
}
