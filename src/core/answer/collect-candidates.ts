import type { Article, Passage } from "../types.ts";
import { expectedAnswerType } from "./answer-type.ts";
import type { AnswerTextTools, Candidate, RetrievedPassage } from "./evidence-types.ts";
import { matchQuery, type WeightedQuery } from "./query-weights.ts";
import { type AnalyzedSentence, analyzePassage } from "./sentence-cache.ts";
import {
  type QuestionContext,
  type SentenceEvidence,
  sentenceFeatures,
  writtenWords,
} from "./sentence-features.ts";
import { sentenceProbability } from "./sentence-ranker.ts";

export interface CorpusView {
  article(articleId: string): Article;
  articleText(articleId: string): string;
  articlePassages(articleId: string): readonly Passage[];
}

const MIN_WORDS = 5;
const MAX_CHARACTERS = 700;
const NEIGHBOUR_WINDOW = 2;
const NEIGHBOUR_DISCOUNT = 0.45;
const OPENING_QUOTE = /^["“«„'‘]/u;
/** A following sentence continues the anchor's topic when a shared salient term opens it. */
const CONTINUATION_WINDOW = 3;

function readable(sentence: AnalyzedSentence): boolean {
  return sentence.text.length <= MAX_CHARACTERS && sentence.words.length >= MIN_WORDS;
}

function sentenceCandidate(
  passage: Passage,
  sentence: AnalyzedSentence,
  query: WeightedQuery,
): Omit<Candidate, "score" | "features"> {
  const { matched, coverage } = matchQuery(query, sentence.terms, passage.language);
  return {
    articleId: passage.articleId,
    passage,
    span: sentence.span,
    text: sentence.text,
    language: passage.language,
    terms: sentence.terms,
    matched,
    coverage,
  };
}

const SALIENT_SHARE_OF_MAX_WEIGHT = 0.3;

/** Words that point back to what the sentence before said: "To support these new initiatives, …". */
const POINTING_BACK =
  /^(?:this|these|that|those|such|deze|dit|die|dat|zulke|ce|cet|cette|ces|celui|celle|ceux|celles)$/iu;

/**
 * Whether the sentence opens with a salient term of the anchor ("Training will include …" after "… training
 * programmes"), or, right after it, with a word pointing back to it ("To support these new initiatives, …").
 */
function continuesTopic(
  candidate: Omit<Candidate, "score" | "features">,
  anchor: Candidate,
  query: WeightedQuery,
  tools: AnswerTextTools,
  adjacent: boolean,
): boolean {
  const floor = SALIENT_SHARE_OF_MAX_WEIGHT * tools.maxTermWeight();
  const openingWords = candidate.text.split(/\s+/u).slice(0, CONTINUATION_WINDOW);
  if (adjacent && openingWords.some((word) => POINTING_BACK.test(word.replace(/[^\p{L}]/gu, ""))))
    return true;
  const opening = openingWords.join(" ");
  return tools
    .analyze(opening, candidate.language)
    .some((term) => anchor.terms.has(term) && !query.variantSet.has(term) && tools.termWeight(term) >= floor);
}

/** Whether one of the question's names (capitalized words, acronyms) opens the sentence, as its subject would. */
function opensWithName(sentence: AnalyzedSentence, query: WeightedQuery): boolean {
  return query.names.size > 0 && sentence.opening.some((term) => query.names.has(term));
}

interface Pending {
  candidate: Omit<Candidate, "score" | "features">;
  evidence: SentenceEvidence;
  key: string;
}

/**
 * Scores every sentence of the retrieved passages by the sentence ranker (how much of the question it holds,
 * how closely, in which passage, of which answer type), then adds the sentences that follow a strong one and
 * continue its topic ("The training will include …"), scored as a share of that one's score when that is more
 * than their own.
 */
export function collectCandidates(
  retrieved: readonly RetrievedPassage[],
  query: WeightedQuery,
  tools: AnswerTextTools,
  corpus: CorpusView,
  question: string,
): Candidate[] {
  const best = Math.max(0, ...retrieved.map((hit) => hit.score));
  const answerType = expectedAnswerType(question);
  const pending: Pending[] = [];
  const passageBest = new Map<string, number>();
  let bestPassageCoverage = 0;
  retrieved.forEach(({ passage, score }, rank) => {
    const { sentences, titleTerms } = analyzePassage(
      passage,
      corpus.articleText(passage.articleId),
      corpus.article(passage.articleId).title,
      tools,
    );
    const passageTerms = new Set(sentences.flatMap((sentence) => sentence.sequence));
    const passageCoverage = matchQuery(query, passageTerms, passage.language).coverage;
    for (const term of titleTerms) passageTerms.add(term);
    const titledPassageCoverage = matchQuery(query, passageTerms, passage.language).coverage;
    bestPassageCoverage = Math.max(bestPassageCoverage, passageCoverage);
    sentences.forEach((sentence, index) => {
      if (!readable(sentence)) return;
      const candidate = sentenceCandidate(passage, sentence, query);
      if (candidate.matched.size === 0) return;
      passageBest.set(passage.id, Math.max(passageBest.get(passage.id) ?? 0, candidate.coverage));
      pending.push({
        key: `${passage.articleId}@${sentence.span.start}`,
        candidate,
        evidence: {
          text: sentence.text,
          sequence: sentence.sequence,
          words: sentence.words,
          lowered: sentence.lowered,
          terms: sentence.terms,
          matched: candidate.matched,
          coverage: candidate.coverage,
          previousTerms: sentences[index - 1]?.terms,
          passageCoverage,
          titledPassageCoverage,
          passageRank: rank,
          passageShare: best > 0 ? score / best : 0,
          sentenceIndex: index,
          quote: OPENING_QUOTE.test(sentence.text),
          subjectName: opensWithName(sentence, query),
        },
      });
    });
  });
  const questionWords = writtenWords(question).map((word) => word.toLocaleLowerCase());
  const context: QuestionContext = {
    question,
    query,
    answerType,
    questionWords,
    questionWordSet: new Set(questionWords),
    bestCoverage: Math.max(0, ...pending.map(({ candidate }) => candidate.coverage)),
    bestPassageCoverage,
  };
  const byKey = new Map<string, Candidate>();
  for (const { key, candidate, evidence } of pending) {
    if (byKey.has(key)) continue;
    const features = sentenceFeatures(
      evidence,
      candidate.language,
      context,
      passageBest.get(candidate.passage.id) ?? 0,
    );
    byKey.set(key, { ...candidate, features, score: sentenceProbability(features) });
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
  const title = corpus.article(anchor.articleId).title;
  const following = sentences.slice(position + 1, position + 1 + NEIGHBOUR_WINDOW);
  for (const [offset, { passage, span }] of following.entries()) {
    const key = `${anchor.articleId}@${span.start}`;
    const inherited = anchor.score * NEIGHBOUR_DISCOUNT;
    const known = byKey.get(key);
    if (known && known.score >= inherited) continue;
    const sentence = analyzePassage(passage, text, title, tools).sentences.find(
      (analyzed) => analyzed.span.end === span.end,
    );
    if (!sentence || !readable(sentence)) continue;
    const candidate = sentenceCandidate(passage, sentence, query);
    if (!continuesTopic(candidate, anchor, query, tools, offset === 0)) continue;
    byKey.set(key, known ? { ...known, score: inherited } : { ...candidate, score: inherited });
  }
}
