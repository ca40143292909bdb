import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { type ParseResult, parseDocument } from "../../../src/core/ingest/index.ts";
import type { IngestedArticle } from "../../../src/core/types.ts";

export const SEEDS = new URL("../../../seeds/", import.meta.url);
export const FIXTURES = new URL("../../fixtures/ingest/", import.meta.url);

export function parseText(name: string, text: string): ParseResult {
  return parseDocument({ name, content: new TextEncoder().encode(text) });
}

export function parseFile(directory: URL, file: string): ParseResult {
  return parseDocument({ name: file, content: readFileSync(new URL(file, directory)) });
}

/** The only article of a result that must have exactly one. */
export function onlyArticle(result: ParseResult): IngestedArticle {
  expect(result.problems).toEqual([]);
  expect(result.articles).toHaveLength(1);
  const [first] = result.articles;
  if (first === undefined) throw new Error("no article");
  return first;
}

/** Answer sentences of an article, as strings. */
export function sentencesOf({ article, passages }: IngestedArticle): string[] {
  return passages.flatMap((passage) =>
    passage.sentences.map((span) => article.text.slice(span.start, span.end)),
  );
}

/** Every offset invariant a passage list promises; returns a description of the first violation. */
export function passageViolation({ article, passages }: IngestedArticle): string | undefined {
  let previousEnd = 0;
  for (const [index, passage] of passages.entries()) {
    if (passage.index !== index || passage.id !== `${article.id}#${index}`) return `bad id at ${index}`;
    if (passage.articleId !== article.id) return `bad articleId at ${index}`;
    if (passage.text !== article.text.slice(passage.start, passage.end)) return `text mismatch at ${index}`;
    if (passage.start < previousEnd || passage.end <= passage.start) return `overlap or empty at ${index}`;
    if (passage.sentences.length === 0) return `no sentences at ${index}`;
    let sentenceEnd = passage.start;
    for (const sentence of passage.sentences) {
      if (sentence.start < sentenceEnd || sentence.end > passage.end)
        return `sentence outside or overlapping at ${index}`;
      if (article.text.slice(sentence.start, sentence.end).trim() === "") return `empty sentence at ${index}`;
      sentenceEnd = sentence.end;
    }
    if (passage.sentences[0]?.start !== passage.start || passage.sentences.at(-1)?.end !== passage.end) {
      return `passage not trimmed to its sentences at ${index}`;
    }
    previousEnd = passage.end;
  }
  return undefined;
}
