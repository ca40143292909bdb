/**
 * Retrieval with and without a collections filter, at ~100k passages: query latency of `Library.search`
 * (passages, top 10) and `Library.ask` (the whole extractive answer) for SQuAD questions, unfiltered and as a
 * channel sees the library (filtered inside the top-k selection). Articles are the generated briefings of
 * bench/generated-articles.ts; a seeded fifth of them is in `shared`, the rest each in one of 40 channel
 * collections of two tenants. Run: node bench/collections-bench.ts [passages]
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { evalFile } from "../eval/eval-data.ts";
import { seededRandom } from "../eval/seeded-random.ts";
import { validateQuestion } from "../src/core/answer/question.ts";
import { SHARED_COLLECTION, type Visibility, withCollections } from "../src/core/collections.ts";
import { Library } from "../src/core/library.ts";
import type { IngestedArticle } from "../src/core/types.ts";
import { generatedArticles } from "./generated-articles.ts";

const DEFAULT_PASSAGES = 100_000;
/** The generated briefings hold ~12 passages each. */
const PASSAGES_PER_ARTICLE = 12.4;
const QUERY_COUNT = 300;
const SHARED_SHARE = 0.2;
const CHANNELS = Array.from({ length: 40 }, (_, n) => `slack:t${n % 2}:c${n}`);

export interface FilterFigures {
  p50Ms: number;
  p95Ms: number;
}

export interface CollectionsBenchRow {
  scope: string;
  /** Share of the passages the scope sees. */
  visibleShare: number;
  search: FilterFigures;
  ask: FilterFigures;
}

export interface CollectionsBench {
  passages: number;
  articles: number;
  queries: number;
  rows: CollectionsBenchRow[];
}

function inCollections(articles: readonly IngestedArticle[]): IngestedArticle[] {
  const next = seededRandom(11);
  return articles.map((ingested) => {
    const collection =
      next() < SHARED_SHARE ? SHARED_COLLECTION : (CHANNELS[Math.floor(next() * CHANNELS.length)] ?? "");
    return { ...ingested, article: withCollections(ingested.article, [collection]) };
  });
}

function questions(): string[] {
  const data = JSON.parse(readFileSync(evalFile("squad-v1.1-dev-part1.json"), "utf8")) as {
    data: Array<{ paragraphs: Array<{ qas: Array<{ question: string }> }> }>;
  };
  const all = data.data.flatMap((article) =>
    article.paragraphs.flatMap((p) => p.qas.map((qa) => qa.question)),
  );
  const next = seededRandom(7);
  return Array.from({ length: QUERY_COUNT }, () => all[Math.floor(next() * all.length)] ?? "");
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

function figures(latencies: number[]): FilterFigures {
  latencies.sort((a, b) => a - b);
  return { p50Ms: percentile(latencies, 0.5), p95Ms: percentile(latencies, 0.95) };
}

function visibleShare(library: Library, visible: Visibility): number {
  const visibleIds = new Set(library.articles(visible).map((article) => article.id));
  let seen = 0;
  for (const article of library.articles()) {
    if (visibleIds.has(article.id)) seen += library.articlePassages(article.id).length;
  }
  return seen / library.passageCount;
}

export function benchCollections(passages = DEFAULT_PASSAGES): CollectionsBench {
  const library = new Library();
  library.add(inCollections(generatedArticles(Math.ceil(passages / PASSAGES_PER_ARTICLE))));
  const queries = questions();
  const scopes: Array<[string, Visibility]> = [
    ["unfiltered", undefined],
    [
      "channel: shared + own + 2 granted",
      new Set([SHARED_COLLECTION, "slack:t0:c0", "slack:t0:c2", "slack:t0:c4"]),
    ],
    ["channel without shared", new Set(["slack:t1:c1"])],
  ];
  for (const query of queries.slice(0, 30)) {
    for (const [, visible] of scopes) library.ask(validateQuestion(query), { visible });
  }
  const latencies = scopes.map(() => ({ search: [] as number[], ask: [] as number[] }));
  // Interleaved: each query runs in every scope before the next, so drift hits all scopes alike.
  for (const query of queries) {
    const question = validateQuestion(query);
    scopes.forEach(([, visible], index) => {
      const times = latencies[index];
      if (!times) return;
      let start = performance.now();
      library.search(query, 10, { visible });
      times.search.push(performance.now() - start);
      start = performance.now();
      library.ask(question, { visible });
      times.ask.push(performance.now() - start);
    });
  }
  return {
    passages: library.passageCount,
    articles: library.articleCount,
    queries: queries.length,
    rows: scopes.map(([scope, visible], index) => ({
      scope,
      visibleShare: visibleShare(library, visible),
      search: figures(latencies[index]?.search ?? []),
      ask: figures(latencies[index]?.ask ?? []),
    })),
  };
}

export function printCollectionsBench(bench: CollectionsBench): void {
  console.log(
    `collections filter: ${bench.passages} passages, ${bench.articles} articles, ${bench.queries} SQuAD questions`,
  );
  console.log("scope                               sees   search p50/p95 ms   ask p50/p95 ms");
  for (const row of bench.rows) {
    console.log(
      [
        row.scope.padEnd(34),
        `${(row.visibleShare * 100).toFixed(0)}%`.padStart(5),
        `${row.search.p50Ms.toFixed(2)} / ${row.search.p95Ms.toFixed(2)}`.padStart(19),
        `${row.ask.p50Ms.toFixed(2)} / ${row.ask.p95Ms.toFixed(2)}`.padStart(16),
      ].join(" "),
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  printCollectionsBench(benchCollections(Number(process.argv[2] ?? DEFAULT_PASSAGES)));
}
