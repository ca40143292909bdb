/**
 * Index benchmark, ours vs MiniSearch (default options, fields title + text): build rate, heap per passage and
 * query latency at 10k and 100k passages. Passages are ~3 sentences recombined from the SQuAD (English) and
 * PIAF (French) paragraphs, with some names replaced by synthetic ones so the vocabulary keeps growing as a
 * real news corpus does; queries are SQuAD and PIAF questions. Heap per passage: what the built index keeps
 * alive (JS heap + typed arrays), the median of 5 readings after forced collections before and after the build,
 * never below 0 (bench/memory-sample.ts). Run: node --expose-gc bench/index-bench.ts
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";
import { seededRandom } from "../eval/seeded-random.ts";
import { SearchIndex } from "../src/core/search/search-index.ts";
import { bytesPer, settledMemory } from "./memory-sample.ts";

interface BenchPassage {
  id: string;
  language: "en" | "fr";
  title: string;
  text: string;
}

interface BenchQuery {
  language: "en" | "fr";
  text: string;
}

export interface EngineFigures {
  buildMs: number;
  passagesPerSecond: number;
  heapBytesPerPassage: number;
  queryP50Ms: number;
  queryP95Ms: number;
}

export interface IndexBenchRow {
  passages: number;
  queries: number;
  ours: EngineFigures;
  miniSearch: EngineFigures;
}

interface Engine {
  build(passages: readonly BenchPassage[]): (query: BenchQuery) => unknown;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SIZES = [10_000, 100_000];
const QUERY_COUNT = 300;
const WARM_UP_PASSAGES = 1000;
const SENTENCES_PER_PASSAGE = 3;
const NAME_REPLACEMENT_RATE = 0.2;

function evalDirectory(): string {
  return process.env.BRIEFBOT_EVAL_DIR ?? resolve(REPO_ROOT, "../shared/eval");
}

interface SquadLike {
  data: { title: string; paragraphs: { context: string; qas: { question: string }[] }[] }[];
}

interface Source {
  language: "en" | "fr";
  title: string;
  sentences: string[];
}

function readSquadLike(file: string, language: "en" | "fr"): { sources: Source[]; questions: BenchQuery[] } {
  const data = JSON.parse(readFileSync(resolve(evalDirectory(), file), "utf8")) as SquadLike;
  const sources: Source[] = [];
  const questions: BenchQuery[] = [];
  for (const article of data.data) {
    for (const paragraph of article.paragraphs) {
      const sentences = paragraph.context.split(/(?<=[.!?])\s+(?=\p{Lu})/u).filter((s) => s.length > 0);
      sources.push({ language, title: article.title.replace(/_/g, " "), sentences });
      for (const qa of paragraph.qas) questions.push({ language, text: qa.question });
    }
  }
  return { sources, questions };
}

const SYLLABLES = [
  "ka",
  "lo",
  "mer",
  "van",
  "tin",
  "bor",
  "sa",
  "del",
  "ri",
  "quin",
  "zu",
  "an",
  "ber",
  "tho",
];

function syntheticName(next: () => number): string {
  const length = 2 + Math.floor(next() * 2);
  let name = "";
  for (let index = 0; index < length; index++) name += SYLLABLES[Math.floor(next() * SYLLABLES.length)] ?? "";
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function makePassages(sources: readonly Source[], count: number): BenchPassage[] {
  const next = seededRandom(count);
  const names: string[] = [];
  const passages: BenchPassage[] = [];
  for (let index = 0; index < count; index++) {
    const source = sources[Math.floor(next() * sources.length)];
    if (source === undefined) break;
    const start = Math.floor(next() * Math.max(1, source.sentences.length - SENTENCES_PER_PASSAGE + 1));
    const text = source.sentences
      .slice(start, start + SENTENCES_PER_PASSAGE)
      .join(" ")
      .replace(/\b\p{Lu}\p{Ll}{3,}\b/gu, (word) => {
        if (next() >= NAME_REPLACEMENT_RATE) return word;
        // A new name now and then, an earlier one otherwise: the vocabulary grows sublinearly.
        if (names.length === 0 || next() < 0.3) names.push(syntheticName(next));
        return names[Math.floor(next() * names.length)] ?? word;
      });
    passages.push({ id: `p${index}`, language: source.language, title: source.title, text });
  }
  return passages;
}

function pickQueries(questions: readonly BenchQuery[]): BenchQuery[] {
  const next = seededRandom(7);
  return Array.from({ length: QUERY_COUNT }, () => questions[Math.floor(next() * questions.length)]).filter(
    (query): query is BenchQuery => query !== undefined,
  );
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

/** Heap per passage: what the built index keeps alive (heap + typed arrays), median of settled samples. */
async function measure(
  engine: Engine,
  passages: readonly BenchPassage[],
  queries: readonly BenchQuery[],
): Promise<EngineFigures> {
  const heapBefore = await settledMemory();
  const buildStart = performance.now();
  const search = engine.build(passages);
  const buildMs = performance.now() - buildStart;
  const heapBytesPerPassage = bytesPer(heapBefore, await settledMemory(), passages.length);
  for (const query of queries.slice(0, 20)) search(query);
  const latencies = queries.map((query) => {
    const start = performance.now();
    search(query);
    return performance.now() - start;
  });
  latencies.sort((a, b) => a - b);
  return {
    buildMs,
    passagesPerSecond: passages.length / (buildMs / 1000),
    heapBytesPerPassage,
    queryP50Ms: percentile(latencies, 0.5),
    queryP95Ms: percentile(latencies, 0.95),
  };
}

