import { SENTENCE_FEATURES } from "./sentence-features.ts";
import { SENTENCE_RANKER } from "./sentence-ranker-weights.ts";

export interface SentenceRankerModel {
  bias: number;
  weights: Readonly<Record<string, number>>;
}

/**
 * Weights in the ranker's feature order. A feature the model has no weight for counts 0, so `npm run train`
 * can run after features change; a test checks that the committed weights cover every feature.
 */
export function orderedWeights(model: SentenceRankerModel): number[] {
  return SENTENCE_FEATURES.map((name) => model.weights[name] ?? 0);
}

const committed = orderedWeights(SENTENCE_RANKER);

/** The probability that a sentence answers the question: a logistic model over its lexical features. */
export function sentenceProbability(features: readonly number[]): number {
  let logit = SENTENCE_RANKER.bias;
  for (let index = 0; index < committed.length; index++)
    logit += (committed[index] ?? 0) * (features[index] ?? 0);
  return 1 / (1 + Math.exp(-logit));
}
