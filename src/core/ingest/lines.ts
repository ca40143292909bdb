/** Shape tests for one line or block of text; used to tell headlines, headings and furniture from prose. */

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
/** Whitespace runs other than a single plain space (JavaScript's \s covers the Unicode spaces). */
const UNUSUAL_SPACE = /[^\S ]\s*| \s+/g;
const HAS_UNUSUAL_SPACE = /[^\S ]| {2}/;
const SENTENCE_END = /[.!?…:;,]["'”’»)\]]*$/;
const HEADLINE_BAD_END = /[.,;:]["'”’»)\]]*$/;
const LETTER = /\p{L}/u;
const WORD = /[^\s\p{L}\p{N}]*[\p{L}\p{N}]\S*/gu;

/** NFC, no invisible characters, single spaces, trimmed. */
export function cleanInline(text: string): string {
  return collapseSpaces(text.normalize("NFC").replace(INVISIBLE, "")).trim();
}

/** Every whitespace run becomes one plain space. */
export function collapseSpaces(text: string): string {
  return HAS_UNUSUAL_SPACE.test(text) ? text.replace(UNUSUAL_SPACE, " ") : text;
}

/** Space-separated tokens with at least one letter or digit. */
export function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Ends with sentence punctuation (or a comma, colon, semicolon), before any closing quotes. */
export function endsLikeSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

/** A short line without closing punctuation: a heading, a label, a menu entry. */
export function isHeadingLike(text: string): boolean {
  return (
    !text.includes("\n") &&
    text.length <= 100 &&
    wordCount(text) <= 12 &&
    LETTER.test(text) &&
    !endsLikeSentence(text)
  );
}

/** Could be an article's headline: a few words up to a long line, not ending like a clause. */
export function isHeadlineLike(text: string): boolean {
  const words = wordCount(text);
  return (
    words >= 3 && words <= 30 && text.length <= 250 && !text.includes("\n") && !HEADLINE_BAD_END.test(text)
  );
}

export function startsLowercase(text: string): boolean {
  return /^\p{Ll}/u.test(text);
}

/** Lower case, single spaces, letters and digits only: for comparing two renderings of one text. */
export function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
