import type { LanguageCode } from "../types.ts";
import { forEachPiece, termOf } from "./analyze.ts";
import { type LanguageProfile, profileFor } from "./language-profiles.ts";

/** One word of a query, analyzed for every language the query may be meant for. */
export interface QueryTerm {
  /** The word as written (after NFKC), e.g. "l'économie" gives "économie". */
  surface: string;
  /** Language → index term. A language is absent when the word is one of its stopwords. */
  byLanguage: ReadonlyMap<LanguageCode, string>;
  /** The distinct terms of `byLanguage`. */
  variants: readonly string[];
  /** How many times the word occurs in the query, lowered for probable function words. */
  weight: number;
}

export interface QueryAnalysisOptions {
  /**
   * The question's probable language. A word that is one of its stopwords is dropped ("the" in an English
   * question does not match the English quotes of Dutch articles); without it, such words are down-weighted.
   */
  likelyLanguage?: LanguageCode;
}

/** Queries are questions: text beyond this many characters is ignored. */
export const MAX_QUERY_LENGTH = 10_000;

/** Weight of a word that is a stopword in some of the query's languages when the question's language is unknown. */
export const STOPWORD_ELSEWHERE_WEIGHT = 0.3;

function piecesOf(text: string, profile: LanguageProfile): string[] {
  const pieces: string[] = [];
  forEachPiece(text, profile, (piece) => pieces.push(piece));
  return pieces;
}

/**
 * Analyzes a query for each of `languages` (every language present in the index, say). Query words line up
 * across languages, so each QueryTerm carries one term per language and a document is matched by the term
 * of its own language only: one word is never counted twice. Empty or stopword-only text gives [].
 * Only the first MAX_QUERY_LENGTH characters are read.
 */
export function analyzeQuery(
  text: string,
  languages: readonly LanguageCode[],
  options: QueryAnalysisOptions = {},
): QueryTerm[] {
  const likely = options.likelyLanguage;
  const analyzedLanguages = [...new Set(likely === undefined ? languages : [likely, ...languages])];
  const profiles = analyzedLanguages.map(profileFor);
  const question = text.length > MAX_QUERY_LENGTH ? text.slice(0, MAX_QUERY_LENGTH) : text;
  const piecesByLanguage = profiles.map((profile) => piecesOf(question, profile));
  const aligned = piecesByLanguage.every((pieces) => pieces.length === piecesByLanguage[0]?.length);
  if (!aligned) {
    // Rare: an apostrophe rule changed how a word splits. Analyze each language on its own.
    return languages.flatMap((language) => analyzeQuery(question, [language], { likelyLanguage: language }));
  }
  const wanted = new Set(languages);
  const terms = new Map<string, QueryTerm>();
  const pieceCount = piecesByLanguage[0]?.length ?? 0;
  for (let index = 0; index < pieceCount; index++) {
    const byLanguage = new Map<LanguageCode, string>();
    let stopwordSomewhere = false;
    let stopwordInLikely = false;
    analyzedLanguages.forEach((language, position) => {
      const piece = piecesByLanguage[position]?.[index] ?? "";
      const profile = profiles[position];
      const term = profile === undefined ? "" : termOf(piece, profile);
      if (term.length === 0) {
        stopwordSomewhere = true;
        if (language === likely) stopwordInLikely = true;
      } else if (wanted.has(language)) {
        byLanguage.set(language, term);
      }
    });
    if (stopwordInLikely || byLanguage.size === 0) continue;
    const weight = stopwordSomewhere && likely === undefined ? STOPWORD_ELSEWHERE_WEIGHT : 1;
    const variants = [...new Set(byLanguage.values())];
    const key = [...byLanguage].map(([language, term]) => `${language}:${term}`).join(" ");
    const existing = terms.get(key);
    if (existing) existing.weight += weight;
    else terms.set(key, { surface: piecesByLanguage[0]?.[index] ?? "", byLanguage, variants, weight });
  }
  return [...terms.values()];
}
