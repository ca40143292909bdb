import { forEachPiece, termOf } from "../text/analyze.ts";
import { foldAccents } from "../text/fold.ts";
import { profileFor } from "../text/language-profiles.ts";
import type { LanguageCode } from "../types.ts";

const CAPITAL_OR_DIGIT = /^[\p{Lu}\p{N}]/u;
const TWO_SYMBOLS = /^.{2}/su;

/**
 * One pass over a text: `emit` gets every analyzed term (folded, stemmed, stopwords removed) and, when the
 * word is an anchor, the anchor: a capitalised word, acronym or number of two characters or more, folded but
 * not stemmed. Names and numbers are spelled alike in English, Dutch and French: anchors link languages.
 */
export function forEachFeature(
  text: string,
  language: LanguageCode,
  emit: (term: string, anchor: string | undefined) => void,
): void {
  const profile = profileFor(language);
  forEachPiece(text, profile, (piece) => {
    const term = termOf(piece, profile);
    if (term.length === 0) return;
    const anchor = CAPITAL_OR_DIGIT.test(piece) && TWO_SYMBOLS.test(piece);
    emit(term, anchor ? foldAccents(piece.toLowerCase()) : undefined);
  });
}

/** Counts of terms and anchors of a text. */
export function featureCounts(
  text: string,
  language: LanguageCode,
): { terms: Map<string, number>; anchors: Map<string, number> } {
  const terms = new Map<string, number>();
  const anchors = new Map<string, number>();
  forEachFeature(text, language, (term, anchor) => {
    terms.set(term, (terms.get(term) ?? 0) + 1);
    if (anchor !== undefined) anchors.set(anchor, (anchors.get(anchor) ?? 0) + 1);
  });
  return { terms, anchors };
}
