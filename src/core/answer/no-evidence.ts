import type { Answer, LanguageCode } from "../types.ts";
import type { AnswerTextTools } from "./evidence-types.ts";
import type { WeightedQuery } from "./query-weights.ts";

export interface CorpusSummary {
  articleCount: number;
  languages: readonly LanguageCode[];
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
export function quoteList(words: readonly string[]): string {
  const quoted = words.map((word) => `"${word}"`);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
}

/** What a search covered, for the reader: "5 articles (en, fr, nl)". */
export function searchedScope(corpus: CorpusSummary): string {
  return `${corpus.articleCount} article${corpus.articleCount === 1 ? "" : "s"}${
    corpus.languages.length > 0 ? ` (${corpus.languages.join(", ")})` : ""
  }`;
}

/** Says plainly that the articles do not hold the answer, what was searched, and what was missing. */
export function noEvidence(
  question: string,
  query: WeightedQuery,
  tools: AnswerTextTools,
  corpus: CorpusSummary,
): Answer {
  if (corpus.articleCount === 0) {
    return {
      question,
      status: "no_evidence",
      message:
        "No articles are loaded yet. Add some with `briefbot ingest <files or folders>` and ask again.",
      bullets: [],
      sources: [],
    };
  }
  if (query.tokens.length === 0) {
    return {
      question,
      status: "no_evidence",
      message:
        "The question has no words to search for once greetings, mentions and common words are set aside. Ask about a name, an event or a topic.",
      bullets: [],
      sources: [],
    };
  }
  const ceiling = tools.maxTermWeight();
  const absent = query.tokens
    .filter(
      (token) => token.variants.length > 0 && token.variants.every((v) => tools.termWeight(v) >= ceiling),
    )
    .map((token) => token.surface);
  const scope = searchedScope(corpus);
  const missing =
    absent.length > 0
      ? ` None of them mention ${quoteList(absent)}.`
      : " Some of its words occur, but no passage answers it as asked.";
  return {
    question,
    status: "no_evidence",
    message: `The articles don't answer this. I searched ${scope}.${missing} Try other words, or ingest articles on this topic.`,
    bullets: [],
    sources: [],
  };
}
