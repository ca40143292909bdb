import type { IngestedArticle } from "../src/core/types.ts";

const WORD = /[\p{L}\p{N}]+/gu;
const NAIVE_THRESHOLD = 0.2;

/**
 * The naive baseline: TF-IDF over lower-cased words (no stemming, no stopword list, no anchors), cosine over
 * all pairs, connected components (single link) of pairs at or above 0.2.
 */
export function naiveSingleLink(articles: readonly IngestedArticle[]): string[][] {
  const counts = articles.map(({ article }) => {
    const words = new Map<string, number>();
    for (const word of article.text.toLowerCase().match(WORD) ?? [])
      words.set(word, (words.get(word) ?? 0) + 1);
    return words;
  });
  const documentFrequency = new Map<string, number>();
  for (const words of counts)
    for (const word of words.keys()) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  const vectors = counts.map((words) => {
    const weights = new Map<string, number>();
    for (const [word, count] of words)
      weights.set(word, count * Math.log(articles.length / (documentFrequency.get(word) ?? 1)));
    const norm = Math.sqrt([...weights.values()].reduce((sum, weight) => sum + weight * weight, 0)) || 1;
    for (const [word, weight] of weights) weights.set(word, weight / norm);
    return weights;
  });
  const parent = articles.map((_, index) => index);
  const root = (index: number): number => {
    let at = index;
    while (parent[at] !== at) at = parent[at] ?? at;
    return at;
  };
  vectors.forEach((a, i) => {
    for (let j = i + 1; j < vectors.length; j++) {
      const b = vectors[j];
      if (b === undefined) continue;
      let dot = 0;
      for (const [word, weight] of a) dot += weight * (b.get(word) ?? 0);
      if (dot >= NAIVE_THRESHOLD) parent[root(j)] = root(i);
    }
  });
  const groups = new Map<number, string[]>();
  articles.forEach(({ article }, index) => {
    const key = root(index);
    groups.set(key, [...(groups.get(key) ?? []), article.id]);
  });
  return [...groups.values()];
}
