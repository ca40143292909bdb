import { describe, expect, it } from "vitest";
import { splitSentences } from "../../../src/core/text/sentences.ts";

function split(text: string): string[] {
  return splitSentences(text).map((span) => text.slice(span.start, span.end));
}

describe("splitSentences", () => {
  it("splits plain sentences and keeps a last sentence without a period", () => {
    expect(split("One thing happened. Then another! Did it? And a fragment")).toEqual([
      "One thing happened.",
      "Then another!",
      "Did it?",
      "And a fragment",
    ]);
  });

  it("does not split after initials, titles and company suffixes followed by lower case", () => {
    expect(split("Ronald K. Noble met Dr. Chen and Mme. Dupont. Trend Micro Inc. has signed.")).toEqual([
      "Ronald K. Noble met Dr. Chen and Mme. Dupont.",
      "Trend Micro Inc. has signed.",
    ]);
    expect(split("Selon M. Noble, la Sté. va bien. Fin.")).toEqual([
      "Selon M. Noble, la Sté. va bien.",
      "Fin.",
    ]);
  });

  it("does not split dotted shorthands, decimals or numbered references", () => {
    expect(
      split("Tools, e.g. scanners, cost 3.5 million in the U.S. market. See No. 5 and Sept. 30, 2014."),
    ).toEqual([
      "Tools, e.g. scanners, cost 3.5 million in the U.S. market.",
      "See No. 5 and Sept. 30, 2014.",
    ]);
    expect(split("Am 30. September 2014 begann es. Danach nicht.")).toEqual([
      "Am 30. September 2014 begann es.",
      "Danach nicht.",
    ]);
  });

  it("keeps closing quotes with their sentence", () => {
    expect(split('"We are proud," said Eva Chen. "Our partnership will grow." Then she left.')).toEqual([
      '"We are proud," said Eva Chen.',
      '"Our partnership will grow."',
      "Then she left.",
    ]);
    expect(split("« Nous sommes honorés. » Puis elle est partie. « Oui ! » dit-il.")).toEqual([
      "« Nous sommes honorés. »",
      "Puis elle est partie.",
      "« Oui ! » dit-il.",
    ]);
    expect(split("He called it “a world safe for exchanging information.” Nobody disagreed.")).toEqual([
      "He called it “a world safe for exchanging information.”",
      "Nobody disagreed.",
    ]);
  });

  it("treats a line break as a sentence end", () => {
    expect(split("first item\nsecond item\n\nthird")).toEqual(["first item", "second item", "third"]);
  });

  it("returns absolute offsets within a range, trimmed and never empty", () => {
    const text = "Skip this.   Keep one. Keep two.   ";
    const spans = splitSentences(text, 10, text.length);
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(["Keep one.", "Keep two."]);
    expect(splitSentences("   \n  ")).toEqual([]);
    expect(split("...")).toEqual(["..."]);
  });
});
