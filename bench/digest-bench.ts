/**
 * Digest speed on one core: clustering N new ~600-word articles into stories, then composing the digest
 * (summaries with citations for the top stories). Articles are made as in the ingest bench (five SQuAD
 * paragraphs each, a headline and a dateline) and parsed before the clock starts.
 */
import { clusterStories, digestOfStories } from "../src/core/digest/index.ts";
import { generatedArticles } from "./generated-articles.ts";

export interface DigestFigures {
  articles: number;
  stories: number;
  clusterMs: number;
  composeMs: number;
  totalMs: number;
}

export function benchDigest(count: number): DigestFigures {
  const articles = generatedArticles(count);
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
