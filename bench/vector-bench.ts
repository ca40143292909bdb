/**
 * Vector search and hybrid ask latency at 10k and 100k passages, with random normalized 256- and
 * 768-dimension vectors (latency does not depend on what the vectors mean), beside the lexical-only ask on
 * the same library. Passages come from the generated ~600-word articles (SQuAD paragraphs); questions are
 * SQuAD questions, their query vectors random. Run: node bench/vector-bench.ts
 */
import { fileURLToPath } from "node:url";
import { evalFile } from "../eval/eval-data.ts";
import { seededRandom } from "../eval/seeded-random.ts";
import { readSquadFormat } from "../eval/squad-format.ts";
import { validateQuestion } from "../src/core/answer/question.ts";
import { Library } from "../src/core/library.ts";
import { VectorIndex } from "../src/core/search/vector-index.ts";
import type { IngestedArticle } from "../src/core/types.ts";
import { generatedArticles } from "./generated-articles.ts";

const SIZES = [10_000, 100_000];
const DIMENSIONS = [256, 768];
const QUERY_COUNT = 200;
const WARM_UP_QUERIES = 20;
const PASSAGES_PER_ARTICLE_GUESS = 12;

export interface Latency {
  p50Ms: number;
  p95Ms: number;
}

export interface VectorBenchRow {
  passages: number;
  /** 0 for the lexical-only row. */
  dimensions: number;
  /** VectorIndex top 10 alone, brute force (undefined for the lexical row). */
  vectorSearch: Latency | undefined;
  /** library.search top 10: BM25F, or fused with the query vector. */
  search: Latency;
  /** library.ask: the whole extractive answer, lexical or hybrid. */
  ask: Latency;
}

function randomUnitVector(dimensions: number, next: () => number): Float32Array {
  const vector = new Float32Array(dimensions);
  let sum = 0;
  for (let index = 0; index < dimensions; index++) {
    const value = next() * 2 - 1;
    vector[index] = value;
    sum += value * value;
  }
  const scale = 1 / Math.sqrt(sum);
  for (let index = 0; index < dimensions; index++) vector[index] = (vector[index] ?? 0) * scale;
  return vector;
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

function time(count: number, run: (index: number) => unknown): Latency {
  for (let index = 0; index < WARM_UP_QUERIES; index++) run(index);
  const latencies: number[] = [];
  for (let index = 0; index < count; index++) {
    const start = performance.now();
    run(index);
    latencies.push(performance.now() - start);
  }
  latencies.sort((a, b) => a - b);
  return { p50Ms: percentile(latencies, 0.5), p95Ms: percentile(latencies, 0.95) };
}

function articlesWithPassages(target: number): IngestedArticle[] {
  const articles = generatedArticles(Math.ceil((target * 1.1) / PASSAGES_PER_ARTICLE_GUESS));
  const kept: IngestedArticle[] = [];
  let passages = 0;
  for (const ingested of articles) {
    if (passages >= target) break;
    kept.push(ingested);
    passages += ingested.passages.length;
  }
  return kept;
}

export function benchVectors(sizes: readonly number[] = SIZES): VectorBenchRow[] {
  const questions = readSquadFormat(evalFile("squad-v1.1-dev-part1.json"))
    .questions.slice(0, QUERY_COUNT)
    .map((question) => question.question);
  const rows: VectorBenchRow[] = [];
  for (const size of sizes) {
    const articles = articlesWithPassages(size);
    const library = new Library();
    library.add(articles);
    const question = (index: number) => questions[index % questions.length] ?? "";
    rows.push({
      passages: library.passageCount,
      dimensions: 0,
      vectorSearch: undefined,
      search: time(QUERY_COUNT, (index) => library.search(question(index), 10)),
      ask: time(QUERY_COUNT, (index) => library.ask(validateQuestion(question(index)))),
    });
    for (const dimensions of DIMENSIONS) {
      const next = seededRandom(dimensions);
      // A new model name: the library drops the previous dimension's vectors.
      for (const { article, passages } of articles) {
        library.setVectors(
          `random-${dimensions}`,
          article.id,
          passages.map(() => randomUnitVector(dimensions, next)),
        );
      }
      const alone = new VectorIndex();
      for (const { passages } of articles) {
        for (const passage of passages) alone.add(passage.id, randomUnitVector(dimensions, next));
      }
      const queryVectors = questions.map(() => randomUnitVector(dimensions, next));
      const queryVector = (index: number) => queryVectors[index % queryVectors.length];
      rows.push({
        passages: library.passageCount,
        dimensions,
        vectorSearch: time(QUERY_COUNT, (index) =>
          alone.search(queryVector(index) ?? new Float32Array(0), 10),
        ),
        search: time(QUERY_COUNT, (index) =>
          library.search(question(index), 10, { queryVector: queryVector(index) }),
        ),
        ask: time(QUERY_COUNT, (index) =>
          library.ask(validateQuestion(question(index)), { queryVector: queryVector(index) }),
        ),
      });
    }
  }
  return rows;
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);

export function printVectorBench(rows: readonly VectorBenchRow[]): void {
  console.log("passages  vectors    vector top10 p50/p95   search top10 p50/p95          ask p50/p95");
  for (const row of rows) {
    const vector = row.vectorSearch
      ? `${fixed(row.vectorSearch.p50Ms)} / ${fixed(row.vectorSearch.p95Ms)} ms`
      : "-";
    console.log(
      [
        String(row.passages).padStart(8),
        (row.dimensions === 0 ? "none" : `${row.dimensions}-d`).padEnd(9),
        vector.padStart(22),
        `${fixed(row.search.p50Ms)} / ${fixed(row.search.p95Ms)} ms`.padStart(22),
        `${fixed(row.ask.p50Ms)} / ${fixed(row.ask.p95Ms)} ms`.padStart(20),
      ].join(" "),
    );
  }
  console.log(
    `(${QUERY_COUNT} SQuAD questions per row after ${WARM_UP_QUERIES} warm-up; "none" = lexical only, no query vector; hybrid = BM25F and vector top max(3 x limit, 100) fused by RRF)`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  printVectorBench(benchVectors());
}
