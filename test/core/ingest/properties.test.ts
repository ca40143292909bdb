import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BriefingError } from "../../../src/core/errors.ts";
import { type ParseResult, parseDocument } from "../../../src/core/ingest/index.ts";
import { passageViolation } from "./helpers.ts";

const NAMES = ["a.txt", "a.md", "a.html", "a.jsonl", "a.htm", "a.markdown", "a.ndjson", "a.bin"];

function checkResult(run: () => ParseResult): void {
  let result: ParseResult | undefined;
  try {
    result = run();
  } catch (error) {
    expect(error).toBeInstanceOf(BriefingError);
    return;
  }
  for (const problem of result.problems) {
    expect(problem).toBeInstanceOf(BriefingError);
    expect(problem.code).not.toBe("INTERNAL");
  }
  for (const ingested of result.articles) {
    expect(passageViolation(ingested)).toBeUndefined();
    expect(ingested.article.title).not.toBe("");
  }
}

const markup = fc.constantFrom(
  "<p>",
  "</p>",
  "<h1>",
  "</h1>",
  "<script>",
  "</script>",
  "<!--",
  "-->",
  "&amp;",
  "&#x0;",
  "---\n",
  "# ",
  "- ",
  "[a](b)",
  "**",
  "\n",
  "\n\n",
  "By Jane Doe",
  "24 juin 2013",
  "{",
  "}",
  '"',
  "Dr. ",
  "K. ",
  "« ",
  " »",
  ". ",
  "Word",
);
const documentText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 400 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.array(markup, { maxLength: 60 }).map((parts) => parts.join("")),
);
const jsonValue = fc.jsonValue({ maxDepth: 2 });
const jsonlLine = fc.oneof(
  fc
    .record(
      {
        id: fc.oneof(fc.string(), fc.integer(), jsonValue),
        text: fc.oneof(documentText, jsonValue),
        language: fc.oneof(fc.string({ maxLength: 12 }), jsonValue),
        published: fc.oneof(fc.string(), jsonValue),
      },
      { requiredKeys: [] },
    )
    .map((record) => JSON.stringify(record)),
  fc.string({ maxLength: 80 }),
);

describe("parseDocument on arbitrary input", () => {
  it("never throws and reports only BriefingErrors for arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.uint8Array({ maxLength: 600 }), (name, content) => {
        checkResult(() => parseDocument({ name, content }));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws and keeps passage invariants for arbitrary text in every format", () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), documentText, (name, text) => {
        checkResult(() => parseDocument({ name, content: new TextEncoder().encode(text) }));
      }),
      { numRuns: 400 },
    );
  });

  it("reports each bad JSONL line and keeps the good ones", () => {
    fc.assert(
      fc.property(fc.array(jsonlLine, { maxLength: 8 }), (lines) => {
        const content = new TextEncoder().encode(lines.join("\n"));
        checkResult(() => parseDocument({ name: "feed.jsonl", content }));
      }),
      { numRuns: 300 },
    );
  });
});
