import { type LanguageCode, UNDETERMINED_LANGUAGE } from "../types.ts";

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

/** A function word of a language counts as this much eld score towards it. */
const FUNCTION_WORD_EVIDENCE = 0.1;
/** How fast a language's weight falls with its evidence gap to the question's language. */
const SHARPNESS = 10;

function functionWordCount(words: readonly string[], language: LanguageCode): number {
  const list = QUESTION_WORDS[language];
  return list === undefined ? 0 : words.filter((word) => list.includes(word)).length;
}

/**
 * How likely the question is in each indexed language, relative to its guessed language (1): exp(-SHARPNESS x
 * the evidence gap), evidence being a language's eld score plus its function words in the question. An
 * undetermined language gets no weight of its own (its documents count fully). Undefined with fewer than two
 * indexed languages, when there is nothing to weigh.
 */
export function questionLanguageWeights(
  question: string,
  indexedLanguages: readonly LanguageCode[],
  detect: (text: string) => LanguageCode,
  scores: (text: string) => Readonly<Record<LanguageCode, number>>,
): Map<LanguageCode, number> | undefined {
  const languages = indexedLanguages.filter((language) => language !== UNDETERMINED_LANGUAGE);
  if (languages.length < 2) return undefined;
  const words = (question.toLocaleLowerCase().match(WORD) ?? []).map((word) => word.normalize("NFC"));
  const detected = scores(question);
  const evidence = (language: LanguageCode) =>
    (detected[language] ?? 0) + FUNCTION_WORD_EVIDENCE * functionWordCount(words, language);
  const reference = evidence(guessQuestionLanguage(question, indexedLanguages, detect));
  return new Map(
    languages.map((language) => [
      language,
      Math.exp(-SHARPNESS * Math.max(0, reference - evidence(language))),
    ]),
  );
}
