import { ANCHOR_MARK, type StorySentence } from "./story-sentences.ts";

/** A unit-length bag of weighted keys. */
export type KeyVector = Map<string, number>;

/** Keys in more than this share of a story's sentences (its subject: "Trend Micro") say nothing about a fact. */
const STORY_COMMON_SHARE = 0.2;
const MIN_SENTENCES_FOR_COMMON = 10;

/**
 * TF-IDF over the story's own sentences: (1 + ln tf) · ln(1 + n / df), L2-normalised. With `dropCommon`,
 * keys found in more than STORY_COMMON_SHARE of the sentences are left out.
 */
function weigh(counts: readonly Map<string, number>[], dropCommon = false): KeyVector[] {
  const documentFrequency = new Map<string, number>();
  for (const keys of counts)
    for (const key of keys.keys()) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
  const commonCap =
    dropCommon && counts.length >= MIN_SENTENCES_FOR_COMMON ? counts.length * STORY_COMMON_SHARE : Infinity;
  return counts.map((keys) => {
    const vector: KeyVector = new Map();
    let norm = 0;
    for (const [key, count] of keys) {
      if ((documentFrequency.get(key) ?? 0) > commonCap) continue;
      const weight = (1 + Math.log(count)) * Math.log(1 + counts.length / (documentFrequency.get(key) ?? 1));
      vector.set(key, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [key, weight] of vector) vector.set(key, weight / norm);
    return vector;
  });
}

/** For centrality: analyzed terms plus anchors, so that sentences in other languages still connect. */
export function contentVectors(sentences: readonly StorySentence[]): KeyVector[] {
  return weigh(
    sentences.map((sentence) => {
      const keys = new Map(sentence.terms);
      for (const anchor of sentence.anchors) keys.set(ANCHOR_MARK + anchor, 1);
      return keys;
    }),
  );
}

/** For fact matching: the sentences' fact keys, minus the story's subject. */
export function factVectors(sentences: readonly StorySentence[]): KeyVector[] {
  return weigh(
    sentences.map((sentence) => sentence.factKeys),
    true,
  );
}

export function isAnchorKey(key: string): boolean {
  return key.startsWith(ANCHOR_MARK);
}

export function cosine(a: KeyVector, b: KeyVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [key, weight] of small) dot += weight * (large.get(key) ?? 0);
  return dot;
}
