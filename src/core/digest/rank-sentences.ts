import type { LanguageCode } from "../types.ts";
import { cosine, type KeyVector } from "./sentence-vectors.ts";
import type { StorySentence } from "./story-sentences.ts";

const DAMPING = 0.85;
const ITERATIONS = 30;
/** LexRank drops weak links: below this a shared common word is all two sentences have. */
const LINK_THRESHOLD = 0.1;
/** News puts the facts first: the lead sentence counts this much more than a late one. */
const LEAD_BONUS = 0.5;
const OTHER_LANGUAGE_FACTOR = 0.3;

/** Continuous LexRank (Erkan & Radev 2004): PageRank over the cosine-weighted sentence graph. */
export function lexRank(vectors: readonly KeyVector[]): number[] {
  const count = vectors.length;
  const links: Array<Array<[number, number]>> = vectors.map(() => []);
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      const similarity = cosine(vectors[i] ?? new Map(), vectors[j] ?? new Map());
      if (similarity < LINK_THRESHOLD) continue;
      links[i]?.push([j, similarity]);
      links[j]?.push([i, similarity]);
    }
  }
  const outWeight = links.map((row) => row.reduce((sum, [, weight]) => sum + weight, 0));
  let scores = new Array<number>(count).fill(1 / Math.max(count, 1));
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const next = new Array<number>(count).fill((1 - DAMPING) / count);
    let dangling = 0;
    links.forEach((row, from) => {
      const total = outWeight[from] ?? 0;
      const share = scores[from] ?? 0;
      if (total === 0) dangling += share;
      else for (const [to, weight] of row) next[to] = (next[to] ?? 0) + (DAMPING * share * weight) / total;
    });
    scores = next.map((score) => score + (DAMPING * dangling) / count);
  }
  return scores;
}

/**
 * How well each sentence stands for the story: LexRank centrality (support from the other sentences,
 * in any language through shared names and numbers), a bonus for lead sentences, and a penalty for
 * sentences outside the preferred language.
 */
export function rankSentences(
  sentences: readonly StorySentence[],
  vectors: readonly KeyVector[],
  language: LanguageCode,
): number[] {
  const centrality = lexRank(vectors);
  return sentences.map((sentence, index) => {
    const lead = 1 + LEAD_BONUS / (1 + sentence.position);
    const languageFactor = sentence.language === language ? 1 : OTHER_LANGUAGE_FACTOR;
    return (centrality[index] ?? 0) * lead * languageFactor;
  });
}
