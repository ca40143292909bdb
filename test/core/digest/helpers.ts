import { readdirSync, readFileSync } from "node:fs";
import { parseDocument } from "../../../src/core/ingest/index.ts";
import type { IngestedArticle, Source } from "../../../src/core/types.ts";

const SEEDS = new URL("../../../seeds/", import.meta.url);

export function seedArticles(): IngestedArticle[] {
  return readdirSync(SEEDS)
    .sort()
    .flatMap((file) => parseDocument({ name: file, content: readFileSync(new URL(file, SEEDS)) }).articles);
}

export function textArticle(name: string, text: string): IngestedArticle[] {
  return parseDocument({ name, content: new TextEncoder().encode(text) }).articles;
}

export const squash = (text: string): string => text.replace(/\s+/gu, " ").trim();

/** Problems with a summary's citations: unknown sources, bad numbering, a sentence in none of its passages. */
export function citationProblems(
  sentences: ReadonlyArray<{ text: string; citations: number[] }>,
  sources: readonly Source[],
): string[] {
  const problems: string[] = [];
  sources.forEach((source, index) => {
    if (source.n !== index + 1) problems.push(`source ${index} numbered ${source.n}`);
  });
  for (const sentence of sentences) {
    if (sentence.citations.length === 0) problems.push(`uncited: ${sentence.text}`);
    const sorted = [...new Set(sentence.citations)].sort((a, b) => a - b);
    if (sorted.join() !== sentence.citations.join())
      problems.push(`citations not ascending: ${sentence.text}`);
    if (sentence.citations.some((n) => sources[n - 1] === undefined))
      problems.push(`missing source: ${sentence.text}`);
    const verbatim = sentence.citations.some((n) =>
      squash(sources[n - 1]?.passage ?? "").includes(sentence.text),
    );
    if (!verbatim) problems.push(`not verbatim in a cited passage: ${sentence.text}`);
  }
  return problems;
}

const WORD = /[\p{L}\p{N}]{4,}/gu;
const prefixes = (text: string) =>
  new Set(
    (text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").match(WORD) ?? []).map((w) => w.slice(0, 5)),
  );

/** How many five-letter word prefixes (accents folded) a cited passage shares with the sentence. */
export function sharedPrefixes(sentence: string, passage: string): number {
  const inPassage = prefixes(passage);
  return [...prefixes(sentence)].filter((prefix) => inPassage.has(prefix)).length;
}
