import type { LanguageCode } from "../types.ts";

/** Frequent words of questions, per language: short questions defeat statistical detectors. */
const QUESTION_WORDS: Record<string, readonly string[]> = {
  en: [
    "what",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "why",
    "how",
    "which",
    "will",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "the",
    "of",
    "to",
    "and",
    "about",
    "with",
    "for",
    "do",
    "has",
    "have",
    "can",
    "many",
    "much",
    "in",
  ],
  nl: [
    "wat",
    "wie",
    "waar",
    "wanneer",
    "waarom",
    "hoe",
    "welke",
    "welk",
    "gaat",
    "zal",
    "zullen",
    "is",
    "zijn",
    "de",
    "het",
    "een",
    "van",
    "met",
    "en",
    "voor",
    "over",
    "heeft",
    "hebben",
    "doet",
    "wordt",
    "hoeveel",
    "kan",
    "in",
    "op",
  ],
  fr: [
    "que",
    "qui",
    "quoi",
    "où",
    "quand",
    "pourquoi",
    "comment",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "est",
    "sont",
    "le",
    "la",
    "les",
    "des",
    "du",
    "de",
    "et",
    "avec",
    "pour",
    "sur",
    "va",
    "vont",
    "combien",
    "qu",
    "ce",
    "en",
    "une",
    "un",
    "au",
    "aux",
  ],
};

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Picks the question's language among the indexed ones by counting function words, then by a detector's
 * guess; short questions like "Who is the CEO?" are too short for statistics alone.
 */
export function guessQuestionLanguage(
  question: string,
  indexedLanguages: readonly LanguageCode[],
  detect: (text: string) => LanguageCode,
): LanguageCode {
  const words = (question.toLocaleLowerCase().match(WORD) ?? []).map((word) => word.normalize("NFC"));
  let best: LanguageCode | undefined;
  let bestCount = 0;
  let tie = false;
  for (const [language, list] of Object.entries(QUESTION_WORDS)) {
    const count = words.filter((word) => list.includes(word)).length;
    if (count > bestCount) {
      best = language;
      bestCount = count;
      tie = false;
    } else if (count === bestCount && count > 0) {
      tie = true;
    }
  }
  const detected = detect(question);
  if (best && !tie) return best;
  if (indexedLanguages.includes(detected) || !best) return detected;
  return best;
}
