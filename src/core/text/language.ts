import { eld } from "eld/small";
import { type LanguageCode, UNDETERMINED_LANGUAGE } from "../types.ts";

/** Detection reads at most this many characters: enough for a stable answer, and it bounds the cost. */
export const LANGUAGE_SAMPLE_CHARS = 1000;

/** Fewer than 12 letters and the language is undetermined. */
const ENOUGH_LETTERS = /(?:\p{L}\P{L}*){12}/u;

const LANGUAGE_TAG = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/i;
const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

/** ISO 639-1 code of the text's language (eld, on a bounded sample), or "und" when unreliable. */
export function detectLanguage(text: string): LanguageCode {
  const sample = sampleOf(text);
  if (!ENOUGH_LETTERS.test(sample)) return UNDETERMINED_LANGUAGE;
  const result = eld.detect(sample);
  return result.language !== "" && result.isReliable() ? result.language : UNDETERMINED_LANGUAGE;
}

/**
 * eld's score of each language it finds in the text (higher: more likely; not probabilities), even for
 * text too short for a reliable detection.
 */
export function languageScores(text: string): Readonly<Record<LanguageCode, number>> {
  return eld.detect(sampleOf(text)).getScores();
}

/**
 * The primary language subtag of a BCP 47 tag, lower case ("en-GB" → "en"), or undefined when the value is
 * not shaped like a language tag at all.
 */
export function languageTagCode(value: string): LanguageCode | undefined {
  const match = LANGUAGE_TAG.exec(value.trim());
  return match?.[1]?.toLowerCase();
}

/** A code Unicode CLDR knows as a language ("sw" yes, "xx" no). */
export function isKnownLanguage(code: LanguageCode): boolean {
  return code !== UNDETERMINED_LANGUAGE && languageNames.of(code) !== undefined;
}

export function languageName(code: LanguageCode): string {
  return languageNames.of(code) ?? code;
}

function sampleOf(text: string): string {
  if (text.length <= LANGUAGE_SAMPLE_CHARS) return text;
  const cut = text.lastIndexOf(" ", LANGUAGE_SAMPLE_CHARS);
  return text.slice(0, cut > LANGUAGE_SAMPLE_CHARS / 2 ? cut : LANGUAGE_SAMPLE_CHARS);
}
