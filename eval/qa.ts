import MiniSearch from "minisearch";
import { observeCandidates } from "../src/core/answer/candidate-trace.ts";
import { validateQuestion } from "../src/core/answer/question.ts";
import { parseDocument } from "../src/core/ingest/index.ts";
import { Library } from "../src/core/library.ts";
import type { Answer, IngestedArticle, LanguageCode } from "../src/core/types.ts";
import { containsAnswer } from "./qa-metrics.ts";
import { type QaQuestion, readSquadFormat } from "./squad-format.ts";
import { heldOutTitle } from "./title-split.ts";

/** Where the first bullet goes wrong, one category per question, checked in this order. */
export const FAILURE_CATEGORIES = [
  "answered with no bullets (a bug)",
  "answer in the first bullet",
  "gold paragraph not among the passages read",
  "no_evidence although the gold paragraph was read",
  "no sentence of the gold paragraph holding the answer was a candidate",
  "gold paragraph read, first bullet from another paragraph",
  "right paragraph, wrong sentence",
] as const;

export type FailureCategory = (typeof FAILURE_CATEGORIES)[number];

export interface QaCounts {
  questions: number;
  answered: number;
  answerInFirstBullet: number;
  answerInAnyBullet: number;
  firstBulletCitesGold: number;
  goldPassageInTop1: number;
  goldPassageInTop5: number;
  questionsPerSecond: number;
  /** Ours only: where each question's first bullet went wrong, or that it did not. */
  breakdown: Record<FailureCategory, number>;
}

export interface QaReport {
  dataset: string;
  articles: number;
  passages: number;
  ours: QaCounts;
  /** Ours on the Wikipedia titles the sentence ranker was trained on, and on those held out (eval/title-split.ts). */
  oursTrained: QaCounts;
  oursHeldOut: QaCounts;
  minisearch: QaCounts;
  library: Library;
  questions: QaQuestion[];
}

/** SQuAD-format paragraphs ingested as articles, one each. */
export function paragraphArticles(
  paragraphs: ReturnType<typeof readSquadFormat>["paragraphs"],
  language: LanguageCode,
): IngestedArticle[] {
  const jsonl = paragraphs
    .map((paragraph) =>
      JSON.stringify({ id: paragraph.id, title: paragraph.title, text: paragraph.text, language }),
    )
    .join("\n");
  const parsed = parseDocument({ name: "eval.jsonl", content: new TextEncoder().encode(jsonl) });
  if (parsed.problems.length > 0)
    throw new Error(`Eval data did not ingest cleanly: ${parsed.problems[0]?.message}`);
  return parsed.articles;
}

function emptyCounts(questions: number): QaCounts {
  return {
    questions,
    answered: 0,
    answerInFirstBullet: 0,
    answerInAnyBullet: 0,
    firstBulletCitesGold: 0,
    goldPassageInTop1: 0,
    goldPassageInTop5: 0,
    questionsPerSecond: 0,
    breakdown: Object.fromEntries(FAILURE_CATEGORIES.map((category) => [category, 0])) as Record<
      FailureCategory,
      number
    >,
  };
}

function scoreAnswer(counts: QaCounts, answer: Answer, question: QaQuestion): void {
  if (answer.status !== "answered") return;
  counts.answered++;
  const first = answer.bullets[0];
  if (first && containsAnswer(first.text, question.answers)) counts.answerInFirstBullet++;
  if (answer.bullets.some((bullet) => containsAnswer(bullet.text, question.answers)))
    counts.answerInAnyBullet++;
  const cited = first?.citations.map((n) => answer.sources[n - 1]?.articleId) ?? [];
  if (cited.includes(question.paragraphId)) counts.firstBulletCitesGold++;
}

const WORD = /[\p{L}\p{N}]+/gu;
const words = (text: string) => new Set(text.toLocaleLowerCase().match(WORD) ?? []);

/** MiniSearch with default settings as the retriever, then the passage sentence sharing most words. */
function runMiniSearch(articles: IngestedArticle[], questions: QaQuestion[]): QaCounts {
  const counts = emptyCounts(questions.length);
  const mini = new MiniSearch({ fields: ["title", "text"] });
  const passages = new Map(
    articles.flatMap((a) => a.passages.map((p) => [p.id, { passage: p, article: a }] as const)),
  );
  mini.addAll(
    [...passages.values()].map(({ passage, article }) => ({
      id: passage.id,
      title: article.article.title,
      text: passage.text,
    })),
  );
  const started = performance.now();
  for (const question of questions) {
    const hits = mini.search(question.question).slice(0, 5);
    const top = hits.map((hit) => passages.get(String(hit.id)));
    if (top[0]?.article.article.id === question.paragraphId) counts.goldPassageInTop1++;
    if (top.some((entry) => entry?.article.article.id === question.paragraphId)) counts.goldPassageInTop5++;
    const best = top[0];
    if (!best) continue;
    counts.answered++;
    const asked = words(question.question);
    const sentences = best.passage.sentences.map((span) =>
      best.article.article.text.slice(span.start, span.end),
    );
    const first = sentences
      .map((text) => ({ text, overlap: [...words(text)].filter((word) => asked.has(word)).length }))
      .sort((a, b) => b.overlap - a.overlap)[0];
    if (first && containsAnswer(first.text, question.answers)) {
      counts.answerInFirstBullet++;
      counts.answerInAnyBullet++;
    }
    if (best.article.article.id === question.paragraphId) counts.firstBulletCitesGold++;
  }
  counts.questionsPerSecond = questions.length / ((performance.now() - started) / 1000);
  return counts;
}

