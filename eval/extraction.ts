/**
 * The "Article extraction" section of `npm run eval`: our extractor (src/core/ingest/extract) beside Mozilla
 * Readability on linkedom, on the same pages in the same run, with the benchmark's measure
 * (eval/extraction-measure.ts). Rows for all pages and for the two halves (even and odd positions in key order),
 * so that a rule that helps only one half shows.
 */
import { extractArticle } from "../src/core/ingest/extract/extract-article.ts";
import { type ExtractionScore, type PageCounts, pageCounts, scorePages } from "./extraction-measure.ts";
import { type ExtractionPage, extractionDataDirectory, loadExtractionPages } from "./extraction-pages.ts";
import { readabilityText } from "./extraction-readability.ts";

export const EXTRACTION_F1_TARGET = 0.95;

export interface ExtractionRow {
  system: string;
  all: ExtractionScore;
  even: ExtractionScore;
  odd: ExtractionScore;
  pagesPerSecond: number;
}

export function evaluateExtractor(
  system: string,
  pages: readonly ExtractionPage[],
  extract: (page: ExtractionPage) => string,
): ExtractionRow {
  const started = performance.now();
  const bodies = pages.map(extract);
  const pagesPerSecond = pages.length / ((performance.now() - started) / 1000);
  const counts: PageCounts[] = pages.map((page, index) => pageCounts(page.truth, bodies[index] ?? ""));
  return {
    system,
    all: scorePages(counts),
    even: scorePages(counts.filter((_, index) => index % 2 === 0)),
    odd: scorePages(counts.filter((_, index) => index % 2 === 1)),
    pagesPerSecond,
  };
}

function scoreLine(system: string, split: string, score: ExtractionScore, pagesPerSecond?: number): string {
  return [
    system.padEnd(12),
    split.padEnd(5),
    String(score.pages).padStart(5),
    ...[score.f1, score.precision, score.recall].map((value) => value.toFixed(3).padStart(6)),
    String(score.empty).padStart(6),
    pagesPerSecond === undefined ? "" : pagesPerSecond.toFixed(0).padStart(8),
  ]
    .join(" ")
    .trimEnd();
}

/** Prints the section; false when a target is missed (F1 below 0.95, or an empty page). */
export function printExtractionEvaluation(): boolean {
  console.log("\n== Article extraction (scrapinghub article-extraction-benchmark, development half)");
  const pages = loadExtractionPages();
  if (pages === undefined) {
    console.log(`skipped: no pages at ${extractionDataDirectory()}`);
    return true;
  }
  const rows = [
    evaluateExtractor("briefbot", pages, (page) => extractArticle(page.html, { url: page.url }).text),
    evaluateExtractor("readability", pages, (page) => readabilityText(page.html)),
  ];
  console.log(
    "F1 from precision and recall averaged over pages; halves: even and odd positions in key order",
  );
  console.log("system       split pages     F1  prec. recall  empty  pages/s");
  for (const row of rows) {
    console.log(scoreLine(row.system, "all", row.all, row.pagesPerSecond));
    console.log(scoreLine(row.system, "even", row.even));
    console.log(scoreLine(row.system, "odd", row.odd));
  }
  const ours = rows[0]?.all;
  const met = ours !== undefined && ours.f1 >= EXTRACTION_F1_TARGET && ours.empty === 0;
  console.log(
    `briefbot F1 ${ours?.f1.toFixed(3)} (target >= ${EXTRACTION_F1_TARGET} and no empty page: ${met ? "met" : "MISSED"})`,
  );
  return met;
}

if (import.meta.main) printExtractionEvaluation();
