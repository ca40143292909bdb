/**
 * Digest speed on one core: clustering N new ~600-word articles into stories, then composing the digest
 * (summaries with citations for the top stories). Articles are made as in the ingest bench (five SQuAD
 * paragraphs each, a headline and a dateline) and parsed before the clock starts.
 */
import { readFileSync } from "node:fs";
import { evalFile } from "../eval/eval-data.ts";
import { clusterStories, digestOfStories } from "../src/core/digest/index.ts";
import { parseDocument } from "../src/core/ingest/index.ts";
import type { IngestedArticle } from "../src/core/types.ts";

export interface DigestFigures {
  articles: number;
  stories: number;
  clusterMs: number;
  composeMs: number;
  totalMs: number;
}

const PARAGRAPHS_PER_ARTICLE = 5;

function makeArticles(count: number): IngestedArticle[] {
  const data = JSON.parse(readFileSync(evalFile("squad-v1.1-dev-part1.json"), "utf8")) as {
    data: Array<{ paragraphs: Array<{ context: string }> }>;
  };
  const paragraphs = data.data.flatMap((article) => article.paragraphs.map((p) => p.context));
  const encoder = new TextEncoder();
  return Array.from({ length: count }, (_, index) => {
    const body = Array.from(
      { length: PARAGRAPHS_PER_ARTICLE },
      (_, offset) => paragraphs[(index * PARAGRAPHS_PER_ARTICLE + offset * 7) % paragraphs.length],
    ).join("\n\n");
    const text = `Briefing ${index}: what happened this week\n\nBy Staff Writer - June ${1 + (index % 28)}, 2014\n\n${body}\n`;
    return parseDocument({ name: `article-${index}.txt`, content: encoder.encode(text) }).articles;
  }).flat();
}

export function benchDigest(count: number): DigestFigures {
  const articles = makeArticles(count);
  clusterStories(articles.slice(0, 100));
  const started = performance.now();
  const stories = clusterStories(articles);
  const clustered = performance.now();
  digestOfStories(stories, articles.length);
  const done = performance.now();
  return {
    articles: articles.length,
    stories: stories.length,
    clusterMs: clustered - started,
    composeMs: done - clustered,
    totalMs: done - started,
  };
}

/** The digest section of `npm run bench`. */
export function printDigestBench(): void {
  console.log("\n== Digest: cluster + compose new ~600-word articles (targets: 1,000 < 1 s, 10,000 < 10 s)");
  for (const count of [1_000, 10_000]) {
    const figures = benchDigest(count);
    console.log(
      `${figures.articles} articles → ${figures.stories} stories: cluster ${figures.clusterMs.toFixed(0)} ms, compose ${figures.composeMs.toFixed(0)} ms, total ${figures.totalMs.toFixed(0)} ms`,
    );
  }
}

if (import.meta.main) printDigestBench();
