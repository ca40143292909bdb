import type { ApostropheRule } from "./language-profiles.ts";

/**
 * A word as the tokenizer sees it: letters, digits and marks, joined by hyphens, apostrophes, middle dots, and
 * dots or commas (only between digits do those stay inside a piece). A leading apostrophe is kept so that
 * Dutch "'s-Hertogenbosch" can be recognised.
 */
export const WORD = /['’‘]?[\p{L}\p{N}\p{M}]+(?:[-'’‘‐‑.,·][\p{L}\p{N}\p{M}]+)*/gu;

/** Any character that sends a word through the slower splitting path. */
export const JOINER = /[-'’‘ʼ‐‑.,·]/;

const LEADING_APOSTROPHE = /^['’‘]/;
/** French inverted subject pronouns: "tombe-t-il", "va-t-on", "peut-elle", "sont-ils". */
const INVERTED_PRONOUN = /(?:[-‐‑]t)?[-‐‑](?:il|elle|ils|elles|je|tu|nous|vous)$|[-‐‑]t[-‐‑]on$/iu;
const HYPHENS = /[-‐‑]/;
const DOTS_OR_COMMAS = /[.,]/;
const MIDDLE_DOTS = /·/g;
const LETTER = /\p{L}/u;
const NUMBER_WITH_SEPARATORS = /^\d+(?:[.,]\d+)+$/;
const THOUSANDS = /^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/;

/** "3.000" and "3,000" → "3000"; "1,5" → "1.5"; dates and versions keep their dots. */
function normalizeNumber(number: string): string {
  if (THOUSANDS.test(number)) return number.replace(/[.,]/g, "");
  return number.replace(/,/g, ".");
}

/** Splits one hyphen-free part at dots and commas, keeping numbers and initialisms ("U.S." → "US") whole. */
function splitAtDots(part: string, pieces: string[]): void {
  if (!DOTS_OR_COMMAS.test(part)) {
    pieces.push(part);
    return;
  }
  if (NUMBER_WITH_SEPARATORS.test(part)) {
    pieces.push(normalizeNumber(part));
    return;
  }
  const segments = part.split(DOTS_OR_COMMAS).filter((segment) => segment.length > 0);
  if (segments.every((segment) => segment.length === 1)) pieces.push(segments.join(""));
  else pieces.push(...segments);
}

function partPieces(part: string, apostrophe: ApostropheRule): string[] {
  const pieces: string[] = [];
  const joined = apostrophe(part.replace(MIDDLE_DOTS, ""));
  splitAtDots(joined.length > 0 ? joined : part, pieces);
  return pieces;
}

/**
 * Splits a WORD match into the pieces to analyze, in its original case. Hyphenated words give their parts
 * plus the joined compound ("cyber-threat" → cyber, threat, cyberthreat); a one-character part is glued on
 * instead ("e-learning" → elearning). The number of pieces never depends on the apostrophe rule, so query
 * analysis can align the pieces of different languages.
 */
export function splitWord(word: string, apostrophe: ApostropheRule, emit: (piece: string) => void): void {
  let rest = word.replace(INVERTED_PRONOUN, "");
  let parts: string[];
  if (LEADING_APOSTROPHE.test(rest)) {
    rest = rest.slice(1);
    parts = rest.split(HYPHENS);
    // Dutch archaic genitive: 's-Hertogenbosch, 't-Zand.
    if (parts.length > 1 && parts[0]?.length === 1) parts = parts.slice(1);
  } else {
    parts = rest.split(HYPHENS);
  }
  const piecesOfParts = parts.filter((part) => part.length > 0).map((part) => partPieces(part, apostrophe));
  const simpleParts = piecesOfParts.every((pieces) => pieces.length === 1);
  if (piecesOfParts.length < 2 || !simpleParts) {
    for (const pieces of piecesOfParts) for (const piece of pieces) emit(piece);
    return;
  }
  const compoundParts = piecesOfParts.map((pieces) => pieces[0] ?? "");
  const compound = compoundParts.join("");
  if (compoundParts.some((part) => part.length === 1)) {
    emit(compound);
    return;
  }
  for (const part of compoundParts) emit(part);
  if (LETTER.test(compound)) emit(compound);
}
