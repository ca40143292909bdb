import { describe, expect, it } from "vitest";
import { rougeN } from "../../../eval/rouge.ts";

// Cases and expected figures from google-research/rouge (rouge/rouge_scorer_test.py), whose "against
// ROUGE-1.5.5" figures come from runs of the original Perl script on rouge/testdata/{target,prediction}.txt.
const TARGETS = [
  "ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY.rFDJCRing Ht-LM EKBDXkME,yz'RBr q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer tKM L",
  "KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMtion psing sbKao Q m qiing LMmer HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing tQ.saefZwJtKrTlixYpMMsJing UCAPwNHeYVjDing c T BUySKtion gMPfJpwGw p'NvxAoping eu pBwMBKV'I DNxqelhu,PHPxDEq,mtion SN",
];
const PREDICTIONS = [
  "rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxi",
  "n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m qier LMmed HqqLFXe,XPY,J XsurkMeo ,ed nB'wH'bWVHjWFEer tQ.saefZwJtKrTlixYpMMNJtion UCAPwNHeYVjD",
];

function expectScore(actual: { precision: number; recall: number; f1: number }, expected: number[]): void {
  expect(actual.recall).toBeCloseTo(expected[0] ?? Number.NaN, 5);
  expect(actual.precision).toBeCloseTo(expected[1] ?? Number.NaN, 5);
  expect(actual.f1).toBeCloseTo(expected[2] ?? Number.NaN, 5);
}

const pair = (index: number) => [TARGETS[index] ?? "", PREDICTIONS[index] ?? ""] as const;

describe("ROUGE-N matches rouge-score's published test figures", () => {
  it("scores the simple cases", () => {
    expectScore(rougeN("testing one two", "testing", 1, { stem: false }), [1 / 3, 1, 1 / 2]);
    expectScore(rougeN("testing one two", "testing one", 2, { stem: false }), [1 / 2, 1, 2 / 3]);
    expectScore(rougeN("testing one two", "testing one", 1, { stem: false }), [2 / 3, 1, 4 / 5]);
    expectScore(rougeN("testing one two", "", 1, { stem: false }), [0, 0, 0]);
  });

  it("ROUGE-1 against ROUGE-1.5.5, without and with stemming", () => {
    expectScore(rougeN(...pair(0), 1, { stem: false }), [0.40741, 0.6875, 0.51163]);
    expectScore(rougeN(...pair(1), 1, { stem: false }), [0.40476, 0.65385, 0.5]);
    expectScore(rougeN(...pair(0), 1, { stem: true }), [0.40741, 0.6875, 0.51163]);
    expectScore(rougeN(...pair(1), 1, { stem: true }), [0.42857, 0.69231, 0.52941]);
  });

  it("ROUGE-2 against ROUGE-1.5.5, without and with stemming", () => {
    expectScore(rougeN(...pair(0), 2, { stem: false }), [0.30769, 0.53333, 0.39024]);
    expectScore(rougeN(...pair(1), 2, { stem: false }), [0.29268, 0.48, 0.36364]);
    expectScore(rougeN(...pair(0), 2, { stem: true }), [0.30769, 0.53333, 0.39024]);
    expectScore(rougeN(...pair(1), 2, { stem: true }), [0.29268, 0.48, 0.36364]);
  });
});
