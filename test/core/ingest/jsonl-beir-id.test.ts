import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../src/core/ingest/index.ts";

const parse = (lines: object[]) =>
  parseDocument({
    name: "corpus.jsonl",
    content: new TextEncoder().encode(lines.map((line) => JSON.stringify(line)).join("\n")),
  });

describe("JSONL article ids", () => {
  it("reads BEIR's _id as the id, and prefers id when both are given", () => {
    const parsed = parse([
      {
        _id: "MED-10",
        title: "Statins",
        text: "Statin use and breast cancer survival in a cohort.",
        metadata: {},
      },
      { id: "x-1", _id: "ignored", text: "Another article about something else entirely." },
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.articles.map((ingested) => ingested.article.id)).toEqual(["MED-10", "x-1"]);
  });

  it("reports a bad _id like a bad id", () => {
    const parsed = parse([{ _id: "", text: "Some text that is long enough to be an article." }]);
    expect(parsed.problems[0]?.message).toMatch(/_id/u);
  });
});
