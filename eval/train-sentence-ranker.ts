/**
 * `npm run train`: fits the sentence ranker (a logistic model over lexical features, src/core/answer/
 * sentence-features.ts) on the shared SQuAD v1.1 dev part 1 and PIAF, two thirds of their Wikipedia titles
 * (eval/title-split.ts), and writes src/core/answer/sentence-ranker-weights.ts. Candidates come from the
 * product's own answer path (Library.ask), so re-run it when retrieval changes. Deterministic: full-batch
 * gradient descent from zero weights, no sampling. Prints top-1 accuracy on the trained and held-out titles.
 */
import { writeFileSync } from "node:fs";
import { observeCandidates } from "../src/core/answer/candidate-trace.ts";
import { validateQuestion } from "../src/core/answer/question.ts";
import { SENTENCE_FEATURES } from "../src/core/answer/sentence-features.ts";
import { orderedWeights } from "../src/core/answer/sentence-ranker.ts";
import { SENTENCE_RANKER } from "../src/core/answer/sentence-ranker-weights.ts";
import { Library } from "../src/core/library.ts";
import type { LanguageCode } from "../src/core/types.ts";
import { evalFile } from "./eval-data.ts";
import { paragraphArticles } from "./qa.ts";
import { containsAnswer } from "./qa-metrics.ts";
import { readSquadFormat } from "./squad-format.ts";
import { heldOutTitle } from "./title-split.ts";

const DATASETS: ReadonlyArray<readonly [string, string, LanguageCode]> = [
  ["SQuAD part 1", "squad-v1.1-dev-part1.json", "en"],
  ["PIAF", "piaf-v1.0.json", "fr"],
];
const NEWTON_STEPS = 30;
const L2 = 1e-3;

interface QuestionRows {
  dataset: string;
  heldOut: boolean;
  features: number[][];
  labels: number[];
}

function collect(): QuestionRows[] {
  const all: QuestionRows[] = [];
  for (const [dataset, file, language] of DATASETS) {
    const { paragraphs, questions } = readSquadFormat(evalFile(file));
    const library = new Library();
    library.add(paragraphArticles(paragraphs, language));
    const titleOf = new Map(paragraphs.map((paragraph) => [paragraph.id, paragraph.title]));
    for (const question of questions) {
      const rows: QuestionRows = {
        dataset,
        heldOut: heldOutTitle(titleOf.get(question.paragraphId) ?? ""),
        features: [],
        labels: [],
      };
      const stop = observeCandidates((_, candidates) => {
        for (const candidate of candidates) {
          if (!candidate.features) continue;
          rows.features.push([...candidate.features]);
          const right =
            candidate.articleId === question.paragraphId && containsAnswer(candidate.text, question.answers);
          rows.labels.push(right ? 1 : 0);
        }
      });
      library.ask(validateQuestion(question.question));
      stop();
      all.push(rows);
    }
  }
  return all;
}

interface Model {
  bias: number;
  weights: number[];
}

function logit(model: Model, features: readonly number[]): number {
  let sum = model.bias;
  for (let index = 0; index < features.length; index++)
    sum += (model.weights[index] ?? 0) * (features[index] ?? 0);
  return sum;
}

interface Objective {
  loss: number;
  gradient: number[];
  hessian: number[][];
}

/**
 * Listwise loss: per question, minus the log of the softmax probability of its right sentences. It asks
 * exactly what the answer needs (the right sentence on top), unlike a loss per sentence.
 */
