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

function expectAsLabelled(measured: Measured[]): void {
  const wrong = measured
    .filter((m) => m.verdict.supported !== expectedKept(m.testCase))
    .map(
      (m) =>
        `${m.verdict.supported ? "kept" : `dropped (${m.verdict.failed})`} ${m.verdict.share.toFixed(2)}: ${m.testCase.bullet}`,
    );
  expect(wrong).toEqual([]);
}

describe("support thresholds, from the labelled fixture", () => {
  it("same language: the share threshold sits between faithful paraphrases and unfaithful bullets", () => {
    const measured = measure(SAME_LANGUAGE_CASES);
    console.info("same-language support", figures(measured));
    expectAsLabelled(measured);
    const faithful = measured.filter((m) => m.testCase.faithful).map((m) => m.verdict.share);
    const caughtByShare = measured.filter((m) => m.testCase.caughtBy === "share").map((m) => m.verdict.share);
    expect(Math.min(...faithful)).toBeGreaterThanOrEqual(SAME_LANGUAGE_SHARE);
    expect(Math.max(...caughtByShare)).toBeLessThan(SAME_LANGUAGE_SHARE);
  });

  it("across languages: content-word share, anchors and names separate what lexical checks can", () => {
    const measured = measure(CROSS_LANGUAGE_CASES);
    console.info("cross-language support", figures(measured));
    expectAsLabelled(measured);
    const kept = measured
      .filter((m) => expectedKept(m.testCase) && m.testCase.faithful)
      .map((m) => m.verdict.share);
    const caughtByShare = measured.filter((m) => m.testCase.caughtBy === "share").map((m) => m.verdict.share);
    expect(Math.min(...kept)).toBeGreaterThanOrEqual(CROSS_LANGUAGE_SHARE);
    expect(Math.max(...caughtByShare)).toBeLessThan(CROSS_LANGUAGE_SHARE);
    expect(measured.every((m) => !m.verdict.sameLanguage)).toBe(true);
  });
});
