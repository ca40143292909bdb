import { newStemmer } from "snowball-stemmers";
import type { LanguageCode } from "../types.ts";
import { foldAccents } from "./fold.ts";
import { stopwordsFor } from "./stopwords.ts";

/** How a word part containing an apostrophe becomes exactly one piece (never zero, never two). */
export type ApostropheRule = (part: string) => string;

/** Everything that differs between languages in analysis. */
export interface LanguageProfile {
  /** The language code, or "neutral" for the fallback profile. */
  name: string;
  stopwords: ReadonlySet<string>;
  /** Snowball stemmer for folded lower-case letters, or undefined for no stemming. */
  stem: ((word: string) => string) | undefined;
  apostrophe: ApostropheRule;
  /** Word as written → term ("" for a stopword): Snowball takes ~10 µs a word and words repeat. */
  termCache: Map<string, string>;
}

const APOSTROPHES = /['’‘ʼ]/g;
const TRAILING_POSSESSIVE = /['’‘ʼ][sS]$/;
const FIRST_APOSTROPHE = /['’‘ʼ]/;
const FRENCH_ELISIONS = new Set([
  "l",
  "d",
  "j",
  "m",
  "n",
  "s",
  "t",
  "c",
  "qu",
  "jusqu",
  "lorsqu",
  "puisqu",
  "quoiqu",
]);

function joinApostrophes(part: string): string {
  return part.replace(APOSTROPHES, "");
}

/** "Chen's" → "Chen", "don't" → "dont"; Dutch plurals ("auto's" → "auto") follow the same rule. */
function dropPossessive(part: string): string {
  return joinApostrophes(part.replace(TRAILING_POSSESSIVE, ""));
}

/** "l'économie" → "économie", "jusqu'à" → "à", "aujourd'hui" → "aujourdhui". */
function dropFrenchElision(part: string): string {
  const match = FIRST_APOSTROPHE.exec(part);
  if (match === null) return part;
  const prefix = foldAccents(part.slice(0, match.index).toLowerCase());
  const rest = part.slice(match.index + 1);
  return FRENCH_ELISIONS.has(prefix) ? joinApostrophes(rest) : joinApostrophes(part);
}

/** Unknown languages: a one- or two-letter prefix is taken for an elided article (Italian "l'anno"). */
function dropShortPrefix(part: string): string {
  const match = FIRST_APOSTROPHE.exec(part);
  if (match === null) return part;
  return match.index <= 2 ? joinApostrophes(part.slice(match.index + 1)) : joinApostrophes(part);
}

function profile(name: LanguageCode, algorithm: string, apostrophe: ApostropheRule): LanguageProfile {
  const stemmer = newStemmer(algorithm);
  const stem = (word: string): string => stemmer.stem(word) || word;
  return { name, stopwords: stopwordsFor(name), stem, apostrophe, termCache: new Map() };
}

const PROFILES = new Map<LanguageCode, LanguageProfile>([
  ["en", profile("en", "english", dropPossessive)],
  ["nl", profile("nl", "dutch", dropPossessive)],
  ["fr", profile("fr", "french", dropFrenchElision)],
]);

export const NEUTRAL_PROFILE: LanguageProfile = {
  name: "neutral",
  stopwords: new Set(),
  stem: undefined,
  apostrophe: dropShortPrefix,
  termCache: new Map(),
};

/** Languages with a dedicated analyzer (stemming, stopwords, elisions). */
export const SUPPORTED_LANGUAGES: readonly LanguageCode[] = [...PROFILES.keys()];

export function profileFor(language: LanguageCode): LanguageProfile {
  return PROFILES.get(language.toLowerCase()) ?? NEUTRAL_PROFILE;
}
