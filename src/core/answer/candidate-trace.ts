import type { Candidate, RetrievedPassage } from "./evidence-types.ts";

export type CandidateObserver = (
  question: string,
  candidates: readonly Candidate[],
  retrieved: readonly RetrievedPassage[],
) => void;

let observer: CandidateObserver | undefined;

/**
 * Lets the sentence ranker's training (`npm run train`) and the evaluation see every scored sentence of the
 * product's own answer path. Returns a function that removes the observer. Not for the product.
 */
export function observeCandidates(next: CandidateObserver): () => void {
  observer = next;
  return () => {
    if (observer === next) observer = undefined;
  };
}

export function reportCandidates(
  question: string,
  candidates: readonly Candidate[],
  retrieved: readonly RetrievedPassage[],
): void {
  observer?.(question, candidates, retrieved);
}