interface ReadEvidence {
  goldRead: boolean;
  goldAnswerCandidate: boolean;
}

function failureCategory(answer: Answer, question: QaQuestion, evidence: ReadEvidence): FailureCategory {
  const first = answer.bullets[0];
  if (answer.status === "answered" && !first) return "answered with no bullets (a bug)";
  if (first && containsAnswer(first.text, question.answers)) return "answer in the first bullet";
  if (!evidence.goldRead) return "gold paragraph not among the passages read";
  if (answer.status !== "answered" || !first) return "no_evidence although the gold paragraph was read";
  if (!evidence.goldAnswerCandidate)
    return "no sentence of the gold paragraph holding the answer was a candidate";
  const cited = first.citations.map((n) => answer.sources[n - 1]?.articleId);
  return cited.includes(question.paragraphId)
    ? "right paragraph, wrong sentence"
    : "gold paragraph read, first bullet from another paragraph";
}

interface OursCounts {
  all: QaCounts;
  trained: QaCounts;
  heldOut: QaCounts;
}

function runOurs(
  library: Library,
  questions: QaQuestion[],
  titleOf: ReadonlyMap<string, string>,
): OursCounts {
  const heldOut = (question: QaQuestion) => heldOutTitle(titleOf.get(question.paragraphId) ?? "");
  const counts: OursCounts = {
    all: emptyCounts(questions.length),
    trained: emptyCounts(questions.filter((question) => !heldOut(question)).length),
    heldOut: emptyCounts(questions.filter(heldOut).length),
  };
  const started = performance.now();
  for (const question of questions) {
    const evidence: ReadEvidence = { goldRead: false, goldAnswerCandidate: false };
    const stop = observeCandidates((_, candidates, retrieved) => {
      evidence.goldRead = retrieved.some((hit) => hit.passage.articleId === question.paragraphId);
      evidence.goldAnswerCandidate = candidates.some(
        (candidate) =>
          candidate.articleId === question.paragraphId && containsAnswer(candidate.text, question.answers),
      );
    });
    const answer = library.ask(validateQuestion(question.question));
    stop();
    const hits = library.search(question.question, 5);
    const category = failureCategory(answer, question, evidence);
    for (const part of [counts.all, heldOut(question) ? counts.heldOut : counts.trained]) {
      if (hits[0]?.articleId === question.paragraphId) part.goldPassageInTop1++;
      if (hits.some((hit) => hit.articleId === question.paragraphId)) part.goldPassageInTop5++;
      scoreAnswer(part, answer, question);
      part.breakdown[category]++;
    }
  }
  const perSecond = questions.length / ((performance.now() - started) / 1000);
  for (const part of [counts.all, counts.trained, counts.heldOut]) part.questionsPerSecond = perSecond;
  return counts;
}

export function evaluateQa(dataset: string, path: string, language: LanguageCode): QaReport {
  const { paragraphs, questions } = readSquadFormat(path);
  const articles = paragraphArticles(paragraphs, language);
  const library = new Library();
  library.add(articles);
  const titleOf = new Map(paragraphs.map((paragraph) => [paragraph.id, paragraph.title]));
  const ours = runOurs(library, questions, titleOf);
  return {
    dataset,
    articles: library.articleCount,
    passages: library.passageCount,
    ours: ours.all,
    oursTrained: ours.trained,
    oursHeldOut: ours.heldOut,
    minisearch: runMiniSearch(articles, questions),
    library,
    questions,
  };
}

/** Questions asked of a corpus that cannot hold their answers: the share answered "no_evidence". */
export function abstentionRate(library: Library, questions: readonly QaQuestion[], sample = 500): number {
  const picked = questions.slice(0, sample);
  const abstained = picked.filter(
    (question) => library.ask(validateQuestion(question.question)).status === "no_evidence",
  ).length;
  return picked.length === 0 ? 0 : abstained / picked.length;
}

/**
 * A harder abstention check: every fourth Wikipedia article is held out of the corpus and its questions are
 * asked of what remains (same language, same style, other topics). Returns the share answered "no_evidence".
 */
export function heldOutAbstention(
  path: string,
  language: LanguageCode,
): { questions: number; abstained: number } {
  const { paragraphs, questions } = readSquadFormat(path);
  const titles = [...new Set(paragraphs.map((paragraph) => paragraph.title))];
  const heldOut = new Set(titles.filter((_, index) => index % 4 === 0));
  const library = new Library();
  library.add(
    paragraphArticles(
      paragraphs.filter((paragraph) => !heldOut.has(paragraph.title)),
      language,
    ),
  );
  const titleOf = new Map(paragraphs.map((paragraph) => [paragraph.id, paragraph.title]));
  const asked = questions.filter((question) => heldOut.has(titleOf.get(question.paragraphId) ?? ""));
  const abstained = asked.filter(
    (question) => library.ask(validateQuestion(question.question)).status === "no_evidence",
  ).length;
  return { questions: asked.length, abstained };
}
