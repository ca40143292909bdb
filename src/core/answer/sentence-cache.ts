import type { Passage, Span } from "../types.ts";
import type { AnswerTextTools } from "./evidence-types.ts";
import { writtenWords } from "./sentence-features.ts";
import { trimSentence } from "./trim-sentence.ts";

/** A sentence of a passage with what every question reads of it, computed once. */
export interface AnalyzedSentence {
  span: Span;
  text: string;
  /** Analyzed terms in order. */
  sequence: readonly string[];
  terms: ReadonlySet<string>;
  /** Analyzed terms of its first words, where a sentence names its subject. */
  opening: readonly string[];
  /** Its words as written, and in lower case. */
  words: readonly string[];
  lowered: readonly string[];
}

export interface AnalyzedPassage {
  sentences: readonly AnalyzedSentence[];
  titleTerms: readonly string[];
}

/** Passages analyzed lately; analysis depends on the text and language only, so any library may share it. */
const CACHED_PASSAGES = 4_096;
const cache = new Map<Passage, AnalyzedPassage>();

/** Words that make a sentence's opening. */
export const OPENING_WORDS = 8;

export function analyzePassage(
  passage: Passage,
  articleText: string,
  title: string,
  tools: AnswerTextTools,
): AnalyzedPassage {
  const known = cache.get(passage);
  if (known) {
    cache.delete(passage);
    cache.set(passage, known);
    return known;
  }
  const analyzed: AnalyzedPassage = {
    sentences: passage.sentences.map((span) => analyzeSentence(passage, span, articleText, tools)),
    titleTerms: tools.analyze(title, passage.language),
  };
  cache.set(passage, analyzed);
  if (cache.size > CACHED_PASSAGES) {
    const oldest = cache.keys().next().value;
    if (oldest) cache.delete(oldest);
  }
  return analyzed;
}

export function analyzeSentence(
  passage: Passage,
  span: Span,
  articleText: string,
  tools: AnswerTextTools,
): AnalyzedSentence {
  const trimmed = trimSentence(articleText, span);
  const text = articleText.slice(trimmed.start, trimmed.end);
  const sequence = tools.analyze(text, passage.language);
  const opening = text.split(/\s+/u, OPENING_WORDS).join(" ");
  const words = writtenWords(text);
  return {
    span: trimmed,
    text,
    sequence,
    terms: new Set(sequence),
    opening: tools.analyze(opening, passage.language),
    words,
    lowered: words.map((word) => word.toLocaleLowerCase()),
  };
}
