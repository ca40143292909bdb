import { describe, expect, it } from "vitest";
import {
  citationMarker,
  citationMarkers,
  citedSentence,
  sourceFacts,
  sourceLabel,
  sourceLine,
  sourceTitle,
} from "../../src/core/source-line.ts";
import type { Source } from "../../src/core/types.ts";

const source: Source = {
  n: 3,
  articleId: "a3",
  title: "Rates unchanged",
  source: "Reuters",
  url: null,
  published: "2026-01-02",
  language: "en",
  passageId: "a3#0",
  passage: "The bank kept its rates.",
};

describe("source lines and citation markers", () => {
  it("marks citations as [n], one after the other after a sentence", () => {
    expect(citationMarker(3)).toBe("[3]");
    expect(citationMarkers([1, 3])).toBe("[1][3]");
    expect(citationMarkers([])).toBe("");
    expect(citedSentence("Rates held.", [1, 2])).toBe("Rates held. [1][2]");
  });

  it("names a source by its title, else its article id", () => {
    expect(sourceTitle(source)).toBe("Rates unchanged");
    expect(sourceLabel({ ...source, title: "" })).toBe("[3] a3");
  });

  it("lists outlet, date and a determined language, leaving out what is missing", () => {
    expect(sourceFacts(source)).toEqual(["Reuters", "2026-01-02", "en"]);
    expect(sourceFacts({ ...source, source: null, language: "und" })).toEqual(["2026-01-02"]);
  });

  it("lays out a compact line from parts the platform escaped", () => {
    expect(sourceLine({ marker: "[3]", facts: sourceFacts(source), title: "Rates unchanged" })).toBe(
      "[3] Reuters 2026-01-02 en — Rates unchanged",
    );
    expect(sourceLine({ marker: "\\[3\\]", facts: [], title: "[t](https://x.example)" })).toBe(
      "\\[3\\] — [t](https://x.example)",
    );
  });
});
