/**
 * What the article index (title + whole text, BM25F) adds to a Library: its build time and heap beside the
 * passage index's, and `searchArticles` (one hit per article) beside passage `search`, on generated ~600-word
 * articles with SQuAD questions. Run: node --expose-gc bench/article-index-bench.ts [articles]
 */
import { fileURLToPath } from "node:url";
import { evalFile } from "../eval/eval-data.ts";
import { readSquadFormat } from "../eval/squad-format.ts";
import { Library } from "../src/core/library.ts";
import { ARTICLE_INDEX_OPTIONS } from "../src/core/search/article-ranking.ts";
import { SearchIndex } from "../src/core/search/search-index.ts";
import type { IngestedArticle } from "../src/core/types.ts";
import { generatedArticles } from "./generated-articles.ts";
import { bytesPer, settledMemory } from "./memory-sample.ts";

export interface ArticleIndexFigures {
  articles: number;
  passages: number;
  passageIndex: { buildMs: number; heapBytes: number };
  articleIndex: { buildMs: number; heapBytes: number };
  search: { p50Ms: number; p95Ms: number };
  searchArticles: { p50Ms: number; p95Ms: number };
}

const QUERIES = 300;

/** Build time and what the built structure keeps alive (median of settled samples, never below 0). */
async function built(build: () => unknown): Promise<{ buildMs: number; heapBytes: number; kept: unknown }> {
  const before = await settledMemory();
  const started = performance.now();
  const kept = build();
  const buildMs = performance.now() - started;
  return { buildMs, heapBytes: bytesPer(before, await settledMemory(), 1), kept };
}

function latencies(
  run: (query: string) => unknown,
  queries: readonly string[],
): { p50Ms: number; p95Ms: number } {
  for (const query of queries.slice(0, 20)) run(query);
  const times = queries.map((query) => {
    const started = performance.now();
    run(query);
    return performance.now() - started;
  });
  times.sort((a, b) => a - b);
  const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))] ?? 0;
  return { p50Ms: at(0.5), p95Ms: at(0.95) };
}

export async function benchArticleIndex(articleCount = 2_000): Promise<ArticleIndexFigures> {
  const articles: IngestedArticle[] = generatedArticles(articleCount);
  const passageIndex = await built(() => {
    const index = new SearchIndex({ fields: { text: {} } });
    for (const { passages } of articles)
      for (const passage of passages)
        index.add({ id: passage.id, language: passage.language, fields: { text: passage.text } });
    return index;
  });
  const articleIndex = await built(() => {
    const index = new SearchIndex(ARTICLE_INDEX_OPTIONS);
    for (const { article } of articles)
      index.add({
        id: article.id,
        language: article.language,
        fields: { title: article.title, text: article.text },
      });
    return index;
  });
  const library = new Library();
  library.add(articles);
  const queries = readSquadFormat(evalFile("squad-v1.1-dev-part1.json"))
    .questions.slice(0, QUERIES)
    .map((question) => question.question);
  return {
    articles: articles.length,
    passages: library.passageCount,
    passageIndex: { buildMs: passageIndex.buildMs, heapBytes: passageIndex.heapBytes },
    articleIndex: { buildMs: articleIndex.buildMs, heapBytes: articleIndex.heapBytes },
    search: latencies((query) => library.search(query, 10), queries),
    searchArticles: latencies((query) => library.searchArticles(query, 10), queries),
  };
}

export function printArticleIndexBench(figures: ArticleIndexFigures): void {
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  console.log(`${figures.articles} articles, ${figures.passages} passages`);
  console.log(
    `passage index: build ${figures.passageIndex.buildMs.toFixed(0)} ms, ${mb(figures.passageIndex.heapBytes)}; article index (extra): build ${figures.articleIndex.buildMs.toFixed(0)} ms, ${mb(figures.articleIndex.heapBytes)}`,
  );
  const pair = (figure: { p50Ms: number; p95Ms: number }) =>
    `p50 ${figure.p50Ms.toFixed(2)} ms, p95 ${figure.p95Ms.toFixed(2)} ms`;
  console.log(
    `search (passages, top 10): ${pair(figures.search)}; searchArticles (top 10): ${pair(figures.searchArticles)}`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  printArticleIndexBench(await benchArticleIndex(Number(process.argv[2] ?? 2_000)));
}
