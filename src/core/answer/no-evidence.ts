import { countOf, type InterfaceLanguage, message } from "../i18n/messages.ts";
import type { Answer, LanguageCode } from "../types.ts";
import type { AnswerTextTools } from "./evidence-types.ts";
import type { WeightedQuery } from "./query-weights.ts";

export interface CorpusSummary {
  articleCount: number;
  languages: readonly LanguageCode[];
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"` (`of` in Dutch, `ou` in French). */
export function quoteList(words: readonly string[], language: InterfaceLanguage = "en"): string {
  const quoted = words.map((word) => `"${word}"`);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} ${message(language, "or")} ${quoted.at(-1)}`;
}

/** What a search covered, for the reader: "5 articles (en, fr, nl)". */
export function searchedScope(corpus: CorpusSummary, language: InterfaceLanguage = "en"): string {
  const languages = corpus.languages.length > 0 ? ` (${corpus.languages.join(", ")})` : "";
  return `${countOf(language, corpus.articleCount, "article")}${languages}`;
}

function withoutAnswer(question: string, text: string): Answer {
  return { question, status: "no_evidence", message: text, bullets: [], sources: [] };
}

/**
 * Says plainly, in the question's language (`language`), that the articles do not hold the answer, what was
 * searched, and what was missing.
 */
export function noEvidence(
  question: string,
  query: WeightedQuery,
  tools: AnswerTextTools,
  corpus: CorpusSummary,
  language: InterfaceLanguage = "en",
): Answer {
  if (corpus.articleCount === 0) return withoutAnswer(question, message(language, "noArticles"));
  if (query.tokens.length === 0) return withoutAnswer(question, message(language, "noContentWords"));
  const ceiling = tools.maxTermWeight();
  const absent = query.tokens
    .filter(
      (token) => token.variants.length > 0 && token.variants.every((v) => tools.termWeight(v) >= ceiling),
    )
    .map((token) => token.surface);
  const missing =
    absent.length > 0
      ? message(language, "noneMention", quoteList(absent, language))
      : message(language, "wordsButNoAnswer");
  return withoutAnswer(
    question,
    [
      message(language, "noAnswer"),
      message(language, "searched", searchedScope(corpus, language)),
      missing,
      message(language, "tryOtherWords"),
    ].join(" "),
  );
}
