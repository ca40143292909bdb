import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildPassages, PASSAGE_MAX_SENTENCES, paragraphsOf } from "../../../src/core/ingest/index.ts";
import type { IngestedArticle } from "../../../src/core/types.ts";
import { passageViolation } from "./helpers.ts";

function ingest(text: string): IngestedArticle {
  const article = { id: "a", title: "t", text, language: "en", contentHash: "h" };
  return { article, passages: buildPassages(article) };
}

describe("buildPassages", () => {
  it("groups up to three sentences of one paragraph and never crosses paragraphs", () => {
    const text = "One. Two. Three. Four.\n\nFive. Six.";
    const { passages } = ingest(text);
    expect(passages.map((passage) => passage.text)).toEqual(["One. Two. Three.", "Four.", "Five. Six."]);
    expect(passages.map((passage) => passage.id)).toEqual(["a#0", "a#1", "a#2"]);
  });

  it("starts a new passage before about 500 characters and keeps a long sentence whole", () => {
    const long = `Long ${"word ".repeat(150).trim()}.`;
    const medium = `Medium ${"text ".repeat(60).trim()}.`;
    const { passages } = ingest(`${medium} ${medium} ${long} Short one.`);
    expect(passages.map((passage) => passage.sentences.length)).toEqual([1, 1, 1, 1]);
    expect(passages[2]?.text).toBe(long);
  });

  it("skips heading-shaped paragraphs", () => {
    const { passages } = ingest("Trainingsprogramma\n\nDaarnaast zal het programma starten.");
    expect(passages.map((passage) => passage.text)).toEqual(["Daarnaast zal het programma starten."]);
    expect(paragraphsOf("A heading\n\nBody text.")).toEqual([
      { start: 0, end: 9, heading: true },
      { start: 11, end: 21, heading: false },
    ]);
  });

  it("holds the offset invariants on arbitrary text", () => {
    const pieces = fc.constantFrom(
      "Word",
      "word",
      "K.",
      "Dr.",
      "3.5",
      ". ",
      "! ",
      "? ",
      "\n",
      "\n\n",
      " ",
      "« ",
      " »",
      '"',
      "…",
      "e.g.",
      "\t",
    );
    const text = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 300 }),
      fc.array(pieces, { maxLength: 80 }).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(text, (value) => {
        const ingested = ingest(value);
        expect(passageViolation(ingested)).toBeUndefined();
        for (const passage of ingested.passages)
          expect(passage.sentences.length).toBeLessThanOrEqual(PASSAGE_MAX_SENTENCES);
      }),
      { numRuns: 500 },
    );
  });
});
