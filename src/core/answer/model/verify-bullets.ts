import { SUPPORTED_LANGUAGES } from "../../text/analyze.ts";
import { detectLanguage } from "../../text/language.ts";
import { type LanguageCode, type Span, UNDETERMINED_LANGUAGE } from "../../types.ts";
import { claimOf, type Evidence, evidenceOf, supportOf, type VerifiablePassage } from "./bullet-support.ts";
import { hasMentionSyntax, stripMentions } from "./mentions.ts";
import type { ProposedBullet } from "./model-answer-schema.ts";
import { findQuote } from "./quote-match.ts";

export type DropReason = "unknown_passage" | "quote_not_found" | "empty" | "mention" | "unsupported";

export interface VerifiedCitation {
  /** The passage id as given to the model ("P3"). */
  passage: string;
  /** The quote as it appears in the passage's original text. */
  quote: string;
  /** Where the quote is in the passage text. */
  span: Span;
}

export interface VerifiedBullet {
  /** The bullet with every mention syntax and citation marker removed. */
  text: string;
  /** The citations that passed every check, each passage once, in the model's order. */
  citations: VerifiedCitation[];
}

export interface DroppedBullet {
  text: string;
  reason: DropReason;
}

export interface VerificationResult {
  kept: VerifiedBullet[];
  dropped: DroppedBullet[];
}

export interface VerificationTools {
  /** The language a bullet is written in, given the languages of the passages it cites. */
  bulletLanguage(text: string, citedLanguages: readonly LanguageCode[]): LanguageCode;
}

/**
 * The language detector's verdict when it is one of the expected answer language and the cited passages'
 * languages (short texts fool detectors into exotic guesses), else the expected language.
 */
export function verificationTools(expectedLanguage: LanguageCode): VerificationTools {
  return {
    bulletLanguage(text, citedLanguages) {
      const detected = detectLanguage(text);
      const plausible = detected !== UNDETERMINED_LANGUAGE && SUPPORTED_LANGUAGES.includes(detected);
      if (plausible && (detected === expectedLanguage || citedLanguages.includes(detected))) return detected;
      return expectedLanguage;
    },
  };
}

const MIN_BULLET_WORDS = 3;
const WORD = /[\p{L}\p{N}]/u;
/** "[P1]", "(P2, P3)", "【P4】": the model's citations belong in `citations`, not in the text. */
const CITATION_MARKERS = /\s*[[(【]\s*P\d+(?:\s*[,;/&]\s*P?\d+)*\s*[\])】]/giu;
const LIST_MARKER = /^\s*[-•*·–—]\s+/u;
/** Markdown emphasis and code marks: renderers escape markdown, so they would show as typed. */
const MARKDOWN_MARKS = /\*\*|__|`/gu;

/** The bullet text as it may be posted: no mention syntax, citation markers or emphasis marks, one line. */
export function cleanBulletText(text: string): string {
  return stripMentions(text)
    .replace(CITATION_MARKERS, "")
    .replace(MARKDOWN_MARKS, "")
    .replace(/\s+/gu, " ")
    .replace(LIST_MARKER, "")
    .replace(/\s+([.,;:!?])/gu, "$1")
    .trim();
}

function wordCount(text: string): number {
  return text.split(" ").filter((word) => WORD.test(word)).length;
}

/** "P3", "p3", "[P3]", " P3 " all name passage P3. */
function resolveId(raw: string, passagesById: ReadonlyMap<string, unknown>): string | undefined {
  if (passagesById.has(raw)) return raw;
  const cleaned = raw.replace(/^[\s[("'#]+|[\s\])"'.]+$/gu, "").toUpperCase();
  return passagesById.has(cleaned) ? cleaned : undefined;
}

/**
 * Keeps each proposed bullet whose citations prove it, with only those citations. A citation must name a
 * given passage ("unknown_passage"), quote it verbatim after normalisation, at least 2 words and 8 characters
 * ("quote_not_found"), and that passage must support the bullet's claim ("unsupported", see bullet-support.ts).
 * A bullet holding mention syntax is dropped ("mention"); one with fewer than 3 words is dropped ("empty").
 * A bullet whose citations all fail is dropped with the first failure's reason; a bullet with no citation at
 * all is "unsupported". Every kept bullet is supported by every passage it still cites.
 */
export function verifyBullets(
  proposed: readonly ProposedBullet[],
  passagesById: ReadonlyMap<string, VerifiablePassage>,
  tools: VerificationTools,
): VerificationResult {
  const evidence = new Map<string, Evidence>();
  const evidenceFor = (id: string, passage: VerifiablePassage): Evidence => {
    let found = evidence.get(id);
    if (!found) {
      found = evidenceOf(passage);
      evidence.set(id, found);
    }
    return found;
  };
  const kept: VerifiedBullet[] = [];
  const dropped: DroppedBullet[] = [];
  for (const bullet of proposed) {
    const text = cleanBulletText(bullet.text);
    // The prompt forbids mentions: a bullet that holds one follows an article's instructions, not ours.
    if (hasMentionSyntax(bullet.text)) {
      dropped.push({ text, reason: "mention" });
      continue;
    }
    if (wordCount(text) < MIN_BULLET_WORDS) {
      dropped.push({ text, reason: "empty" });
      continue;
    }
    const citedLanguages = bullet.citations.flatMap((citation) => {
      const id = resolveId(citation.passage, passagesById);
      const passage = id === undefined ? undefined : passagesById.get(id);
      return passage ? [passage.language] : [];
    });
    const claim = claimOf(text, tools.bulletLanguage(text, citedLanguages));
    const citations: VerifiedCitation[] = [];
    let firstFailure: DropReason | undefined;
    const fail = (reason: DropReason) => {
      firstFailure ??= reason;
    };
    for (const citation of bullet.citations) {
      const id = resolveId(citation.passage, passagesById);
      const passage = id === undefined ? undefined : passagesById.get(id);
      if (id === undefined || passage === undefined) {
        fail("unknown_passage");
        continue;
      }
      if (citations.some((accepted) => accepted.passage === id)) continue;
      const found = evidenceFor(id, passage);
      const span = findQuote(found.normalized, citation.quote);
      if (span === undefined) {
        fail("quote_not_found");
        continue;
      }
      if (!supportOf(claim, found).supported) {
        fail("unsupported");
        continue;
      }
      citations.push({ passage: id, quote: passage.text.slice(span.start, span.end), span });
    }
    if (citations.length > 0) kept.push({ text, citations });
    else dropped.push({ text, reason: firstFailure ?? "unsupported" });
  }
  return { kept, dropped };
}
