import type { Span } from "../types.ts";

/** Discourse connectives that open a sentence but carry no fact of their own. */
const LEADING_CONNECTIVE =
  /^(?:specifically|in addition|additionally|also|furthermore|moreover|meanwhile|however|in response|as a result|daarnaast|bovendien|verder|ook|tevens|par ailleurs|en outre|de plus|ainsi|enfin|également)\s*,?\s+/iu;

const SURROUNDING_SPACE = /^\s+|\s+$/gu;

/** Narrows a sentence span: trims whitespace and a leading connective when what remains still reads as a sentence. */
export function trimSentence(text: string, span: Span): Span {
  let { start, end } = span;
  const raw = text.slice(start, end);
  const leading = raw.length - raw.trimStart().length;
  const trailing = raw.length - raw.trimEnd().length;
  start += leading;
  end -= trailing;
  const connective = LEADING_CONNECTIVE.exec(text.slice(start, end));
  if (connective) {
    const rest = text.slice(start + connective[0].length, end);
    if (/^[\p{Lu}\p{N}"“«]/u.test(rest)) start += connective[0].length;
  }
  return { start, end: Math.max(start, end) };
}

export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/gu, " ").replace(SURROUNDING_SPACE, "");
}
