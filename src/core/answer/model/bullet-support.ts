import { forEachPiece, termOf } from "../../text/analyze.ts";
import { foldAccents } from "../../text/fold.ts";
import { profileFor } from "../../text/language-profiles.ts";
import type { LanguageCode } from "../../types.ts";
import { numberKeys } from "./number-words.ts";
import { type NormalizedText, normalizeForQuote } from "./quote-match.ts";

/**
 * Whether a passage states what a bullet says, by the words they share. Lexical on purpose: a bullet that
 * reuses the passage's words, names and numbers is checkable by anyone reading the source; one that needs
 * world knowledge or inference to connect is not.
 *
 * Thresholds are set from test/core/answer/model/fixtures/support-cases.ts: realistic faithful paraphrases of
 * the seed articles and of the hostile harbour article, and unfaithful bullets citing real passages, measured
 * by support-thresholds.test.ts.
 * - Same language (share of the bullet's analyzed terms found in the passage's): the 31 faithful bullets score
 *   0.67 to 1.00, the unfaithful ones meant for this check 0.20 to 0.57, so SAME_LANGUAGE_SHARE = 0.6 keeps all
 *   31 and drops them all (with the number, weekday/month, name and URL rules, 14 of 20 unfaithful bullets).
 *   The other 6 reuse the passage's own words for a false claim (0.67 to 1.00: "Interpol will share … with
 *   Trend Micro"): no lexical threshold can drop them without dropping faithful paraphrases.
 * - Across languages names and numbers dominate a bullet's keys (an invented "Trend Micro will build a new
 *   headquarters in Lyon" shares 0.67 of its keys with a French passage naming Trend Micro and Lyon, but none
 *   of its other words), so the share is measured on the other words' 5-letter prefix keys, and names are
 *   required separately. Kept faithful bullets score 0.14 to 0.60, unfaithful ones meant for this check 0.00:
 *   CROSS_LANGUAGE_SHARE = 0.12 (one word in eight). 9 of 11 faithful bullets are kept (one has no cognate
 *   word, one no shared name), 9 of 11 unfaithful ones dropped (two are built from cognates: 0.33, 0.50).
 */
export const SAME_LANGUAGE_SHARE = 0.6;
export const CROSS_LANGUAGE_SHARE = 0.12;
/** Across languages a name, number or acronym must be shared: it ties the bullet to this passage's story. */
export const MIN_SHARED_ANCHORS = 1;
/** Names are spelled alike across languages, but not always (IGCI/CMII, Global/mondial): one may be missing. */
export const MAX_MISSING_ANCHORS = 1;
/** Stems compared by their first letters also match across languages: analys/analyz, informatie/information. */
const KEY_LENGTH = 5;
/** Names compared by their first letters match across spellings: Singapore/Singapour, Interpol/INTERPOL. */
const ANCHOR_KEY_LENGTH = 6;