const OURS: Engine = {
  build(passages) {
    const index = new SearchIndex({ fields: { title: { boost: 2 }, text: {} } });
    for (const passage of passages) {
      index.add({
        id: passage.id,
        language: passage.language,
        fields: { title: passage.title, text: passage.text },
      });
    }
    return (query) => index.search(query.text, { limit: 10, queryLanguage: query.language });
  },
};

const MINISEARCH: Engine = {
  build(passages) {
    const index = new MiniSearch<BenchPassage>({ fields: ["title", "text"] });
    index.addAll(passages);
    return (query) => index.search(query.text).slice(0, 10);
  },
};

export async function benchIndex(sizes: readonly number[] = SIZES): Promise<IndexBenchRow[]> {
  const squad = readSquadLike("squad-v1.1-dev-part1.json", "en");
  const piaf = readSquadLike("piaf-v1.0.json", "fr");
  const sources = [...squad.sources, ...piaf.sources];
  const queries = pickQueries([...squad.questions, ...piaf.questions]);
  // Warm-up of both engines (JIT, and our analyzer's stem cache on a slice of the vocabulary).
  const warmUp = makePassages(sources, WARM_UP_PASSAGES);
  for (const engine of [OURS, MINISEARCH]) engine.build(warmUp);
  const rows: IndexBenchRow[] = [];
  for (const size of sizes) {
    const passages = makePassages(sources, size);
    const ours = await measure(OURS, passages, queries);
    const miniSearch = await measure(MINISEARCH, passages, queries);
    rows.push({ passages: size, queries: queries.length, ours, miniSearch });
  }
  return rows;
}

function formatRow(passages: number, name: string, figures: EngineFigures): string {
  return [
    String(passages).padStart(8),
    name.padEnd(11),
    figures.buildMs.toFixed(0).padStart(9),
    figures.passagesPerSecond.toFixed(0).padStart(10),
    figures.heapBytesPerPassage.toFixed(0).padStart(13),
    figures.queryP50Ms.toFixed(2).padStart(8),
    figures.queryP95Ms.toFixed(2).padStart(8),
  ].join(" ");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await benchIndex();
  console.log(`passages engine       build ms  passages/s  heap B/passage  p50 ms   p95 ms`);
  for (const row of rows) {
    console.log(formatRow(row.passages, "briefbot", row.ours));
    console.log(formatRow(row.passages, "minisearch", row.miniSearch));
  }
  console.log(
    `(${rows[0]?.queries ?? 0} SQuAD/PIAF questions per size, top 10; after a ${WARM_UP_PASSAGES}-passage warm-up)`,
  );
}
