import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { composeDigest } from "../../../src/core/digest/index.ts";
import { citationProblems, textArticle } from "./helpers.ts";

const word = fc.constantFrom(
  "Trend",
  "Micro",
  "INTERPOL",
  "190",
  "the",
  "police",
  "de",
  "la",
  "Singapore",
  "cyber",
  "2014",
  "agreement",
  "overeenkomst",
  "accord",
  "a",
  "é",
  "<b>",
  "&",
  "'s",
);
const sentence = fc.array(word, { minLength: 1, maxLength: 14 }).map((words) => `${words.join(" ")}.`);
const articleText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.array(sentence, { minLength: 1, maxLength: 12 }).map((sentences) => sentences.join(" ")),
  fc
    .array(fc.array(sentence, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 })
    .map((paragraphs) => paragraphs.map((paragraph) => paragraph.join(" ")).join("\n\n")),
);

describe("composeDigest on arbitrary text", () => {
  it("never throws, and every sentence is verbatim in a passage it cites", () => {
    fc.assert(
      fc.property(fc.array(articleText, { maxLength: 8 }), (texts) => {
        const articles = texts.flatMap((text, index) => textArticle(`a${index}.txt`, text));
        const digest = composeDigest(articles);
        expect(digest.articleCount).toBe(articles.length);
        for (const story of digest.stories) {
          expect(citationProblems(story.summary, story.sources)).toEqual([]);
          expect(story.sourceCount).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});
