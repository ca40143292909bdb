import { describe, expect, it } from "vitest";
import {
  bulletSupport,
  CROSS_LANGUAGE_SHARE,
  SAME_LANGUAGE_SHARE,
  type SupportVerdict,
} from "../../../../src/core/answer/model/index.ts";
import {
  CROSS_LANGUAGE_CASES,
  expectedKept,
  SAME_LANGUAGE_CASES,
  type SupportCase,
} from "./fixtures/support-cases.ts";

interface Measured {
  testCase: SupportCase;
  verdict: SupportVerdict;
}

const measure = (cases: SupportCase[]): Measured[] =>
  cases.map((testCase) => ({
    testCase,
    verdict: bulletSupport(testCase.bullet, testCase.language, testCase.passage),
  }));

const range = (values: number[]) =>
  values.length === 0 ? "none" : `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;

function figures(measured: Measured[]): Record<string, string> {
  const shares = (keep: (m: Measured) => boolean) => measured.filter(keep).map((m) => m.verdict.share);
  const faithful = measured.filter((m) => m.testCase.faithful);
  const unfaithful = measured.filter((m) => !m.testCase.faithful);
  return {
    faithfulKept: `${faithful.filter((m) => m.verdict.supported).length}/${faithful.length}`,
    unfaithfulDropped: `${unfaithful.filter((m) => !m.verdict.supported).length}/${unfaithful.length}`,
    faithfulShares: range(shares((m) => m.testCase.faithful && expectedKept(m.testCase))),
    unfaithfulCaughtByShare: range(shares((m) => !m.testCase.faithful && m.testCase.caughtBy === "share")),
    limitations: range(shares((m) => m.testCase.caughtBy === "limitation")),
  };
}

/**
 * The right decision: a faithful bullet kept, an unfaithful one dropped. The fixture marks where the lexical
 * check is known to decide wrong (`limitation`, `knownMiss`, `strictByDesign`): its blind spots.
 */
function expectRightDecision(testCase: SupportCase): void {
  const verdict = bulletSupport(testCase.bullet, testCase.language, testCase.passage);
  const decided = verdict.supported ? "kept" : `dropped (${verdict.failed})`;
  expect(verdict.supported, `${decided} at share ${verdict.share.toFixed(2)}`).toBe(testCase.faithful);
}

const isBlindSpot = (testCase: SupportCase) => expectedKept(testCase) !== testCase.faithful;

function blindSpotReason(testCase: SupportCase): string {
  if (testCase.caughtBy === "limitation") return "unfaithful, kept (a rearranged claim)";
  if (testCase.strictByDesign) return "faithful, dropped (strict by design)";
  return "faithful, dropped (known miss)";
}

/** One test per case: the right decision where the check makes it, `it.fails` on its known blind spots. */
function decisions(cases: SupportCase[]): void {
  for (const testCase of cases.filter((candidate) => !isBlindSpot(candidate))) {
    it(`${testCase.faithful ? "keeps" : "drops"} (${testCase.language}): ${testCase.bullet}`, () =>
      expectRightDecision(testCase));
  }
  // An "expected to fail" that passes is an improvement: take the mark off the case in
  // fixtures/support-cases.ts (and give an unfaithful one the caughtBy that now catches it).
  describe("known blind spots, expected to be decided wrong", () => {
    for (const testCase of cases.filter(isBlindSpot)) {
      it.fails(`${blindSpotReason(testCase)} (${testCase.language}): ${testCase.bullet}`, () =>
        expectRightDecision(testCase));
    }
  });
}

describe("support thresholds, from the labelled fixture", () => {
  it("same language: the share threshold sits between faithful paraphrases and unfaithful bullets", () => {
    const measured = measure(SAME_LANGUAGE_CASES);
    console.info("same-language support", figures(measured));
    const faithful = measured.filter((m) => m.testCase.faithful).map((m) => m.verdict.share);
    const caughtByShare = measured.filter((m) => m.testCase.caughtBy === "share").map((m) => m.verdict.share);
    expect(Math.min(...faithful)).toBeGreaterThanOrEqual(SAME_LANGUAGE_SHARE);
    expect(Math.max(...caughtByShare)).toBeLessThan(SAME_LANGUAGE_SHARE);
  });

  it("across languages: content-word share, anchors and names separate what lexical checks can", () => {
    const measured = measure(CROSS_LANGUAGE_CASES);
    console.info("cross-language support", figures(measured));
    const kept = measured
      .filter((m) => expectedKept(m.testCase) && m.testCase.faithful)
      .map((m) => m.verdict.share);
    const caughtByShare = measured.filter((m) => m.testCase.caughtBy === "share").map((m) => m.verdict.share);
    expect(Math.min(...kept)).toBeGreaterThanOrEqual(CROSS_LANGUAGE_SHARE);
    expect(Math.max(...caughtByShare)).toBeLessThan(CROSS_LANGUAGE_SHARE);
    expect(measured.every((m) => !m.verdict.sameLanguage)).toBe(true);
  });
});

describe("same-language decisions", () => decisions(SAME_LANGUAGE_CASES));
describe("cross-language decisions", () => decisions(CROSS_LANGUAGE_CASES));
