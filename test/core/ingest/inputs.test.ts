import { describe, expect, it } from "vitest";
import { MAX_ARTICLE_CHARS, parseDocument } from "../../../src/core/ingest/index.ts";
import { onlyArticle, parseText } from "./helpers.ts";

const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  ),
);

function codes(name: string, content: Uint8Array, maxBytes?: number): string[] {
  const result = parseDocument({ name, content }, maxBytes === undefined ? {} : { maxBytes });
  return result.problems.map((problem) => `${problem.code} ${problem.location}`);
}

describe("input checks", () => {
  it("rejects empty and whitespace-only input", () => {
    expect(codes("empty.txt", new Uint8Array())).toEqual(["EMPTY_INPUT empty.txt"]);
    expect(codes("blank.md", new TextEncoder().encode(" \n\t\r\n "))).toEqual(["EMPTY_INPUT blank.md"]);
    expect(codes("bom.txt", Uint8Array.of(0xef, 0xbb, 0xbf))).toEqual(["EMPTY_INPUT bom.txt"]);
  });

  it("rejects binary content such as a PNG, and control-character soup", () => {
    expect(codes("image.txt", PNG)).toEqual(["BINARY_INPUT image.txt"]);
    const controls = Uint8Array.from({ length: 200 }, (_, index) => (index % 3 === 0 ? 0x01 : 0x41));
    expect(codes("controls.txt", controls)).toEqual(["BINARY_INPUT controls.txt"]);
  });

  it("reads legacy windows-1252 text and UTF-16 with a BOM", () => {
    const latin1 = Uint8Array.from([
      ..."La police a sign".split("").map((c) => c.charCodeAt(0)),
      0xe9,
      ..." un accord avec la soci".split("").map((c) => c.charCodeAt(0)),
      0xe9,
      0x74,
      0xe9,
      0x2e,
    ]);
    expect(onlyArticle(parseDocument({ name: "latin1.txt", content: latin1 })).article.text).toBe(
      "La police a signé un accord avec la société.",
    );
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[..."Police deal signed."].flatMap((c) => [c.charCodeAt(0), 0]),
    ]);
    expect(onlyArticle(parseDocument({ name: "utf16.txt", content: utf16 })).article.text).toBe(
      "Police deal signed.",
    );
  });

  it("rejects files over the byte limit and texts over the character limit", () => {
    expect(codes("big.txt", new TextEncoder().encode("Some text. ".repeat(20)), 100)).toEqual([
      "INPUT_TOO_LARGE big.txt",
    ]);
    const long = new TextEncoder().encode("a".repeat(MAX_ARTICLE_CHARS + 1));
    expect(codes("long.txt", long)).toEqual(["INPUT_TOO_LARGE long.txt"]);
    const line = JSON.stringify({ id: "x", text: "b".repeat(MAX_ARTICLE_CHARS + 1) });
    expect(codes("long.jsonl", new TextEncoder().encode(line))).toEqual(["INPUT_TOO_LARGE long.jsonl:1"]);
  });

  it("rejects unknown extensions", () => {
    expect(codes("report.pdf", new TextEncoder().encode("text"))).toEqual(["UNSUPPORTED_FORMAT report.pdf"]);
    expect(codes("README", new TextEncoder().encode("text"))).toEqual(["UNSUPPORTED_FORMAT README"]);
  });

  it("reports a document that is nothing but furniture as empty", () => {
    expect(
      parseText("menu.txt", "Share\nPrint\n|\nAdvertisement").problems.map((problem) => problem.code),
    ).toEqual(["EMPTY_INPUT"]);
  });
});
