import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, contentTerms } from "../../../src/core/text/analyze.ts";
import { analyzeQuery } from "../../../src/core/text/query.ts";

const LANGUAGES = ["en", "nl", "fr", "sw", "und"];

/** Any UTF-16 code units, lone surrogates and control characters included, mixed with tricky characters. */
const codeUnits = fc.array(
  fc.oneof(
    fc.integer({ min: 0, max: 0xffff }),
    fc.constantFrom(..."'’‘ʼ-‐‑.,·\u00a0\u202f0123456789éßİﬁ ".split("").map((char) => char.charCodeAt(0))),
    fc.integer({ min: 0x61, max: 0x7a }),
  ),
  { maxLength: 200 },
);
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  codeUnits.map((units) => String.fromCharCode(...units)),
);

function expectNonEmptyStrings(terms: readonly unknown[]): void {
  expect(terms.filter((term) => typeof term !== "string" || term.length === 0)).toEqual([]);
}

describe("analysis never fails", () => {
  it("analyze returns only non-empty strings", () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...LANGUAGES), (text, language) => {
        expectNonEmptyStrings(analyze(text, language));
        expectNonEmptyStrings([...contentTerms(text, language)]);
      }),
      { numRuns: 500 },
    );
  });

  it("analyzeQuery returns terms with non-empty variants and positive weights", () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.constantFrom(...LANGUAGES), { nil: undefined }), (text, likely) => {
        const options = likely === undefined ? {} : { likelyLanguage: likely };
        for (const term of analyzeQuery(text, LANGUAGES, options)) {
          expect(term.variants.length).toBeGreaterThan(0);
          expectNonEmptyStrings(term.variants);
          expectNonEmptyStrings([...term.byLanguage.values()]);
          expect(term.weight).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("copes with huge strings", () => {
    const junk = fc
      .sample(codeUnits, { numRuns: 5000, seed: 42 })
      .map((units) => String.fromCharCode(...units));
    const huge = junk.join(" ").repeat(40);
    expect(huge.length).toBeGreaterThan(1_000_000);
    for (const language of LANGUAGES) expectNonEmptyStrings(analyze(huge, language));
    expectNonEmptyStrings(analyzeQuery(huge, LANGUAGES).flatMap((term) => term.variants));
    expect(analyze("a".repeat(1_000_000), "en")).toEqual([]);
    expect(analyze("ab-".repeat(200_000), "fr")).toHaveLength(200_000);
  });
});
