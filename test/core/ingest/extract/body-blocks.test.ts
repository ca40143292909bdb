import { describe, expect, it } from "vitest";
import type { TextBlock } from "../../../../src/core/ingest/extract/blocks.ts";
import { cleanBlocks, isDateline } from "../../../../src/core/ingest/extract/body-blocks.ts";

const text = (value: string, linkChars = 0): TextBlock => ({
  kind: "text",
  text: value,
  linkChars,
  paragraph: 0,
});
const item = (value: string, linkChars = 0): TextBlock => ({
  kind: "item",
  text: value,
  linkChars,
  paragraph: 0,
});
const heading = (value: string): TextBlock => ({ kind: "heading", text: value, linkChars: 0, paragraph: 0 });
const PROSE = [
  "The council approved a new budget for public transport on Tuesday after a long debate.",
  "The plan adds forty electric buses to the fleet by 2026, the council said in a statement.",
  "Commuters' groups welcomed the vote but asked for more frequent trains on the northern line.",
];

describe("cleanBlocks", () => {
  it("drops a repeated headline, bylines and datelines at the top", () => {
    const blocks = [
      text("Council approves budget"),
      text("By Anna Smit"),
      text("PUBLISHED: 10:48, Tue, Nov 19, 2019"),
      ...PROSE.map((value) => text(value)),
    ];
    expect(cleanBlocks(blocks, "Council approves budget").map((block) => block.text)).toEqual(PROSE);
  });

  it("drops runs of links with their heading, and promotion lines and headings at the end", () => {
    const related = "Council rejects parking plan";
    const blocks = [
      text(PROSE[0] as string),
      heading("More Great Stories"),
      item(related, related.length),
      item("Tram line to close", 18),
      text(PROSE[1] as string),
      text("Deals: get it on Amazon for $39", 31),
      text(PROSE[2] as string),
      text("Follow us on Twitter @example and sign up for our newsletter."),
      heading("Tell us what you think"),
    ];
    expect(cleanBlocks(blocks, undefined).map((block) => block.text)).toEqual([
      PROSE[0],
      PROSE[1],
      "Deals: get it on Amazon for $39",
      PROSE[2],
    ]);
  });
});

describe("isDateline", () => {
  it("recognises a date or time with a label or two, not a sentence with a date", () => {
    for (const line of [
      "Nov. 20, 2019, 9:28 AM UTC",
      "August 08, 2018",
      "Updated at 1:23 p.m.",
      "5 March 2024",
    ])
      expect(isDateline(line), line).toBe(true);
    for (const line of [
      "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL",
      "The vote was on 5 March 2024.",
    ])
      expect(isDateline(line), line).toBe(false);
  });
});
