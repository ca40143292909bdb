/** Classic extractive baselines, run on the same sentences as briefbot's summarizer. */
import {
  allSentences,
  contentVectors,
  lexRank,
  type StorySentence,
  summarySentences,
} from "../src/core/digest/index.ts";
import type { IngestedArticle } from "../src/core/types.ts";
import { seededRandom, shuffled } from "./seeded-random.ts";

export type Ranker = (sentences: readonly StorySentence[]) => StorySentence[];

/** Greedy fill in rank order: skip what overruns the budget or repeats a chosen sentence word for word. */
export function fill(ranked: readonly StorySentence[], words: number): string {
  const chosen: string[] = [];
  let used = 0;
  for (const sentence of ranked) {
    if (used + sentence.words > words || chosen.includes(sentence.text)) continue;
    chosen.push(sentence.text);
    used += sentence.words;
  }
  return chosen.join(" ");
}

function byScore(sentences: readonly StorySentence[], scores: readonly number[]): StorySentence[] {
  return sentences
    .map((sentence, index) => ({ sentence, score: scores[index] ?? 0, index }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ sentence }) => sentence);
}

/** Erkan & Radev's continuous LexRank, no position prior, no redundancy step. */
export const lexRankBaseline: Ranker = (sentences) => byScore(sentences, lexRank(contentVectors(sentences)));

/** Radev et al.'s centroid: cosine of each sentence's TF-IDF vector to the mean of all of them. */
export const centroidBaseline: Ranker = (sentences) => {
  const vectors = contentVectors(sentences);
  const centroid = new Map<string, number>();
  for (const vector of vectors)
    for (const [key, weight] of vector) centroid.set(key, (centroid.get(key) ?? 0) + weight);
  return byScore(
    sentences,
    vectors.map((vector) =>
      [...vector].reduce((sum, [key, weight]) => sum + weight * (centroid.get(key) ?? 0), 0),
    ),
  );
};

/** The first sentences of the first document. */
export const leadBaseline: Ranker = (sentences) =>
  sentences.toSorted((a, b) => a.article - b.article || a.position - b.position);

export function randomBaseline(seed: number): Ranker {
  const random = seededRandom(seed);
  return (sentences) => shuffled(sentences, random);
}

export function candidateSentences(articles: readonly IngestedArticle[]): StorySentence[] {
  return summarySentences(allSentences(articles));
}
