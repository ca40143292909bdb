/**
 * The article-extraction benchmark's measure (scrapinghub/article-extraction-benchmark, evaluate.py): tokens
 * are `\w+` runs (Python's Unicode `\w`: letters, digits, underscore), each body becomes a multiset of 4-token
 * shingles (one shorter shingle for bodies under 4 tokens), per page tp/fp/fn are normalised to sum 1.
 * Precision is averaged over pages with a non-empty prediction, recall over pages with a non-empty truth; F1
 * comes from those two means.
 */

export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface ExtractionScore {
  f1: number;
  precision: number;
  recall: number;
  pages: number;
  /** Pages whose prediction has no token at all. */
  empty: number;
}

const WORD = /[\p{L}\p{N}_]+/gu;
const SHINGLE_TOKENS = 4;

export function benchmarkTokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function shingles(text: string, size = SHINGLE_TOKENS): Map<string, number> {
  const tokens = benchmarkTokens(text);
  const counts = new Map<string, number>();
  const starts = Math.max(1, tokens.length - size + 1);
  for (let start = 0; start < starts && tokens.length > 0; start++) {
    const shingle = tokens.slice(start, start + size).join("\u0000");
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/** tp, fp and fn of one page's shingles, normalised to sum 1 (all 0 when both texts have no token). */
export function pageCounts(truth: string, predicted: string): PageCounts {
  const expected = shingles(truth);
  const found = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [shingle, count] of found) {
    const wanted = expected.get(shingle) ?? 0;
    tp += Math.min(count, wanted);
    fp += Math.max(0, count - wanted);
  }
  for (const [shingle, wanted] of expected) fn += Math.max(0, wanted - (found.get(shingle) ?? 0));
  const sum = tp + fp + fn;
  return sum === 0 ? { tp, fp, fn } : { tp: tp / sum, fp: fp / sum, fn: fn / sum };
}

function precisionOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  return tp + fp === 0 ? 0 : tp / (tp + fp);
}

function recallOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  return tp + fn === 0 ? 0 : tp / (tp + fn);
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function scorePages(pages: readonly PageCounts[]): ExtractionScore {
  const precision = mean(pages.filter((page) => page.tp + page.fp > 0).map(precisionOf));
  const recall = mean(pages.filter((page) => page.tp + page.fn > 0).map(recallOf));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const empty = pages.filter((page) => page.tp + page.fp === 0).length;
  return { f1, precision, recall, pages: pages.length, empty };
}
