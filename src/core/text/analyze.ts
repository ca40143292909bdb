import type { LanguageCode } from "../types.ts";
import { foldAccents, normalizeText } from "./fold.ts";
import { type LanguageProfile, profileFor } from "./language-profiles.ts";
import { JOINER, splitWord, WORD } from "./word-pieces.ts";

export { SUPPORTED_LANGUAGES } from "./language-profiles.ts";

const MAX_TERM_LENGTH = 64;
const TERM_CACHE_LIMIT = 200_000;
const STEMMABLE = /^[a-z]+$/;
const LETTERS = /\p{L}/gu;

/** "INTERPOL", "IGCI", "US": all capitals with at least two letters. Never stemmed, never a stopword. */
function isAcronym(piece: string, lower: string): boolean {
  return lower !== piece && piece === piece.toUpperCase() && (piece.match(LETTERS)?.length ?? 0) >= 2;
}

function computeTerm(piece: string, profile: LanguageProfile): string {
  const lower = piece.toLowerCase();
  const folded = foldAccents(lower);
  if (isAcronym(piece, lower)) return folded;
  if (profile.stopwords.has(folded)) return "";
  if (profile.stem === undefined || !STEMMABLE.test(folded)) return folded;
  return profile.stem(folded);
}

/** The index term of one piece in its original case, or "" for a stopword or an over-long piece. */
export function termOf(piece: string, profile: LanguageProfile): string {
  if (piece.length > MAX_TERM_LENGTH) return "";
  let term = profile.termCache.get(piece);
  if (term === undefined) {
    term = computeTerm(piece, profile);
    if (profile.termCache.size >= TERM_CACHE_LIMIT) profile.termCache.clear();
    profile.termCache.set(piece, term);
  }
  return term;
}

/** Calls `emit` with every piece of the text, in order, in its original case (after NFKC). */
export function forEachPiece(text: string, profile: LanguageProfile, emit: (piece: string) => void): void {
  for (const word of normalizeText(text).match(WORD) ?? []) {
    if (JOINER.test(word)) splitWord(word, profile.apostrophe, emit);
    else emit(word);
  }
}

/**
 * Index-time terms of a text in a language: NFKC, case and accent folding, elisions, stopwords removed,
 * Snowball stems. Numbers, and words in capitals (acronyms), are kept unstemmed. Languages without a
 * dedicated analyzer get folding and splitting only.
 */
export function analyze(text: string, language: LanguageCode): string[] {
  const terms: string[] = [];
  forEachTerm(text, language, (term) => terms.push(term));
  return terms;
}

/** `analyze` without the array: calls `emit` with each term in order. */
export function forEachTerm(text: string, language: LanguageCode, emit: (term: string) => void): void {
  const profile = profileFor(language);
  forEachPiece(text, profile, (piece) => {
    const term = termOf(piece, profile);
    if (term.length > 0) emit(term);
  });
}

/** The distinct terms of a sentence, for overlap scoring. */
export function contentTerms(text: string, language: LanguageCode): Set<string> {
  return new Set(analyze(text, language));
}
