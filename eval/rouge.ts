/**
 * ROUGE-N as google-research's rouge-score computes it (equivalent to ROUGE-1.5.5 `-e data -n 2`, with `-m`
 * when stemming): lower case, every run of characters outside [a-z0-9] a separator, Porter stems for tokens
 * longer than three characters. Checked against rouge-score's own test figures in test/core/digest.
 */
import { newStemmer } from "snowball-stemmers";

export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

const porter = newStemmer("porter");
const NON_ALPHANUMERIC = /[^a-z0-9]+/g;
const TOKEN = /^[a-z0-9]+$/;

export function rougeTokens(text: string, stem: boolean): string[] {
  return text
    .toLowerCase()
    .replace(NON_ALPHANUMERIC, " ")
    .split(/\s+/)
    .map((token) => (stem && token.length > 3 ? porter.stem(token) : token))
    .filter((token) => TOKEN.test(token));
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let start = 0; start + n <= tokens.length; start++) {
    const gram = tokens.slice(start, start + n).join(" ");
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N of a candidate summary against one reference. */
export function rougeN(
  reference: string,
  candidate: string,
  n: number,
  options: { stem: boolean },
): RougeScore {
  const target = ngramCounts(rougeTokens(reference, options.stem), n);
  const predicted = ngramCounts(rougeTokens(candidate, options.stem), n);
  let overlap = 0;
  for (const [gram, count] of target) overlap += Math.min(count, predicted.get(gram) ?? 0);
  const total = (counts: Map<string, number>) => [...counts.values()].reduce((sum, count) => sum + count, 0);
  const precision = overlap / Math.max(total(predicted), 1);
  const recall = overlap / Math.max(total(target), 1);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
