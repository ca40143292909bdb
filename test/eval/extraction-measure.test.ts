import { describe, expect, it } from "vitest";
import { benchmarkTokens, pageCounts, scorePages, shingles } from "../../eval/extraction-measure.ts";

describe("article-extraction measure", () => {
  it("tokenizes on \\w runs, Unicode letters and digits included", () => {
    expect(benchmarkTokens("Café-owners' 3½ deals, naïve_bayes!")).toEqual([
      "Café",
      "owners",
      "3½",
      "deals",
      "naïve_bayes",
    ]);
    expect(benchmarkTokens("東京 2020")).toEqual(["東京", "2020"]);
  });

  it("counts 4-token shingles as a multiset, one shorter shingle under 4 tokens", () => {
    expect([...shingles("a b c d a b c d").values()]).toEqual([2, 1, 1, 1]);
    expect(shingles("only two").size).toBe(1);
    expect(shingles(" ... ").size).toBe(0);
  });

  it("normalises one page's tp, fp and fn to sum 1", () => {
    // truth "a b c d e": shingles abcd, bcde. Prediction "a b c d x": abcd, bcdx.
    // tp 1 (abcd), fp 1 (bcdx), fn 1 (bcde): each a third.
    const counts = pageCounts("a b c d e", "a b c d x");
    expect(counts.tp).toBeCloseTo(1 / 3);
    expect(counts.fp).toBeCloseTo(1 / 3);
    expect(counts.fn).toBeCloseTo(1 / 3);
  });

  it("averages precision over pages with a prediction and recall over pages with a truth", () => {
    // Page 1: perfect (P 1, R 1). Page 2: truth "a b c d e f" (abcd bcde cdef), prediction "a b c d"
    // (abcd): tp 1, fp 0, fn 2 → P 1, R 1/3. Page 3: nothing predicted → no precision, R 0.
    const pages = [
      pageCounts("x y z w", "x y z w"),
      pageCounts("a b c d e f", "a b c d"),
      pageCounts("p q r s", ""),
    ];
    const score = scorePages(pages);
    expect(score.precision).toBeCloseTo(1);
    expect(score.recall).toBeCloseTo((1 + 1 / 3 + 0) / 3);
    expect(score.f1).toBeCloseTo((2 * 1 * (4 / 9)) / (1 + 4 / 9));
    expect(score.empty).toBe(1);
    expect(score.pages).toBe(3);
  });
});
