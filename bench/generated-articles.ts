import { readFileSync } from "node:fs";
import { evalFile } from "../eval/eval-data.ts";
import { parseDocument } from "../src/core/ingest/index.ts";
import type { IngestedArticle } from "../src/core/types.ts";

const PARAGRAPHS_PER_ARTICLE = 5;

/** News-like ~600-word plain-text files: a headline, a dateline and five SQuAD paragraphs each. */
export function generatedArticleFiles(count: number): Uint8Array[] {
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
    return encoder.encode(
      `Briefing ${index}: what happened this week\n\nBy Staff Writer - June ${1 + (index % 28)}, 2014\n\n${body}\n`,
    );
  });
}

/** The same articles, parsed. */
export function generatedArticles(count: number): IngestedArticle[] {
  return generatedArticleFiles(count).flatMap(
    (content, index) => parseDocument({ name: `briefing-${index}.txt`, content }).articles,
  );
}