function listwise(weights: readonly number[], questions: readonly QuestionRows[]): Objective {
  const size = weights.length;
  const gradient = new Array<number>(size).fill(0);
  const hessian = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  let loss = 0;
  const model = { bias: 0, weights: [...weights] };
  for (const question of questions) {
    const scores = question.features.map((features) => logit(model, features));
    const top = Math.max(...scores);
    const exps = scores.map((score) => Math.exp(score - top));
    const total = exps.reduce((sum, value) => sum + value, 0);
    const right = exps.reduce((sum, value, row) => sum + (question.labels[row] === 1 ? value : 0), 0);
    loss -= Math.log(right / total);
    const mean = new Array<number>(size).fill(0);
    question.features.forEach((features, row) => {
      const p = (exps[row] ?? 0) / total;
      const q = question.labels[row] === 1 ? (exps[row] ?? 0) / right : 0;
      for (let i = 0; i < size; i++) {
        const x = features[i] ?? 0;
        mean[i] = (mean[i] ?? 0) + p * x;
        gradient[i] = (gradient[i] ?? 0) + (p - q) * x;
        const line = hessian[i] as number[];
        for (let j = 0; j < size; j++) line[j] = (line[j] ?? 0) + p * x * (features[j] ?? 0);
      }
    });
    for (let i = 0; i < size; i++) {
      const line = hessian[i] as number[];
      for (let j = 0; j < size; j++) line[j] = (line[j] ?? 0) - (mean[i] ?? 0) * (mean[j] ?? 0);
    }
  }
  const n = questions.length;
  for (let i = 0; i < size; i++) {
    const w = weights[i] ?? 0;
    gradient[i] = (gradient[i] ?? 0) / n + L2 * w;
    const line = hessian[i] as number[];
    for (let j = 0; j < size; j++) line[j] = (line[j] ?? 0) / n + (i === j ? L2 : 0);
  }
  loss = loss / n + (L2 / 2) * weights.reduce((sum, w) => sum + w * w, 0);
  return { loss, gradient, hessian };
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and, with L2, well conditioned). */
function solve(matrix: readonly number[][], vector: readonly number[]): number[] {
  const size = vector.length;
  const a = matrix.map((line, i) => [...line, vector[i] ?? 0]);
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let row = column + 1; row < size; row++)
      if (Math.abs(a[row]?.[column] ?? 0) > Math.abs(a[pivot]?.[column] ?? 0)) pivot = row;
    [a[column], a[pivot]] = [a[pivot] as number[], a[column] as number[]];
    const head = a[column] as number[];
    for (let row = column + 1; row < size; row++) {
      const line = a[row] as number[];
      const factor = (line[column] ?? 0) / (head[column] ?? 1);
      for (let k = column; k <= size; k++) line[k] = (line[k] ?? 0) - factor * (head[k] ?? 0);
    }
  }
  const x = new Array<number>(size).fill(0);
  for (let row = size - 1; row >= 0; row--) {
    const line = a[row] as number[];
    let sum = line[size] ?? 0;
    for (let k = row + 1; k < size; k++) sum -= (line[k] ?? 0) * (x[k] ?? 0);
    x[row] = sum / (line[row] ?? 1);
  }
  return x;
}

/** Newton's method with step halving, from zero weights: deterministic. */
function fitRanking(questions: readonly QuestionRows[]): number[] {
  let weights = new Array<number>(SENTENCE_FEATURES.length).fill(0);
  let current = listwise(weights, questions);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const direction = solve(current.hessian, current.gradient);
    let size = 1;
    let next: number[] | undefined;
    let objective: Objective | undefined;
    while (size > 1e-4) {
      const trial = weights.map((w, i) => w - size * (direction[i] ?? 0));
      const candidate = listwise(trial, questions);
      if (candidate.loss < current.loss) {
        next = trial;
        objective = candidate;
        break;
      }
      size /= 2;
    }
    if (!next || !objective) break;
    const gain = current.loss - objective.loss;
    weights = next;
    current = objective;
    if (gain < 1e-9) break;
  }
  return weights;
}

/**
 * Platt scaling: one slope and one intercept that turn the ranking score into the probability that a sentence
 * answers the question, so floors can be read as probabilities. Keeps the ranking as it is.
 */
