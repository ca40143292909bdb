import type { Span } from "../types.ts";

/** Words that end with a period but (almost) never end a sentence: titles and Latin/Dutch/German shorthands. */
const NEVER_FINAL = new Set(
  (
    "Mr Mrs Ms Mx Dr Drs Prof Sr Jr St Mt Gen Lt Col Capt Sgt Adm Gov Sen Rep Rev Hon Pres Supt Insp " +
    "Mme Mmes Mlle Mlles Me Mgr Dhr Mevr Mw Ir Ing Hr Fr vs ca approx resp bzw bijv bv cf viz al Bros " +
    "Messrs"
  ).split(" "),
);

/** Abbreviations that do not end a sentence when a number follows ("No. 5", "Sept. 30", "p. 12"). */
const BEFORE_NUMBER = new Set(
  (
    "No Nr nr no Vol vol p pp Art art Fig fig Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec janv " +
    "févr avr juil déc okt mrt"
  ).split(" "),
);

const TERMINAL = /[.!?…]+/g;
const CLOSERS = new Set(['"', "'", "”", "’", "»", ")", "]"]);
const STARTER = /[\p{Lu}\p{N}"“‘'«([¿¡„]/u;
const SPACE = /\s/;
const GERMAN_MONTH =
  /^(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b/;

/**
 * Sentence spans of `text[start, end)`, as absolute offsets, trimmed and never empty. A line break always
 * ends a sentence; text without final punctuation is a sentence too. Initials ("Ronald K. Noble"), titles
 * ("Mme.", "Dr."), dotted shorthands ("e.g.", "U.S.") and decimals ("3.5") do not end sentences.
 */
export function splitSentences(text: string, start = 0, end = text.length): Span[] {
  const spans: Span[] = [];
  let lineStart = start;
  while (lineStart < end) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 || newline >= end ? end : newline;
    splitLine(text, lineStart, lineEnd, spans);
    lineStart = lineEnd + 1;
  }
  return spans;
}

function splitLine(text: string, start: number, end: number, spans: Span[]): void {
  let from = start;
  TERMINAL.lastIndex = start;
  for (let match = TERMINAL.exec(text); match !== null && match.index < end; match = TERMINAL.exec(text)) {
    const boundary = boundaryAfter(text, match.index, match.index + match[0].length, end);
    if (boundary === -1) continue;
    pushTrimmed(text, from, boundary, spans);
    from = boundary;
  }
  pushTrimmed(text, from, end, spans);
}

/** Where the sentence ends if the punctuation at [mark, afterMark) ends one, else -1. */
function boundaryAfter(text: string, mark: number, afterMark: number, end: number): number {
  let cursor = afterMark;
  while (cursor < end) {
    const char = text.charAt(cursor);
    if (CLOSERS.has(char)) cursor++;
    else if (SPACE.test(char) && text.charAt(cursor + 1) === "»") cursor += 2;
    else break;
  }
  if (cursor >= end || !SPACE.test(text.charAt(cursor))) return -1;
  let next = cursor;
  while (next < end && SPACE.test(text.charAt(next))) next++;
  if (next >= end || !STARTER.test(text.charAt(next))) return -1;
  const singlePeriod = afterMark - mark === 1 && text.charAt(mark) === ".";
  if (singlePeriod && cursor === afterMark && isAbbreviation(text, mark, next)) return -1;
  return cursor;
}

function isAbbreviation(text: string, period: number, next: number): boolean {
  let tokenStart = period;
  while (tokenStart > 0 && !/[\s("“'«[]/.test(text.charAt(tokenStart - 1))) tokenStart--;
  const token = text.slice(tokenStart, period);
  if (/^\p{Lu}$/u.test(token) || NEVER_FINAL.has(token) || /\p{L}\.\p{L}/u.test(token)) return true;
  const following = text.slice(next, next + 12);
  if (BEFORE_NUMBER.has(token) && /^\d/.test(following)) return true;
  return /^\d{1,2}$/.test(token) && GERMAN_MONTH.test(following);
}

function pushTrimmed(text: string, from: number, to: number, spans: Span[]): void {
  let start = from;
  let end = to;
  while (start < end && SPACE.test(text.charAt(start))) start++;
  while (end > start && SPACE.test(text.charAt(end - 1))) end--;
  if (start < end) spans.push({ start, end });
}
