/**
 * Abstention on same-topic questions the articles cannot answer (SQuAD v2 style): every fourth paragraph of a
 * SQuAD-format set is removed from the corpus while the rest of its Wikipedia article stays, and up to two of
 * its questions are asked of both corpora. On the full corpus they are answerable; without their paragraph,
 * mostly not (another paragraph of the article sometimes states the answer too, so "unanswerable" is an
 * upper bound). The lexical signal is weak here, so this prints the trade-off curve over the two thresholds
 * of the missing-word check (missing from the cited passages, unknown to the whole library) rather than one
 * figure tuned to it.
 */
import { ABSTAIN_MISSING_SHARE, ABSTAIN_UNKNOWN_SHARE } from "../src/core/answer/missing-terms.ts";
import { validateQuestion } from "../src/core/answer/question.ts";
import { Library } from "../src/core/library.ts";
import type { LanguageCode } from "../src/core/types.ts";
import { paragraphArticles } from "./qa.ts";
import { share } from "./qa-metrics.ts";
import { type QaQuestion, readSquadFormat } from "./squad-format.ts";

const REMOVED_EVERY = 4;
const QUESTIONS_PER_PARAGRAPH = 2;
const THRESHOLDS = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, Number.POSITIVE_INFINITY];

interface Shares {
  missingShare: number;
  unknownShare: number;
}

/** How one question fared: refused before the missing-word check, or the missing-word shares once answered. */
type Outcome = { refused: true } | ({ refused: false } & Shares);

interface CurvePoint {
  /** Thresholds on the share of weight missing from the cited passages / unknown to the library (Infinity: off). */
  missingShare: number;
  unknownShare: number;
  unanswerableAbstained: number;
  answerableRefused: number;
}

export interface AbstentionCurve {
  dataset: string;
  questions: number;
  /** The product setting, the check off, then one threshold varied with the other at the product setting. */
  points: CurvePoint[];
}

function outcome(library: Library, question: QaQuestion): Outcome {
  let shares: Shares = { missingShare: 0, unknownShare: 0 };
  const off = Number.POSITIVE_INFINITY;
  const answer = library.ask(validateQuestion(question.question), {
    abstention: { missingShare: off, unknownShare: off, observe: (observed) => (shares = observed) },
  });
  return answer.status === "no_evidence" ? { refused: true } : { refused: false, ...shares };
}

function refusedShare(outcomes: readonly Outcome[], thresholds: Shares): number {
  const refused = outcomes.filter(
    (item) =>
      item.refused ||
      item.missingShare >= thresholds.missingShare ||
      item.unknownShare >= thresholds.unknownShare,
  ).length;
  return outcomes.length === 0 ? 0 : refused / outcomes.length;
}

export function abstentionCurve(dataset: string, path: string, language: LanguageCode): AbstentionCurve {
  const { paragraphs, questions } = readSquadFormat(path);
  const removed = new Set(paragraphs.filter((_, index) => index % REMOVED_EVERY === 0).map((p) => p.id));
  const asked: QaQuestion[] = [];
  const perParagraph = new Map<string, number>();
  for (const question of questions) {
    if (!removed.has(question.paragraphId)) continue;
    const count = perParagraph.get(question.paragraphId) ?? 0;
    if (count >= QUESTIONS_PER_PARAGRAPH) continue;
    perParagraph.set(question.paragraphId, count + 1);
    asked.push(question);
  }
  const full = new Library();
  full.add(paragraphArticles(paragraphs, language));
  const cut = new Library();
  cut.add(
    paragraphArticles(
      paragraphs.filter((paragraph) => !removed.has(paragraph.id)),
      language,
    ),
  );
  const answerable = asked.map((question) => outcome(full, question));
  const unanswerable = asked.map((question) => outcome(cut, question));
  const point = (thresholds: Shares): CurvePoint => ({
    ...thresholds,
    unanswerableAbstained: refusedShare(unanswerable, thresholds),
    answerableRefused: refusedShare(answerable, thresholds),
  });
  const off = Number.POSITIVE_INFINITY;
  const product = { missingShare: ABSTAIN_MISSING_SHARE, unknownShare: ABSTAIN_UNKNOWN_SHARE };
  return {
    dataset,
    questions: asked.length,
    points: [
      point(product),
      point({ missingShare: off, unknownShare: off }),
      ...THRESHOLDS.map((unknownShare) => point({ ...product, unknownShare })),
      ...THRESHOLDS.map((missingShare) => point({ ...product, missingShare })),
    ],
  };
}

const threshold = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : "off");

export function printAbstentionCurve(curve: AbstentionCurve): void {
  console.log(
    `${curve.dataset}: ${curve.questions} questions, asked with and without their paragraph (rest of its article kept)`,
  );
  console.log("missing in cited  unknown to library  unanswerable abstained  answerable refused");
  curve.points.forEach((point, index) => {
    const label = index === 0 ? "  product setting" : index === 1 ? "  check off" : "";
    console.log(
      `${threshold(point.missingShare).padStart(16)} ${threshold(point.unknownShare).padStart(19)} ${share(point.unanswerableAbstained * curve.questions, curve.questions).padStart(23)} ${share(point.answerableRefused * curve.questions, curve.questions).padStart(19)}${label}`,
    );
  });
}
