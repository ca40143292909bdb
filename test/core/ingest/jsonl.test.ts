import { describe, expect, it } from "vitest";
import { FIXTURES, parseFile, parseText } from "./helpers.ts";

describe("JSONL parser", () => {
  const result = parseFile(FIXTURES, "articles.jsonl");
  const byId = new Map(result.articles.map((ingested) => [ingested.article.id, ingested.article]));

  it("ingests the good lines with their stated metadata", () => {
    expect([...byId.keys()]).toEqual(["wire-1", "wire-2", "wire-6"]);
    expect(byId.get("wire-1")).toMatchObject({
      title: "Vendor and police sign deal",
      url: "https://wire.example.org/1",
      published: "2014-09-30",
      language: "en",
      source: "Example Wire",
      author: "Anna de Vries",
      origin: "articles.jsonl",
    });
    expect(byId.get("wire-2")?.language).toBe("nl");
  });

  it("reports each broken line with its line number", () => {
    expect(result.problems.map((problem) => [problem.code, problem.location])).toEqual([
      ["MALFORMED_INPUT", "articles.jsonl:3"],
      ["MALFORMED_INPUT", "articles.jsonl:4"],
      ["MALFORMED_INPUT", "articles.jsonl:5"],
      ["MALFORMED_INPUT", "articles.jsonl:8"],
    ]);
    expect(result.problems[0]?.message).toMatch(/not valid JSON/);
    expect(result.problems[1]?.message).toMatch(/text: .*expected string/);
    expect(result.problems[2]?.message).toMatch(/text: must not be empty/);
    expect(result.problems[3]?.message).toMatch(/language: must be a language code/);
  });

  it("keeps an article in a language without analyzer, with a warning", () => {
    expect(byId.get("wire-6")?.language).toBe("sw");
    expect(result.warnings).toEqual([
      { location: "articles.jsonl:7", message: expect.stringMatching(/Swahili \(sw\).*neutral analyzer/) },
    ]);
  });

  it("collapses the same content with other whitespace as a duplicate", () => {
    expect(result.duplicates).toBe(1);
  });

  it("rejects bad ids and wrong types, accepts nulls and numeric ids", () => {
    const lines = [
      JSON.stringify({ id: "", text: "Some text here." }),
      JSON.stringify({ id: "x".repeat(201), text: "Some text here." }),
      JSON.stringify({ id: "bad\u0007id", text: "Some text here." }),
      JSON.stringify({ id: "ok", text: "Some text here.", language: 42 }),
      JSON.stringify({ id: "ok2", text: "Some text here.", title: ["array"] }),
      JSON.stringify({ id: 7, text: "A numeric id is fine.", title: null, language: "en-GB" }),
      "[1, 2, 3]",
    ].join("\n");
    const parsed = parseText("feed.ndjson", lines);
    expect(parsed.problems.map((problem) => problem.location)).toEqual(
      [1, 2, 3, 4, 5, 7].map((line) => `feed.ndjson:${line}`),
    );
    expect(parsed.articles.map(({ article }) => [article.id, article.language])).toEqual([["7", "en"]]);
  });

  it("reports the same id with different content, and warns about unknown codes and bad urls", () => {
    const lines = [
      JSON.stringify({ id: "a", text: "First text about the police." }),
      JSON.stringify({ id: "a", text: "Other text about a vendor." }),
      JSON.stringify({
        id: "b",
        text: "The police signed a deal with a vendor on Monday.",
        language: "xx",
        url: "not a url",
      }),
    ].join("\n");
    const parsed = parseText("feed.jsonl", lines);
    expect(parsed.problems.map((problem) => [problem.location, problem.message])).toEqual([
      ["feed.jsonl:2", expect.stringMatching(/"a" is already used/)],
    ]);
    expect(parsed.warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(/Ignored the url/),
      expect.stringMatching(/"xx" is not a known language/),
    ]);
    expect(parsed.articles.find(({ article }) => article.id === "b")?.article.language).toBe("en");
  });

  it("reports a file of blank lines as empty", () => {
    expect(parseText("blank.jsonl", "\n  \n").problems.map((problem) => problem.code)).toEqual([
      "EMPTY_INPUT",
    ]);
  });
});
