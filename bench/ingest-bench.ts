/**
 * Ingest throughput on one core: ~600-word plain-text news-like articles (five SQuAD paragraphs each, with
 * a headline and a dateline) through the whole pipeline: decode, clean, metadata, language detection,
 * sentences and passages, analysis and indexing. MiniSearch indexes the same passages after the same parsing.
 */
import MiniSearch from "minisearch";
import { parseDocument } from "../src/core/ingest/index.ts";
import { Library } from "../src/core/library.ts";
import type { IngestedArticle } from "../src/core/types.ts";
import { generatedArticleFiles } from "./generated-articles.ts";

export interface IngestFigures {
  articles: number;
  meanWords: number;
  parseArticlesPerSecond: number;
  oursArticlesPerSecond: number;
  miniSearchArticlesPerSecond: number;
}

function perSecond(count: number, started: number): number {
  return count / ((performance.now() - started) / 1000);
}

export function benchIngest(count = 3_000): IngestFigures {
  const files = generatedArticleFiles(count);
  const decoder = new TextDecoder();
  const meanWords =
    files.reduce((sum, file) => sum + decoder.decode(file).split(/\s+/u).length, 0) / files.length;
  const parseAll = () =>
    files.flatMap((content, index) => parseDocument({ name: `article-${index}.txt`, content }).articles);
  parseAll().slice(0, 200);
  let started = performance.now();
  const parsed: IngestedArticle[] = parseAll();
  const parseArticlesPerSecond = perSecond(parsed.length, started);

  started = performance.now();
  const library = new Library();
  library.add(parseAll());
  const oursArticlesPerSecond = perSecond(library.articleCount, started);

  started = performance.now();
  const mini = new MiniSearch({ fields: ["title", "text"] });
  for (const ingested of parseAll()) {
    if (mini.has(`${ingested.article.id}#0`)) continue;
    mini.addAll(ingested.passages.map((p) => ({ id: p.id, title: ingested.article.title, text: p.text })));
  }
  const miniSearchArticlesPerSecond = perSecond(parsed.length, started);
  return {
    articles: parsed.length,
    meanWords,
    parseArticlesPerSecond,
    oursArticlesPerSecond,
    miniSearchArticlesPerSecond,
  };
}
