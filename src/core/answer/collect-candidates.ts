import type { Passage, Span } from "../types.ts";
import type { AnswerTextTools, Candidate, RetrievedPassage } from "./evidence-types.ts";
import { matchQuery, type WeightedQuery } from "./query-weights.ts";
import { trimSentence } from "./trim-sentence.ts";

export interface CorpusView {
  articleText(articleId: string): string;
  articlePassages(articleId: string): readonly Passage[];
}

const MIN_WORDS = 5;
const MAX_CHARACTERS = 700;
const NEIGHBOUR_WINDOW = 2;
const NEIGHBOUR_DISCOUNT = 0.45;
const COVERAGE_SHARE = 0.6;
const PASSAGE_SHARE = 0.2;
const SUBJECT_SHARE = 0.1;
/** A question name within this many words of a sentence's start is likely what the sentence is about. */
const SUBJECT_WINDOW = 8;
/** Direct quotes are views more often than facts: a briefing prefers reported facts. */
const QUOTE_FACTOR = 0.85;
const OPENING_QUOTE = /^["“«„'‘]/u;
/** A following sentence continues the anchor's topic when a shared salient term opens it. */
const CONTINUATION_WINDOW = 3;

function wordCount(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

function sentenceCandidate(
  passage: Passage,
  span: Span,
  articleText: string,
  query: WeightedQuery,
  tools: AnswerTextTools,
): Omit<Candidate, "score"> | undefined {
  const trimmed = trimSentence(articleText, span);
  const text = articleText.slice(trimmed.start, trimmed.end);
  if (text.length > MAX_CHARACTERS || wordCount(text) < MIN_WORDS) return undefined;
  const terms = new Set(tools.analyze(text, passage.language));
  const { matched, coverage } = matchQuery(query, terms, passage.language);
  return {
    articleId: passage.articleId,
    passage,
    span: trimmed,
    text,
    language: passage.language,
    terms,
    matched,
    coverage,
  };
}

const SALIENT_SHARE_OF_MAX_WEIGHT = 0.3;

/** Whether the sentence opens with a salient term of the anchor: "Training will include …" after "… training programmes". */
function continuesTopic(
  candidate: Omit<Candidate, "score">,
  anchor: Candidate,
  query: WeightedQuery,
  tools: AnswerTextTools,
): boolean {
  const floor = SALIENT_SHARE_OF_MAX_WEIGHT * tools.maxTermWeight();
  const opening = candidate.text.split(/\s+/u).slice(0, CONTINUATION_WINDOW).join(" ");
  return tools
    .analyze(opening, candidate.language)
    .some((term) => anchor.terms.has(term) && !query.variantSet.has(term) && tools.termWeight(term) >= floor);
}

/** Whether one of the question's names (capitalized words, acronyms) opens the sentence, as its subject would. */
function opensWithName(
  text: string,
  language: string,
  query: WeightedQuery,
  tools: AnswerTextTools,
): boolean {
  if (query.names.size === 0) return false;
  const opening = text.split(/\s+/u).slice(0, SUBJECT_WINDOW).join(" ");
  return tools.analyze(opening, language).some((term) => query.names.has(term));
}

/**
 * Scores every sentence of the retrieved passages by how much of the question it contains, then adds the
 * sentences that follow a strong one and continue its topic ("The training will include …").
 */
export function collectCandidates(
  retrieved: readonly RetrievedPassage[],
  query: WeightedQuery,
  tools: AnswerTextTools,
  corpus: CorpusView,
): Candidate[] {
  const best = Math.max(0, ...retrieved.map((hit) => hit.score));
  const byKey = new Map<string, Candidate>();
  for (const { passage, score } of retrieved) {
    const text = corpus.articleText(passage.articleId);
    for (const span of passage.sentences) {
      const candidate = sentenceCandidate(passage, span, text, query, tools);
      if (!candidate || candidate.matched.size === 0) continue;
      const passageShare = best > 0 ? score / best : 0;
      const subject = opensWithName(candidate.text, candidate.language, query, tools) ? 1 : 0;
      const quoted = OPENING_QUOTE.test(candidate.text) ? QUOTE_FACTOR : 1;
      const total =
        quoted *
        (COVERAGE_SHARE * candidate.coverage + PASSAGE_SHARE * passageShare + SUBJECT_SHARE * subject);
      byKey.set(`${passage.articleId}@${span.start}`, { ...candidate, score: total });
    }
  }
  const anchors = [...byKey.values()];
  const topScore = Math.max(0, ...anchors.map((candidate) => candidate.score));
  for (const anchor of anchors) {
    if (anchor.score < topScore / 2) continue;
    addNeighbours(anchor, byKey, query, tools, corpus);
  }
  return [...byKey.values()];
}

function addNeighbours(
  anchor: Candidate,
  byKey: Map<string, Candidate>,
  query: WeightedQuery,
  tools: AnswerTextTools,
  corpus: CorpusView,
): void {
  const passages = corpus.articlePassages(anchor.articleId);
  const sentences = passages.flatMap((passage) => passage.sentences.map((span) => ({ passage, span })));
  const position = sentences.findIndex(
    ({ span }) => span.end >= anchor.span.end && span.start <= anchor.span.start,
  );
  if (position < 0) return;
  const text = corpus.articleText(anchor.articleId);
  for (const { passage, span } of sentences.slice(position + 1, position + 1 + NEIGHBOUR_WINDOW)) {
    const key = `${anchor.articleId}@${span.start}`;
    if (byKey.has(key)) continue;
    const candidate = sentenceCandidate(passage, span, text, query, tools);
    if (!candidate || !continuesTopic(candidate, anchor, query, tools)) continue;
    byKey.set(key, { ...candidate, score: anchor.score * NEIGHBOUR_DISCOUNT });
  }
}
