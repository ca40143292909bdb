import { citedText } from "../source-line.ts";
import { SourceList } from "../source-list.ts";
import type { IngestedArticle, LanguageCode } from "../types.ts";
import { rankSentences } from "./rank-sentences.ts";
import { sameFactScore } from "./same-fact.ts";
import { contentVectors, cosine, factVectors, type KeyVector } from "./sentence-vectors.ts";
import { allSentences, type StorySentence, summarySentences } from "./story-sentences.ts";
import { sentencesOnTopic } from "./topic-focus.ts";
import type { Summary, SummaryOptions, SummarySentence } from "./types.ts";

export const DEFAULT_SUMMARY_WORDS = 75;
export const DEFAULT_SUMMARY_SENTENCES = 3;
/** Sentences ranked per story at most (leads of every article first): LexRank is quadratic. */
const POOL_LIMIT = 200;
/** Two sentences this alike say the same thing twice. */
const REDUNDANCY = 0.5;

export interface StorySummary {
  summary: Summary;
  /** The article of the best-ranked sentence in the preferred language: the story's most central article. */
  leadArticle: number | undefined;
}

/** The most common language of the articles; ties go to the alphabetically first code. */
export function majorityLanguage(articles: readonly IngestedArticle[]): LanguageCode {
  const counts = new Map<LanguageCode, number>();
  for (const { article } of articles) counts.set(article.language, (counts.get(article.language) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? "und";
}

function rankedPool(sentences: readonly StorySentence[], language: LanguageCode): StorySentence[] {
  const pool = summarySentences(sentences)
    .toSorted((a, b) => a.position - b.position || a.article - b.article)
    .slice(0, POOL_LIMIT);
  const scores = rankSentences(pool, contentVectors(pool), language);
  const scoreOf = new Map(pool.map((sentence, index) => [sentence, scores[index] ?? 0]));
  return pool.toSorted(
    (a, b) =>
      (scoreOf.get(b) ?? 0) - (scoreOf.get(a) ?? 0) || a.article - b.article || a.position - b.position,
  );
}

/**
 * Greedy MMR-style choice: best first, skipping what repeats a chosen sentence or overruns the budget. With
 * `otherLanguageSlot`, that slot (from 0) goes to a sentence in another language than all the ones before
 * it, so a story told in several languages is not summarized from one of them alone.
 */
function choose(
  ranked: readonly StorySentence[],
  facts: ReadonlyMap<StorySentence, KeyVector>,
  words: number,
  maxSentences: number,
  otherLanguageSlot = -1,
): StorySentence[] {
  const chosen: StorySentence[] = [];
  let used = 0;
  for (const candidate of ranked) {
    if (chosen.length >= maxSentences) break;
    if (used + candidate.words > words) continue;
    const sameLanguage = chosen.every((other) => other.language === candidate.language);
    if (chosen.length === otherLanguageSlot && sameLanguage) continue;
    const vector = facts.get(candidate) ?? new Map();
    const repeats = chosen.some((other) => {
      const otherVector = facts.get(other) ?? new Map();
      return cosine(vector, otherVector) >= REDUNDANCY || other.text === candidate.text;
    });
    if (repeats) continue;
    chosen.push(candidate);
    used += candidate.words;
  }
  const first = ranked[0];
  return chosen.length === 0 && first !== undefined && maxSentences > 0 ? [first] : chosen;
}

/** For each other article, its sentence stating the same fact as `sentence`, if any. */
function supporters(
  sentence: StorySentence,
  byArticle: ReadonlyArray<readonly StorySentence[]>,
  facts: ReadonlyMap<StorySentence, KeyVector>,
): StorySentence[] {
  const side = { language: sentence.language, vector: facts.get(sentence) ?? new Map() };
  const found: StorySentence[] = [];
  byArticle.forEach((sentences, article) => {
    if (article === sentence.article) return;
    let best: StorySentence | undefined;
    let bestScore = 0;
    for (const other of sentences) {
      const score = sameFactScore(side, { language: other.language, vector: facts.get(other) ?? new Map() });
      if (score > bestScore) {
        best = other;
        bestScore = score;
      }
    }
    if (best) found.push(best);
  });
  return found;
}

export function summarizeStory(
  articles: readonly IngestedArticle[],
  options: SummaryOptions = {},
  sourceList: SourceList = new SourceList({ perArticle: true }),
): StorySummary {
  const language = options.language ?? majorityLanguage(articles);
  const sentences = allSentences(articles);
  const vectors = factVectors(sentences);
  const facts = new Map(sentences.map((sentence, index) => [sentence, vectors[index] ?? new Map()]));
  const ranked = rankedPool(options.topic ? sentencesOnTopic(sentences, options.topic) : sentences, language);
  const words = options.words ?? DEFAULT_SUMMARY_WORDS;
  const maxSentences = options.maxSentences ?? DEFAULT_SUMMARY_SENTENCES;
  const byArticle = articles.map((_, article) =>
    sentences.filter((sentence) => sentence.article === article),
  );
  const evidenceOf = (chosen: readonly StorySentence[]) =>
    orderForReading(chosen, articles).map((sentence) => ({
      sentence,
      evidence: [sentence, ...supporters(sentence, byArticle, facts)],
    }));
  let picked = evidenceOf(choose(ranked, facts, words, maxSentences));
  const citedLanguages = new Set(picked.flatMap(({ evidence }) => evidence.map((e) => e.language)));
  const storyLanguages = new Set(sentences.map((sentence) => sentence.language));
  // The last slot first (the best sentences stay); earlier ones when the budget is spent before it.
  for (
    let slot = maxSentences - 1;
    citedLanguages.size < 2 && storyLanguages.size >= 2 && slot >= 1;
    slot--
  ) {
    const diverse = choose(ranked, facts, words, maxSentences, slot);
    if (new Set(diverse.map((sentence) => sentence.language)).size < 2) continue;
    picked = evidenceOf(diverse);
    break;
  }
  const summarySentences: SummarySentence[] = picked.map(({ sentence, evidence }) => {
    const cited = evidence.map((item) => {
      const article = articles[item.article]?.article;
      return article ? sourceList.cite(article, item.passage) : 0;
    });
    return { text: sentence.text, citations: [...new Set(cited)].filter((n) => n > 0).sort((a, b) => a - b) };
  });
  const summary = citedText(summarySentences);
  return {
    summary: { summary, sentences: summarySentences, sources: sourceList.sources },
    leadArticle: (ranked.find((sentence) => sentence.language === language) ?? ranked[0])?.article,
  };
}

/** The best sentence first (it is the gist), then the rest by article date and position. */
function orderForReading(
  chosen: readonly StorySentence[],
  articles: readonly IngestedArticle[],
): StorySentence[] {
  const [first, ...rest] = chosen;
  if (first === undefined) return [];
  const date = (sentence: StorySentence) => articles[sentence.article]?.article.published ?? "9999";
  rest.sort(
    (a, b) =>
      (date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0) ||
      a.article - b.article ||
      a.position - b.position,
  );
  return [first, ...rest];
}

/**
 * Extractive multi-document summary of one story: central sentences (LexRank with a lead bonus), no
 * repeats, within the word budget; each sentence cites its own article and every other article with a
 * sentence stating the same fact.
 */
export function summarizeArticles(
  articles: readonly IngestedArticle[],
  options: SummaryOptions = {},
): Summary {
  return summarizeStory(articles, options).summary;
}