function calibrate(weights: readonly number[], questions: readonly QuestionRows[]): Model {
  const rows = questions.flatMap((question) =>
    question.features.map((features, row) => ({
      score: logit({ bias: 0, weights: [...weights] }, features),
      label: question.labels[row] ?? 0,
    })),
  );
  const loss = (a: number, b: number) =>
    rows.reduce((sum, { score, label }) => {
      const z = a * score + b;
      return sum + Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0) - label * z;
    }, 0);
  const positives = rows.filter((row) => row.label === 1).length;
  let slope = 1;
  let intercept = Math.log(positives / Math.max(1, rows.length - positives));
  for (let step = 0; step < 25; step++) {
    let g0 = 0;
    let g1 = 0;
    let h00 = 1e-9;
    let h01 = 0;
    let h11 = 1e-9;
    for (const { score, label } of rows) {
      const p = 1 / (1 + Math.exp(-(slope * score + intercept)));
      const error = p - label;
      const curvature = p * (1 - p);
      g0 += error * score;
      g1 += error;
      h00 += curvature * score * score;
      h01 += curvature * score;
      h11 += curvature;
    }
    const [d0, d1] = solve(
      [
        [h00, h01],
        [h01, h11],
      ],
      [g0, g1],
    );
    let size = 1;
    const before = loss(slope, intercept);
    while (size > 1e-6 && loss(slope - size * (d0 ?? 0), intercept - size * (d1 ?? 0)) >= before) size /= 2;
    if (size <= 1e-6) break;
    slope -= size * (d0 ?? 0);
    intercept -= size * (d1 ?? 0);
  }
  return { bias: intercept, weights: weights.map((w) => w * slope) };
}

/** Share of the questions with a right candidate whose highest-scored candidate is right. */
function topOneAccuracy(model: Model, questions: readonly QuestionRows[]): { right: number; of: number } {
  let right = 0;
  let of = 0;
  for (const question of questions) {
    if (!question.labels.includes(1)) continue;
    of++;
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    question.features.forEach((features, row) => {
      const score = logit(model, features);
      if (score > bestScore) {
        bestScore = score;
        best = row;
      }
    });
    if (question.labels[best] === 1) right++;
  }
  return { right, of };
}

/** Writes the weights as a TS constant, formatted as Biome formats it. */
function writeWeights(model: Model, trainedOn: string): void {
  const lines = SENTENCE_FEATURES.map(
    (name, index) => `    ${name}: ${Number((model.weights[index] ?? 0).toFixed(4))},`,
  );
  const body = [
    "/** Written by `npm run train` (eval/train-sentence-ranker.ts); do not edit by hand. */",
    "export const SENTENCE_RANKER = {",
    `  trainedOn: ${JSON.stringify(trainedOn)},`,
    `  bias: ${Number(model.bias.toFixed(4))},`,
    "  weights: {",
    ...lines,
    "  },",
    "} as const;",
    "",
  ].join("\n");
  writeFileSync(new URL("../src/core/answer/sentence-ranker-weights.ts", import.meta.url), body);
}

const started = performance.now();
const questions = collect();
const training = questions.filter((question) => !question.heldOut && question.labels.includes(1));
console.log(
  `${questions.length} questions, ${training.length} with a right sentence on trained titles; read in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
const committed: Model = { bias: SENTENCE_RANKER.bias, weights: orderedWeights(SENTENCE_RANKER) };
const model = calibrate(fitRanking(training), training);
for (const [dataset] of DATASETS) {
  for (const heldOut of [false, true]) {
    const part = questions.filter((question) => question.dataset === dataset && question.heldOut === heldOut);
    const before = topOneAccuracy(committed, part);
    const after = topOneAccuracy(model, part);
    const percent = ({ right, of }: { right: number; of: number }) =>
      `${((100 * right) / Math.max(1, of)).toFixed(1)}%`;
    console.log(
      `${dataset.padEnd(13)} ${heldOut ? "held-out titles" : "trained titles "}: best sentence right ${percent(before)} with the committed weights, ${percent(after)} with the new, of ${after.of} questions with a right candidate`,
    );
  }
}
writeWeights(model, "SQuAD v1.1 dev part 1 + PIAF v1.0, titles not held out by eval/title-split.ts");
console.log(`weights written; ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
