import { cosine, isAnchorKey, type KeyVector } from "./sentence-vectors.ts";

const DIGIT = /\p{N}/u;

/** Conservative on purpose: a citation claims that the cited passage states the sentence's fact. */
const SAME_LANGUAGE_THRESHOLD = 0.45;
const CROSS_LANGUAGE_THRESHOLD = 0.35;
/** Names alone do not make a fact: what happened (verbs, nouns, numbers) must be shared too. */
const MIN_SHARED_WORDS = 2;
/** Across languages a name or number beyond the story's subject must agree as well. */
const MIN_SHARED_ANCHORS_ACROSS_LANGUAGES = 1;

export interface FactSide {
  language: string;
  vector: KeyVector;
}

/** The similarity of two sentences when they state the same fact, else 0. */
export function sameFactScore(a: FactSide, b: FactSide): number {
  const similarity = cosine(a.vector, b.vector);
  const sameLanguage = a.language === b.language;
  if (similarity < (sameLanguage ? SAME_LANGUAGE_THRESHOLD : CROSS_LANGUAGE_THRESHOLD)) return 0;
  let words = 0;
  let anchors = 0;
  for (const key of a.vector.keys()) {
    if (!b.vector.has(key)) continue;
    if (isAnchorKey(key) && !DIGIT.test(key.charAt(1))) anchors++;
    else words++;
  }
  if (words < MIN_SHARED_WORDS) return 0;
  return sameLanguage || anchors >= MIN_SHARED_ANCHORS_ACROSS_LANGUAGES ? similarity : 0;
}
