import { describe, expect, it } from "vitest";
import { contentHashOf } from "../../../src/core/ingest/index.ts";
import { onlyArticle, parseText } from "./helpers.ts";

const ARTICLE =
  "Police sign deal\n\nThe police signed a deal with a vendor on Monday. It runs for three years.";

describe("identity and duplicates", () => {
  it("derives a short stable id from the content hash", () => {
    const { article } = onlyArticle(parseText("a.txt", ARTICLE));
    expect(article.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(article.id).toBe(article.contentHash.slice(0, 16));
    expect(onlyArticle(parseText("copy.txt", ARTICLE)).article.id).toBe(article.id);
  });

  it("gives the same hash for the same text with other whitespace, case or Unicode form", () => {
    const messy =
      "  Police  sign deal\r\n\r\n\r\nThe police signed a deal  with a vendor on Monday.\r\nIt runs for three years.  ";
    const a = onlyArticle(parseText("a.txt", ARTICLE)).article;
    const b = onlyArticle(parseText("b.txt", messy)).article;
    expect(b.contentHash).toBe(a.contentHash);
    expect(contentHashOf("Café", "Text")).toBe(contentHashOf("CAFE\u0301", "text"));
    expect(contentHashOf("Title", "Text")).not.toBe(contentHashOf("Title", "Other text"));
  });
});
