import type { Span } from "../../types.ts";

/**
 * Text as quotes are compared: NFKC, lower case, whitespace runs as one space, typographic quotes and
 * apostrophes as ASCII, dashes as "-", invisible format characters dropped. `starts[i]` and `ends[i]` give,
 * for each character of `text`, the range of the original string it came from, so a match in normalised text
 * can be located in the original.
 */
export interface NormalizedText {
  text: string;
  starts: number[];
  ends: number[];
}

const SINGLE_QUOTES = /['‘’‚‛′`´ʼ]/u;
const DOUBLE_QUOTES = /["“”„‟″«»]/u;
const DASHES = /[-‐‑‒–—―−]/u;
/** Angle quotes stand in for "<" and ">" in passages shown to the model (see answer-prompt.ts). */
const ANGLES: Readonly<Record<string, string>> = { "‹": "<", "›": ">" };
const INVISIBLE = /^[\u00ad\u200b-\u200d\u2060\ufeff]+$/u;
const WHITESPACE = /\s/u;
/** One base character with the combining marks that follow it: NFKC must see them together. */
const SEGMENT = /\P{M}\p{M}*|\p{M}+/gu;

function mapCharacter(character: string): string {
  if (SINGLE_QUOTES.test(character)) return "'";
  if (DOUBLE_QUOTES.test(character)) return '"';
  if (DASHES.test(character)) return "-";
  return ANGLES[character] ?? character;
}

export function normalizeForQuote(original: string): NormalizedText {
  let text = "";
  const starts: number[] = [];
  const ends: number[] = [];
  // One entry per UTF-16 unit of `text`, so indexes into it (astral characters take two) find their origin.
  const push = (character: string, start: number, end: number) => {
    text += character;
    for (let unit = 0; unit < character.length; unit++) {
      starts.push(start);
      ends.push(end);
    }
  };
  for (const match of original.matchAll(SEGMENT)) {
    const segment = match[0];
    const start = match.index;
    const end = start + segment.length;
    if (INVISIBLE.test(segment)) continue;
    for (const character of segment.normalize("NFKC").toLowerCase()) {
      if (WHITESPACE.test(character)) {
        if (text.length > 0 && !text.endsWith(" ")) push(" ", start, end);
        continue;
      }
      for (const mapped of mapCharacter(character)) push(mapped, start, end);
    }
  }
  if (text.endsWith(" ")) {
    text = text.slice(0, -1);
    starts.pop();
    ends.pop();
  }

  return { text, starts, ends };
}

/** Ellipses, quotation marks and sentence punctuation a model puts around a quote; NFKC turns "…" into "...". */
const QUOTE_EDGES = /^(?:\.\.\.|[\s"'.,;:!?])+|(?:\.\.\.|[\s"'.,;:!?])+$/gu;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

export const MIN_QUOTE_WORDS = 2;
export const MIN_QUOTE_CHARACTERS = 8;

/** The quote as it is compared: normalised, without a leading or trailing ellipsis or quotation marks. */
export function quoteKey(quote: string): string {
  return normalizeForQuote(quote).text.replace(QUOTE_EDGES, "");
}

/** Long enough to be checked: at least MIN_QUOTE_WORDS words and MIN_QUOTE_CHARACTERS characters. */
export function isCheckableQuote(key: string): boolean {
  const words = key.split(" ").filter((word) => WORD_CHARACTER.test(word));
  return words.length >= MIN_QUOTE_WORDS && key.length >= MIN_QUOTE_CHARACTERS;
}

function atWordBoundary(text: string, index: number, inside: string | undefined): boolean {
  if (inside === undefined || !WORD_CHARACTER.test(inside)) return true;
  const outside = text.charAt(index);
  return outside === "" || !WORD_CHARACTER.test(outside);
}

/**
 * Where the quote occurs in the passage, as a span of the ORIGINAL passage text, or undefined when it does not
 * occur (after normalisation, on word boundaries) or is too short to prove anything.
 */
export function findQuote(passage: string | NormalizedText, quote: string): Span | undefined {
  const key = quoteKey(quote);
  if (!isCheckableQuote(key)) return undefined;
  const haystack = typeof passage === "string" ? normalizeForQuote(passage) : passage;
  let from = haystack.text.indexOf(key);
  while (from >= 0) {
    const last = from + key.length - 1;
    if (
      atWordBoundary(haystack.text, from - 1, key.charAt(0)) &&
      atWordBoundary(haystack.text, last + 1, key.at(-1))
    ) {
      const start = haystack.starts[from];
      const end = haystack.ends[last];
      if (start !== undefined && end !== undefined) return { start, end };
    }
    from = haystack.text.indexOf(key, from + 1);
  }
  return undefined;
}
