/**
 * Ingest throughput on one core: ~600-word plain-text news-like articles (five SQuAD paragraphs each, with
 * a headline and a dateline) through the whole pipeline: decode, clean, metadata, language detection,
 * sentences and passages, analysis and indexing. MiniSearch indexes the same passages after the same parsing.
 */
import { readFileSync } from "node:fs";
import MiniSearch from "minisearch";
import { evalFile } from "../eval/eval-data.ts";
import { parseDocument } from "../src/core/ingest/index.ts";
import { Library } from "../src/core/library.ts";
import type { IngestedArticle } from "../src/core/types.ts";

export interface IngestFigures {
  articles: number;
  meanWords: number;
  parseArticlesPerSecond: number;
  oursArticlesPerSecond: number;
  miniSearchArticlesPerSecond: number;
}

const PARAGRAPHS_PER_ARTICLE = 5;

function makeArticles(count: number): Uint8Array[] {
  const data = JSON.parse(readFileSync(evalFile("squad-v1.1-dev-part1.json"), "utf8")) as {
    data: Array<{ title: string; paragraphs: Array<{ context: string }> }>;
  };
  const paragraphs = data.data.flatMap((article) => article.paragraphs.map((p) => p.context));
  const encoder = new TextEncoder();
  return Array.from({ length: count }, (_, index) => {
    const body = Array.from(
      { length: PARAGRAPHS_PER_ARTICLE },
      (_, offset) => paragraphs[(index * PARAGRAPHS_PER_ARTICLE + offset * 7) % paragraphs.length],
    ).join("\n\n");
    return encoder.encode(
      `Briefing ${index}: what happened this week\n\nBy Staff Writer - June ${1 + (index % 28)}, 2014\n\n${body}\n`,
    );
  });
}

function perSecond(count: number, started: number): number {
  return count / ((performance.now() - started) / 1000);
}

export function benchIngest(count = 3_000): IngestFigures {
  const files = makeArticles(count);
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
