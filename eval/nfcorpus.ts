/**
 * An EXPERIMENT, not the product path (that is eval/beir-product.ts, through the CLI): a whole-document index
 * configured here only, tuned on NFCorpus dev.
 * NFCorpus (BEIR) retrieval quality: article-level nDCG@10 (pytrec_eval style: gain = relevance grade,
 * log2 discount, ideal ranking from the qrels) and recall@100, for our BM25F index and for MiniSearch with
 * its defaults, on the same data in the same run. Run: node eval/nfcorpus.ts [test|dev]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";
import type { Bm25Options } from "../src/core/search/bm25.ts";
import { SearchIndex } from "../src/core/search/search-index.ts";
import { ndcgAt10, recallAt100 } from "./beir-metrics.ts";

export { ndcgAt10 } from "./beir-metrics.ts";

export type Split = "test" | "dev";

/** Our index settings for NFCorpus, chosen on the dev split (see the grid in the report). */
export const NFCORPUS_INDEX_OPTIONS: Bm25Options = {
  k1: 2,
  b: 0.4,
  fields: { title: { boost: 2 }, text: {} },
};

export interface RetrieverFigures {
  ndcgAt10: number;
  recallAt100: number;
  buildMs: number;
  meanQueryMs: number;
}

export interface NfcorpusResult {
  split: Split;
  documents: number;
  queries: number;
  ours: RetrieverFigures;
  miniSearch: RetrieverFigures;
}

export interface NfcorpusOptions {
  split?: Split;
  index?: Bm25Options;
  /** Skip MiniSearch (for parameter sweeps). */
  oursOnly?: boolean;
}

export interface CorpusDocument {
  id: string;
  title: string;
  text: string;
}

export interface Dataset {
  corpus: CorpusDocument[];
  queries: { id: string; text: string }[];
  /** query id → document id → grade */
  qrels: Map<string, Map<string, number>>;
}

type Retrieve = (query: string) => string[];

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CACHE_DIR = resolve(REPO_ROOT, ".eval-cache");

function evalDirectory(): string {
  return process.env.BRIEFBOT_EVAL_DIR ?? resolve(REPO_ROOT, "../shared/eval");
}

function extractedDirectory(): string {
  const target = resolve(CACHE_DIR, "nfcorpus");
  if (!existsSync(resolve(target, "corpus.jsonl"))) {
    mkdirSync(CACHE_DIR, { recursive: true });
    execFileSync("unzip", ["-o", "-q", resolve(evalDirectory(), "nfcorpus.zip"), "-d", CACHE_DIR]);
  }
  return target;
}

function readJsonLines(path: string): Record<string, unknown>[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function readQrels(path: string): Map<string, Map<string, number>> {
  const qrels = new Map<string, Map<string, number>>();
  for (const line of readFileSync(path, "utf8").split("\n").slice(1)) {
    const [queryId, documentId, grade] = line.split("\t");
    if (!queryId || !documentId || grade === undefined) continue;
    const judged = qrels.get(queryId) ?? new Map<string, number>();
    judged.set(documentId, Number(grade));
    qrels.set(queryId, judged);
  }
  return qrels;
}

/** The BEIR NFCorpus files (unzipped once into .eval-cache): documents, the split's judged queries, qrels. */
export function loadDataset(split: Split): Dataset {
  const directory = extractedDirectory();
  const corpus = readJsonLines(resolve(directory, "corpus.jsonl")).map((row) => ({
    id: String(row._id),
    title: String(row.title ?? ""),
    text: String(row.text ?? ""),
  }));
  const qrels = readQrels(resolve(directory, "qrels", `${split}.tsv`));
  const queries = readJsonLines(resolve(directory, "queries.jsonl"))
    .map((row) => ({ id: String(row._id), text: String(row.text ?? "") }))
    .filter((query) => qrels.has(query.id));
  return { corpus, queries, qrels };
}

function measure(dataset: Dataset, build: () => Retrieve): RetrieverFigures {
  const buildStart = performance.now();
  const retrieve = build();
  const buildMs = performance.now() - buildStart;
  let ndcg = 0;
  let recall = 0;
  const queryStart = performance.now();
  const rankings = dataset.queries.map((query) => retrieve(query.text));
  const meanQueryMs = (performance.now() - queryStart) / dataset.queries.length;
  dataset.queries.forEach((query, index) => {
    const judged = dataset.qrels.get(query.id) ?? new Map<string, number>();
    ndcg += ndcgAt10(rankings[index] ?? [], judged);
    recall += recallAt100(rankings[index] ?? [], judged);
  });
  const count = dataset.queries.length;
  return { ndcgAt10: ndcg / count, recallAt100: recall / count, buildMs, meanQueryMs };
}

function buildOurs(corpus: readonly CorpusDocument[], options: Bm25Options): Retrieve {
  const index = new SearchIndex(options);
  for (const document of corpus) {
    index.add({ id: document.id, language: "en", fields: { title: document.title, text: document.text } });
  }
  return (query) => index.search(query, { limit: 100, queryLanguage: "en" }).map((hit) => hit.id);
}

function buildMiniSearch(corpus: readonly CorpusDocument[]): Retrieve {
  const index = new MiniSearch<CorpusDocument>({ fields: ["title", "text"] });
  index.addAll(corpus);
  return (query) =>
    index
      .search(query)
      .slice(0, 100)
      .map((hit) => String(hit.id));
}

const NOT_RUN: RetrieverFigures = {
  ndcgAt10: Number.NaN,
  recallAt100: Number.NaN,
  buildMs: 0,
  meanQueryMs: 0,
};

export async function evaluateNfcorpus(options: NfcorpusOptions = {}): Promise<NfcorpusResult> {
  const split = options.split ?? "test";
  const dataset = loadDataset(split);
  const ours = measure(dataset, () => buildOurs(dataset.corpus, options.index ?? NFCORPUS_INDEX_OPTIONS));
  const miniSearch = options.oursOnly ? NOT_RUN : measure(dataset, () => buildMiniSearch(dataset.corpus));
  return { split, documents: dataset.corpus.length, queries: dataset.queries.length, ours, miniSearch };
}

function formatRow(name: string, figures: RetrieverFigures): string {
  return [
    name.padEnd(12),
    figures.ndcgAt10.toFixed(4).padStart(8),
    figures.recallAt100.toFixed(4).padStart(11),
    figures.buildMs.toFixed(0).padStart(9),
    figures.meanQueryMs.toFixed(3).padStart(11),
  ].join(" ");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const split = process.argv[2] === "dev" ? "dev" : "test";
  const result = await evaluateNfcorpus({ split });
  console.log(`NFCorpus ${result.split}: ${result.documents} documents, ${result.queries} queries`);
  console.log("retriever     nDCG@10  recall@100  build ms  ms/query");
  console.log(formatRow("briefbot", result.ours));
  console.log(formatRow("minisearch", result.miniSearch));
}
