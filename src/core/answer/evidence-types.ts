import type { QueryTerm } from "../text/query.ts";
import type { LanguageCode, Passage, Span } from "../types.ts";

/** One word of the question with its analyzed form in every indexed language. */
export type QueryToken = QueryTerm;

/** What the answerer needs from text analysis and the index, and nothing more. */
export interface AnswerTextTools {
  analyze(text: string, language: LanguageCode): readonly string[];
  analyzeQuery(text: string, languages: readonly LanguageCode[], likelyLanguage: LanguageCode): QueryToken[];
  /** Inverse document frequency of an analyzed term; unseen terms weigh the most. */
  termWeight(term: string): number;
  /** The weight of a term no document contains: the ceiling of `termWeight`. */
  maxTermWeight(): number;
}

export interface RetrievedPassage {
  passage: Passage;
  score: number;
}

/** A sentence that may answer the question. */
export interface Candidate {
  articleId: string;
  passage: Passage;
  /** The sentence in its article, possibly trimmed of a leading connective. */
  span: Span;
  text: string;
  language: LanguageCode;
  terms: ReadonlySet<string>;
  /** Indices of the question tokens this sentence contains. */
  matched: ReadonlySet<number>;
  coverage: number;
  /** The sentence ranker's features; absent for a sentence added because it continues a strong one. */
  features?: readonly number[];
  /** The sentence ranker's probability that this sentence answers the question. */
  score: number;
}
