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
  /**
   * Language → share of the word's weight in documents of that language (absent: the full weight): how
   * likely the query is in that language. Absent for names, numbers, acronyms and words every language
   * analyzes alike, which link languages at full weight.
   */
  languageWeights?: ReadonlyMap<LanguageCode, number>;
  /**
   * A word of the conversation, not of the question (a follow-up's earlier answer): it weighs in ranking at
   * its low weight, and an answer is never withdrawn, nor noted, for lacking it.
   */
  fromConversation?: boolean;
}

export interface QueryAnalysisOptions {
  /**
   * The question's probable language. A word that is one of its stopwords is dropped ("the" in an English
   * question does not match the English quotes of Dutch articles); without it, such words are down-weighted.
   */
  likelyLanguage?: LanguageCode;
  /**
   * Language → how likely the query is in it relative to the most likely language (1). A word that is not a
   * name, number or acronym and that the languages analyze differently counts with that share in documents of
   * each language, so an English query is not matched by French stems by accident.
   */
  languageWeights?: ReadonlyMap<LanguageCode, number>;
}

const DIGIT = /\p{N}/u;
const CAPITAL = /^\p{Lu}/u;

/**
 * The shares of one word: full in every language that analyzes it as the most likely language does (the
 * word is spelled the same there), the language's share elsewhere, and everywhere when the word is a
 * stopword of the most likely language ("the" of an English question is no French word).
 */
function termShares(
  byLanguage: ReadonlyMap<LanguageCode, string>,
  shares: ReadonlyMap<LanguageCode, number>,
): ReadonlyMap<LanguageCode, number> {
  let likeliest: LanguageCode | undefined;
  for (const [language, share] of shares) {
    if (likeliest === undefined || share > (shares.get(likeliest) ?? 0)) likeliest = language;
  }
  const reference = likeliest === undefined ? undefined : byLanguage.get(likeliest);
  const result = new Map<LanguageCode, number>();
  for (const [language, term] of byLanguage) {
    result.set(language, term === reference ? 1 : (shares.get(language) ?? 1));
  }
  return result;
}

/** Names, numbers and acronyms link languages: "Interpol" past the first word, "IGCI", "2014". */
function linksLanguages(piece: string, position: number): boolean {
  if (DIGIT.test(piece)) return true;
  if (!CAPITAL.test(piece)) return false;
  return position > 0 || (piece.length > 1 && piece === piece.toLocaleUpperCase());
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
    const surface = piecesByLanguage[0]?.[index] ?? "";
    if (existing) existing.weight += weight;
    else {
      const term: QueryTerm = { surface, byLanguage, variants, weight };
      const shares = options.languageWeights;
      if (shares !== undefined && !linksLanguages(surface, index)) {
        term.languageWeights = termShares(byLanguage, shares);
      }
      terms.set(key, term);
    }
  }
  return [...terms.values()];
}
