import { MONTH_NUMBER, MONTH_PATTERN } from "./month-names.ts";

export interface FoundDate {
  /** yyyy-mm-dd */
  iso: string;
  index: number;
  /** Length of the matched date text. */
  length: number;
}

const NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
const NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";
const FOUR_DIGITS = /\d{4}/;
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;
const DAY_MONTH_YEAR = new RegExp(
  `${NOT_WORD_BEFORE}(\\d{1,2})(?:er|e|st|nd|rd|th|\\.)?\\s+(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})${NOT_WORD_AFTER}`,
  "giu",
);
const MONTH_DAY_YEAR = new RegExp(
  `${NOT_WORD_BEFORE}(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${NOT_WORD_AFTER}`,
  "giu",
);
const NUMERIC = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/.-]\d)/g;
const YEAR_FIRST_SLASHED = /(?<!\d)(\d{4})\/(\d{1,2})\/(\d{1,2})(?!\d)/g;

/**
 * Every full calendar date (day, month and year) in the text, in order of position. Dates without a year
 * ("last June 21") are not dates here. Numeric dates are day-first unless only month-first is valid.
 */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  if (!FOUR_DIGITS.test(text)) return found;
  const add = (match: RegExpExecArray, year: number, month: number | undefined, day: number) => {
    const iso = month === undefined ? undefined : toIso(year, month, day);
    const index = match.index;
    if (iso && !found.some((date) => date.index === index))
      found.push({ iso, index, length: match[0].length });
  };
  for (const m of text.matchAll(ISO)) add(m, Number(m[1]), Number(m[2]), Number(m[3]));
  for (const m of text.matchAll(YEAR_FIRST_SLASHED)) add(m, Number(m[1]), Number(m[2]), Number(m[3]));
  for (const m of text.matchAll(DAY_MONTH_YEAR)) add(m, Number(m[3]), monthOf(m[2]), Number(m[1]));
  for (const m of text.matchAll(MONTH_DAY_YEAR)) add(m, Number(m[3]), monthOf(m[1]), Number(m[2]));
  for (const m of text.matchAll(NUMERIC)) {
    const [first, second, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
    const dayFirst = first > 12 || second <= 12;
    add(m, year, dayFirst ? second : first, dayFirst ? first : second);
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The first full date in the text as yyyy-mm-dd, or undefined. */
export function parseDate(text: string): string | undefined {
  return findDates(text)[0]?.iso;
}

function monthOf(name: string | undefined): number | undefined {
  return name === undefined ? undefined : MONTH_NUMBER.get(name.toLowerCase());
}

function toIso(year: number, month: number, day: number): string | undefined {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
