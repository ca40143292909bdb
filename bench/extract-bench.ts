/**
 * Article extraction speed on one core: the 90 pages of the article-extraction benchmark's development half
 * (../shared/eval/article-extraction), decompressed once into memory, through our extractor (metadata, cleaning,
 * Readability, blocks, language) and through plain Mozilla Readability on linkedom. Each system gets a warm-up
 * pass, then five timed passes, alternating between the two; the best pass of each counts.
 */

import {
  type ExtractionPage,
  extractionDataDirectory,
  loadExtractionPages,
} from "../eval/extraction-pages.ts";
import { readabilityText } from "../eval/extraction-readability.ts";
import { extractArticle } from "../src/core/ingest/extract/extract-article.ts";

export interface ExtractBenchFigures {
  pages: number;
  meanKilobytes: number;
  oursPagesPerSecond: number;
  readabilityPagesPerSecond: number;
}

const TIMED_PASSES = 5;

function pagesPerSecond(
  pages: readonly ExtractionPage[],
  extract: (page: ExtractionPage) => unknown,
): number {
  const started = performance.now();
  for (const page of pages) extract(page);
  return pages.length / ((performance.now() - started) / 1000);
}

export function benchExtraction(): ExtractBenchFigures | undefined {
  const pages = loadExtractionPages();
  if (pages === undefined) return undefined;
  const ours = (page: ExtractionPage) => extractArticle(page.html, { url: page.url });
  const readability = (page: ExtractionPage) => readabilityText(page.html);
  pagesPerSecond(pages, ours);
  pagesPerSecond(pages, readability);
  let oursPagesPerSecond = 0;
  let readabilityPagesPerSecond = 0;
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    oursPagesPerSecond = Math.max(oursPagesPerSecond, pagesPerSecond(pages, ours));
    readabilityPagesPerSecond = Math.max(readabilityPagesPerSecond, pagesPerSecond(pages, readability));
  }
  const bytes = pages.reduce((sum, page) => sum + page.html.length, 0);
  return {
    pages: pages.length,
    meanKilobytes: bytes / pages.length / 1024,
    oursPagesPerSecond,
    readabilityPagesPerSecond,
  };
}

/** The extraction section of `npm run bench`. */
export function printExtractBench(): void {
  console.log("\n== Article extraction, one core (benchmark pages in memory; best of five passes)");
  const figures = benchExtraction();
  if (figures === undefined) {
    console.log(`skipped: no pages at ${extractionDataDirectory()}`);
    return;
  }
  console.log(`${figures.pages} pages of ~${figures.meanKilobytes.toFixed(0)} KB`);
  console.log(`briefbot extractor:        ${figures.oursPagesPerSecond.toFixed(1)} pages/s`);
  console.log(`readability on linkedom:   ${figures.readabilityPagesPerSecond.toFixed(1)} pages/s`);
}

if (import.meta.main) printExtractBench();
