import type { LanguageCode } from "../types.ts";
import type { StorySentence } from "./story-sentences.ts";
import { forEachFeature } from "./text-features.ts";

/** Stems this long or longer also match as the start of a longer word: training → trainingsprogramma. */
const MIN_PREFIX_STEM = 5;

/** The topic's analyzed terms in each language (stopwords dropped, stemmed as that language stems). */
export function topicTerms(topic: string, languages: Iterable<LanguageCode>): Map<LanguageCode, string[]> {
  const byLanguage = new Map<LanguageCode, string[]>();
  for (const language of languages) {
    const terms = new Set<string>();
    forEachFeature(topic, language, (term) => terms.add(term));
    byLanguage.set(language, [...terms]);
  }
  return byLanguage;
}

/** The sentences that mention a word of the topic, analyzed in each sentence's own language. */
export function sentencesOnTopic(sentences: readonly StorySentence[], topic: string): StorySentence[] {
  const terms = topicTerms(topic, new Set(sentences.map((sentence) => sentence.language)));
  return sentences.filter((sentence) =>
    (terms.get(sentence.language) ?? []).some(
      (term) =>
        sentence.terms.has(term) ||
        (term.length >= MIN_PREFIX_STEM && [...sentence.terms.keys()].some((word) => word.startsWith(term))),
    ),
  );
}
