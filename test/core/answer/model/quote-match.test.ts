import { describe, expect, it } from "vitest";
import { findQuote, normalizeForQuote, quoteKey } from "../../../../src/core/answer/model/index.ts";

const PASSAGE =
  "Trend Micro will also help support the development of an Interpol cyber alert by providing expert cyber threat analysis at Interpol’s Global Complex for Innovation (IGCI) when it opens in Singapore in 2014.";

const located = (passage: string, quote: string) => {
  const span = findQuote(passage, quote);
  return span && passage.slice(span.start, span.end);
};

describe("quote matching", () => {
  it("finds a verbatim quote and returns it as written in the passage", () => {
    expect(located(PASSAGE, "expert cyber threat analysis")).toBe("expert cyber threat analysis");
  });

  it("ignores case, whitespace runs, typographic quotes and apostrophes", () => {
    expect(located(PASSAGE, "INTERPOL'S  global\ncomplex for innovation")).toBe(
      "Interpol’s Global Complex for Innovation",
    );
    expect(located("He said “we are proud” today.", '"We are proud"')).toBe("we are proud");
  });

  it("treats every dash as a hyphen and applies NFKC", () => {
    expect(located("The cross‑border — and costly — deal", "cross-border - and costly")).toBe(
      "cross‑border — and costly",
    );
    expect(located("The ﬁnal agreement was signed", "final agreement was")).toBe("ﬁnal agreement was");
  });

  it("ignores a leading or trailing ellipsis and surrounding punctuation", () => {
    expect(located(PASSAGE, "…when it opens in Singapore in 2014.")).toBe(
      "when it opens in Singapore in 2014",
    );
    expect(located(PASSAGE, "... an Interpol cyber alert ...")).toBe("an Interpol cyber alert");
  });

  it("rejects quotes that are absent, cut mid-word, or too short to prove anything", () => {
    expect(findQuote(PASSAGE, "Trend Micro will open an office in Lyon")).toBeUndefined();
    expect(findQuote(PASSAGE, "rend Micro will also")).toBeUndefined();
    expect(findQuote(PASSAGE, "Singapore")).toBeUndefined();
    expect(findQuote(PASSAGE, "in 2014")).toBeUndefined();
    expect(findQuote(PASSAGE, "")).toBeUndefined();
    expect(findQuote(PASSAGE, "Interpol cyber")).toBeDefined();
  });

  it("an elided middle is not a verbatim quote", () => {
    expect(findQuote(PASSAGE, "Trend Micro will … Interpol cyber alert")).toBeUndefined();
  });

  it("maps normalised characters back to the original offsets", () => {
    const original = "A  “b”\u00a0c—d ﬁ";
    const normalized = normalizeForQuote(original);
    expect(normalized.text).toBe('a "b" c-d fi');
    expect(normalized.starts).toHaveLength(normalized.text.length);
    expect(original.slice(normalized.starts[3], normalized.ends[3])).toBe("b");
    expect(quoteKey("  …“Hello there”…  ")).toBe("hello there");
  });

  it("locates quotes after characters outside the BMP (emoji take two UTF-16 units)", () => {
    const passage = "🚀🚀🚀 Launch day: Trend Micro will provide threat intelligence to Interpol 𝔸.";
    expect(normalizeForQuote(passage).starts).toHaveLength(normalizeForQuote(passage).text.length);
    expect(located(passage, "Trend Micro will provide threat intelligence to Interpol")).toBe(
      "Trend Micro will provide threat intelligence to Interpol",
    );
    expect(located(passage, "threat intelligence to Interpol 𝔸")).toBe("threat intelligence to Interpol 𝔸");
  });
});
