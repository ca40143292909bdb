/**
 * Reads the answer against the question: a salient word of the question (a name, a number, a rare term) that
 * none of the cited passages mention means the bullets are about something else ("Did Trend Micro sign an
 * agreement with Europol?" answered with Interpol sentences). When such words carry much of the question's
 * weight the answer becomes `no_evidence` naming them; when they are secondary, the answer stands and says
 * plainly which words the articles do not mention.
 */
import { type InterfaceLanguage, message } from "../i18n/messages.ts";
import type { Answer } from "../types.ts";
import type { AnswerTextTools, QueryToken } from "./evidence-types.ts";
import { type CorpusSummary, quoteList, searchedScope } from "./no-evidence.ts";
import { matchQuery, type WeightedQuery } from "./query-weights.ts";

/**
 * Share of the question's weight, carried by words no cited passage mentions, from which the answer is
 * withdrawn. Chosen on the trade-off curve `npm run eval` prints (SQuAD/PIAF with the gold paragraph
 * removed): the highest setting that keeps the share of answerable questions refused at today's.
 */
export const ABSTAIN_MISSING_SHARE = 0.7;
/** The same for words the whole library never mentions ("Europol" in articles about Interpol): a stronger sign. */
export const ABSTAIN_UNKNOWN_SHARE = 0.3;
/** A missing word this salient (share of the rarest possible term's weight) is named to the reader. */
const SALIENT_WEIGHT_SHARE = 0.5;

export interface QuestionSupport {
  /** Question words that no cited passage (or its article's title) mentions, heaviest first. */
  missing: QueryToken[];
  /** The share of the question's weight that those words carry, 0 to 1. */
  missingShare: number;
  /** Missing words the whole library never mentions. */
  unknown: QueryToken[];
  /** The share of the question's weight that those carry. */
  unknownShare: number;
}

function salient(token: QueryToken, tools: AnswerTextTools): boolean {
  const weight = Math.max(0, ...token.variants.map((variant) => tools.termWeight(variant)));
  return weight >= SALIENT_WEIGHT_SHARE * tools.maxTermWeight();
}

/**
 * Which of the question's words the answer's cited passages and their titles mention. When they mention every
 * salient word, `missing` may leave out less salient words that they lack too: those are never named.
 */
export function questionSupport(
  answer: Answer,
  query: WeightedQuery,
  tools: AnswerTextTools,
): QuestionSupport {
  const found = new Set<number>();
  const salientIndexes = query.tokens.flatMap((token, index) => (salient(token, tools) ? [index] : []));
  for (const source of answer.sources) {
    // Once every salient word is found nothing will be named: the other words need not be looked for.
    if (salientIndexes.every((index) => found.has(index))) break;
    const terms = new Set(tools.analyze(`${source.title}\n${source.passage}`, source.language));
    for (const index of matchQuery(query, terms, source.language).matched) found.add(index);
  }
  const ceiling = tools.maxTermWeight();
  const missingIndexes = query.tokens
    .map((_, index) => index)
    .filter((index) => !found.has(index) && !query.tokens[index]?.fromConversation)
    .sort((a, b) => (query.weights[b] ?? 0) - (query.weights[a] ?? 0));
  const missing = missingIndexes.flatMap((index) => query.tokens[index] ?? []);
  const isUnknown = (index: number) =>
    query.tokens[index]?.variants.every((variant) => tools.termWeight(variant) >= ceiling) ?? false;
  const unknownIndexes = missingIndexes.filter(isUnknown);
  const shareOf = (indexes: readonly number[]) =>
    query.total > 0 ? indexes.reduce((sum, index) => sum + (query.weights[index] ?? 0), 0) / query.total : 0;
  return {
    missing,
    missingShare: shareOf(missingIndexes),
    unknown: unknownIndexes.flatMap((index) => query.tokens[index] ?? []),
    unknownShare: shareOf(unknownIndexes),
  };
}

export interface AbstentionSetting {
  /** Overrides ABSTAIN_MISSING_SHARE (evaluation draws the trade-off curve with it); above 1, never abstains. */
  missingShare?: number;
  /** Overrides ABSTAIN_UNKNOWN_SHARE. */
  unknownShare?: number;
  /** Told the shares of the question's weight carried by the salient words the cited passages lack. */
  observe?: (shares: { missingShare: number; unknownShare: number }) => void;
}

/**
 * The answer as it stands when its passages mention the question's salient words; `no_evidence` naming the
 * missing ones when they carry too much of the question; otherwise the answer with a message naming the
 * salient words it could not find.
 */
export function checkMissingTerms(
  answer: Answer,
  query: WeightedQuery,
  tools: AnswerTextTools,
  corpus: CorpusSummary,
  setting: AbstentionSetting = {},
  language: InterfaceLanguage = "en",
): Answer {
  if (answer.status !== "answered" || answer.bullets.length === 0) return answer;
  const support = questionSupport(answer, query, tools);
  const named = support.missing.filter((token) => salient(token, tools)).map((token) => token.surface);
  setting.observe?.(
    named.length === 0
      ? { missingShare: 0, unknownShare: 0 }
      : { missingShare: support.missingShare, unknownShare: support.unknownShare },
  );
  if (named.length === 0) return answer;
  const unknown = new Set(support.unknown.map((token) => token.surface));
  const nowhere = named.filter((word) => unknown.has(word));
  const elsewhere = named.filter((word) => !unknown.has(word));
  if (
    support.missingShare >= (setting.missingShare ?? ABSTAIN_MISSING_SHARE) ||
    support.unknownShare >= (setting.unknownShare ?? ABSTAIN_UNKNOWN_SHARE)
  ) {
    const notes = [
      nowhere.length > 0 ? message(language, "noneMention", quoteList(nowhere, language)) : "",
      elsewhere.length > 0 ? message(language, "restDoesNotMention", quoteList(elsewhere, language)) : "",
    ];
    return {
      question: answer.question,
      status: "no_evidence",
      message: [
        `${message(language, "noAnswer")} ${message(language, "searched", searchedScope(corpus, language))}`,
        ...notes,
        message(language, "tryOtherWords"),
      ]
        .filter(Boolean)
        .join(" "),
      bullets: [],
      sources: [],
    };
  }
  const notes = [
    nowhere.length > 0 ? message(language, "articlesDoNotMention", quoteList(nowhere, language)) : "",
    elsewhere.length > 0 ? message(language, "citedDoNotMention", quoteList(elsewhere, language)) : "",
  ];
  return { ...answer, message: [answer.message, ...notes].filter(Boolean).join(" ") };
}