const CAPITAL_OR_DIGIT = /^[\p{Lu}\p{N}]/u;
const CAPITAL = /^\p{Lu}/u;
const DIGIT_START = /^\p{N}/u;
const URL = /\bhttps?:\/\/[^\s<>"'‹›]+|\bwww\.[^\s<>"'‹›]+/giu;
const URL_TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/u;

/** What a passage can prove, computed once per passage. */
export interface Evidence {
  language: LanguageCode;
  normalized: NormalizedText;
  terms: ReadonlySet<string>;
  /** Terms of the passage and its article's title: names may come from either (the model sees both). */
  nameTerms: ReadonlySet<string>;
  keys: ReadonlySet<string>;
  anchors: ReadonlySet<string>;
  /** Anchors of the passage and its title, and its keys: where a bullet's names may be found. */
  nameKeys: ReadonlySet<string>;
  numbers: ReadonlySet<string>;
}

/** What a bullet claims, computed once per bullet. */
export interface Claim {
  language: LanguageCode;
  terms: ReadonlySet<string>;
  /** Analyzed forms of the bullet's names: capitalised words past the first, and acronyms. */
  names: ReadonlySet<string>;
  keys: ReadonlySet<string>;
  /** The keys of words that are not names, numbers or acronyms: what happened. */
  wordKeys: ReadonlySet<string>;
  anchors: ReadonlySet<string>;
  /** Each anchor with the key of its analyzed term: "innova" is also found as the word "innov". */
  anchorTerms: ReadonlyMap<string, string>;
  numbers: ReadonlySet<string>;
  urls: readonly string[];
}

export interface VerifiablePassage {
  text: string;
  language: LanguageCode;
  /** The article's title, shown to the model with the passage. */
  title?: string;
}

export type SupportFailure = "number" | "url" | "name" | "terms" | "anchor";

export interface SupportVerdict {
  supported: boolean;
  /** The first check that failed. */
  failed?: SupportFailure;
  /** The lexical share the terms check measured (same language: terms; across languages: prefix keys). */
  share: number;
  sameLanguage: boolean;
}

interface Features {
  terms: Set<string>;
  names: Set<string>;
  keys: Set<string>;
  wordKeys: Set<string>;
  anchors: Set<string>;
  anchorTerms: Map<string, string>;
}

function features(text: string, language: LanguageCode): Features {
  const profile = profileFor(language);
  const found: Features = {
    terms: new Set(),
    names: new Set(),
    keys: new Set(),
    wordKeys: new Set(),
    anchors: new Set(),
    anchorTerms: new Map(),
  };
  let first = true;
  forEachPiece(text, profile, (piece) => {
    const term = termOf(piece, profile);
    const wasFirst = first;
    first = false;
    if (term.length === 0) return;
    found.terms.add(term);
    const key = DIGIT_START.test(term) ? term : term.slice(0, KEY_LENGTH);
    found.keys.add(key);
    if (!CAPITAL_OR_DIGIT.test(piece) || piece.length < 2) {
      found.wordKeys.add(key);
      return;
    }
    const folded = foldAccents(piece.toLowerCase());
    const anchor = DIGIT_START.test(folded) ? folded : folded.slice(0, ANCHOR_KEY_LENGTH);
    found.anchors.add(anchor);
    found.anchorTerms.set(anchor, key);
    if (!wasFirst && CAPITAL.test(piece)) found.names.add(term);
  });
  return found;
}

function urlsOf(text: string): string[] {
  return (text.match(URL) ?? []).map((url) => url.replace(URL_TRAILING_PUNCTUATION, "").toLowerCase());
}

export function evidenceOf(passage: VerifiablePassage): Evidence {
  const { terms, keys, anchors } = features(passage.text, passage.language);
  const title = features(passage.title ?? "", passage.language);
  return {
    language: passage.language,
    normalized: normalizeForQuote(passage.text),
    terms,
    nameTerms: new Set([...terms, ...title.terms]),
    keys,
    anchors,
    nameKeys: new Set([...anchors, ...title.anchors, ...keys, ...title.keys]),
    numbers: numberKeys(passage.text, passage.language, true),
  };
}

export function claimOf(bullet: string, language: LanguageCode): Claim {
  const urls = urlsOf(bullet);
  const words = bullet.replace(URL, " ");
  const { terms, names, keys, wordKeys, anchors, anchorTerms } = features(words, language);
  const numbers = numberKeys(words, language, false);
  return { language, terms, names, keys, wordKeys, anchors, anchorTerms, numbers, urls };
}

function countShared(claimed: ReadonlySet<string>, found: ReadonlySet<string>): number {
  let shared = 0;
  for (const item of claimed) if (found.has(item)) shared++;
  return shared;
}

function shareIn(claimed: ReadonlySet<string>, found: ReadonlySet<string>): number {
  return claimed.size > 0 ? countShared(claimed, found) / claimed.size : 0;
}

/**
 * Whether the passage supports the bullet. Always: every number (digits, number words, months, weekdays) and
 * URL of the bullet is in the passage. In the same language: every name of the bullet is in the passage or its
 * title, and at least SAME_LANGUAGE_SHARE of its analyzed terms are in the passage. Across languages: at
 * least MIN_SHARED_ANCHORS name, number or acronym is shared with the passage, at most MAX_MISSING_ANCHORS of
 * the bullet's is found in neither the passage nor its title, and at least CROSS_LANGUAGE_SHARE of the
 * bullet's other words (5-letter prefix keys) are in the passage.
 */
export function supportOf(claim: Claim, evidence: Evidence): SupportVerdict {
  const sameLanguage = claim.language === evidence.language;
  const verdict = (failed: SupportFailure | undefined, share: number): SupportVerdict =>
    failed === undefined
      ? { supported: true, share, sameLanguage }
      : { supported: false, failed, share, sameLanguage };
  if ([...claim.numbers].some((number) => !evidence.numbers.has(number))) return verdict("number", 0);
  if (claim.urls.some((url) => !evidence.normalized.text.includes(url))) return verdict("url", 0);
  if (sameLanguage) {
    const share = shareIn(claim.terms, evidence.terms);
    if ([...claim.names].some((name) => !evidence.nameTerms.has(name))) return verdict("name", share);
    return verdict(share >= SAME_LANGUAGE_SHARE ? undefined : "terms", share);
  }
  const share = shareIn(claim.wordKeys, evidence.keys);
  if (countShared(claim.anchors, evidence.anchors) < MIN_SHARED_ANCHORS) return verdict("anchor", share);
  const missing = [...claim.anchors].filter(
    (anchor) =>
      !evidence.nameKeys.has(anchor) && !evidence.nameKeys.has(claim.anchorTerms.get(anchor) ?? anchor),
  );
  if (missing.length > MAX_MISSING_ANCHORS) return verdict("name", share);
  return verdict(share >= CROSS_LANGUAGE_SHARE ? undefined : "terms", share);
}

/** `supportOf` from raw text: for tests and one-off checks. */
export function bulletSupport(
  bullet: string,
  bulletLanguage: LanguageCode,
  passage: VerifiablePassage,
): SupportVerdict {
  return supportOf(claimOf(bullet, bulletLanguage), evidenceOf(passage));
}
