/**
 * BEIR retrieval through the product: the dataset's own `corpus.jsonl` (BEIR's `_id`, `title`, `text`; read
 * as a user's --corpus file, languages detected) and a batch file of the split's queries go to the real CLI
 * (`briefbot search --json --batch queries.jsonl --corpus corpus.jsonl --limit 100`, `main()` in process);
 * the article ranking is the hit order. Measures nDCG@10 and recall@100 against the split's qrels.
 * Run: node eval/beir-product.ts [<BEIR folder or zip, default NFCorpus>] [test|dev] [-- extra search options]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../src/cli.ts";
import { ndcgAt10, recallAt100 } from "./beir-metrics.ts";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CACHE_DIR = resolve(REPO_ROOT, ".eval-cache");

export interface ProductBeirResult {
  dataset: string;
  split: string;
  queries: number;
  ndcgAt10: number;
  recallAt100: number;
  /** Wall time of the whole CLI run: reading and indexing the corpus, then every query. */
  cliMs: number;
  /** Lines the CLI printed on stderr (ingest warnings, problems). */
  warnings: string[];
}

/** A BEIR folder (corpus.jsonl, queries.jsonl, qrels/<split>.tsv), unzipping a zip into .eval-cache once. */
export function beirFolder(source: string): string {
  if (!source.endsWith(".zip")) return source;
  const name = basename(source, ".zip");
  const target = resolve(CACHE_DIR, name);
  if (!existsSync(resolve(target, "corpus.jsonl"))) {
    mkdirSync(CACHE_DIR, { recursive: true });
    execFileSync("unzip", ["-o", "-q", source, "-d", CACHE_DIR]);
  }
  return target;
}

export function readQrels(path: string): Map<string, Map<string, number>> {
  const qrels = new Map<string, Map<string, number>>();
  for (const line of readFileSync(path, "utf8").split("\n").slice(1)) {
    const [queryId, documentId, grade] = line.trim().split("\t");
    if (!queryId || !documentId || grade === undefined) continue;
    const judged = qrels.get(queryId) ?? new Map<string, number>();
    judged.set(documentId, Number(grade));
    qrels.set(queryId, judged);
  }
  return qrels;
}

function judgedQueries(folder: string, qrels: ReadonlyMap<string, unknown>): { id: string; text: string }[] {
  return readFileSync(resolve(folder, "queries.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as { _id: unknown; text?: unknown })
    .map((row) => ({ id: String(row._id), text: String(row.text ?? "") }))
    .filter((query) => qrels.has(query.id));
}

/** Runs the CLI in process with an empty environment (no store, no model, no embeddings). */
async function runCli(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: {},
  });
  return { code, stdout, stderr };
}

export async function evaluateBeirProduct(
  source: string,
  split = "test",
  extraArgs: readonly string[] = [],
): Promise<ProductBeirResult> {
  const folder = beirFolder(source);
  const qrels = readQrels(resolve(folder, "qrels", `${split}.tsv`));
  const queries = judgedQueries(folder, qrels);
  const scratch = mkdtempSync(join(tmpdir(), "briefbot-beir-"));
  try {
    const batch = join(scratch, "queries.jsonl");
    writeFileSync(
      batch,
      queries.map((query) => JSON.stringify({ id: query.id, query: query.text })).join("\n"),
    );
    const started = performance.now();
    const run = await runCli([
      "search",
      "--json",
      "--batch",
      batch,
      "--corpus",
      resolve(folder, "corpus.jsonl"),
      "--limit",
      "100",
      ...extraArgs,
    ]);
    const cliMs = performance.now() - started;
    const rankings = new Map<string, string[]>();
    for (const line of run.stdout.split("\n")) {
      if (line.trim() === "") continue;
      const result = JSON.parse(line) as { id: string; hits?: { articleId: string }[]; error?: unknown };
      if (result.error)
        throw new Error(`The CLI failed on query ${result.id}: ${JSON.stringify(result.error)}`);
      const seen = new Set<string>();
      const ranking: string[] = [];
      for (const hit of result.hits ?? []) {
        if (!seen.has(hit.articleId)) ranking.push(hit.articleId);
        seen.add(hit.articleId);
      }
      rankings.set(String(result.id), ranking);
    }
    if (run.code !== 0 || rankings.size !== queries.length)
      throw new Error(
        `The CLI exited ${run.code} with ${rankings.size} results: ${run.stderr.slice(0, 500)}`,
      );
    let ndcg = 0;
    let recall = 0;
    for (const query of queries) {
      const judged = qrels.get(query.id) ?? new Map<string, number>();
      const ranking = rankings.get(query.id) ?? [];
      ndcg += ndcgAt10(ranking, judged);
      recall += recallAt100(ranking, judged);
    }
    return {
      dataset: basename(folder),
      split,
      queries: queries.length,
      ndcgAt10: ndcg / queries.length,
      recallAt100: recall / queries.length,
      cliMs,
      warnings: run.stderr.split("\n").filter((line) => line.trim() !== ""),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function formatProductRow(name: string, result: ProductBeirResult): string {
  return `${name.padEnd(34)} ${result.ndcgAt10.toFixed(4).padStart(8)} ${result.recallAt100.toFixed(4).padStart(11)} ${(result.cliMs / 1000).toFixed(1).padStart(8)} s`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [source, split, ...extra] = process.argv.slice(2);
  const evalDirectory = process.env.BRIEFBOT_EVAL_DIR ?? resolve(REPO_ROOT, "../shared/eval");
  const result = await evaluateBeirProduct(
    source ?? resolve(evalDirectory, "nfcorpus.zip"),
    split ?? "test",
    extra.filter((arg) => arg !== "--"),
  );
  console.log(
    `${result.dataset} ${result.split}: ${result.queries} queries through briefbot search --json --batch --limit 100`,
  );
  console.log(`${"path".padEnd(34)}  nDCG@10  recall@100  CLI time`);
  console.log(formatProductRow("briefbot search (product)", result));
  for (const warning of result.warnings.slice(0, 5)) console.log(`  stderr: ${warning}`);
}
