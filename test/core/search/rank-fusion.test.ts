import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RRF_K, reciprocalRankFusion } from "../../../src/core/search/rank-fusion.ts";

describe("reciprocal-rank fusion", () => {
  it("adds 1 / (k + rank) over the lists, k = 60 by default", () => {
    const fused = reciprocalRankFusion([
      ["a", "b", "c"],
      ["c", "a"],
    ]);
    expect(DEFAULT_RRF_K).toBe(60);
    expect(fused.map((hit) => hit.id)).toEqual(["a", "c", "b"]);
    expect(fused[0]?.score).toBeCloseTo(1 / 61 + 1 / 62, 12);
    expect(fused[1]?.score).toBeCloseTo(1 / 63 + 1 / 61, 12);
    expect(fused[2]?.score).toBeCloseTo(1 / 62, 12);
  });

  it("weighs lists and takes another k", () => {
    const fused = reciprocalRankFusion(
      [
        ["a", "b"],
        ["b", "a"],
      ],
      { k: 0, weights: [1, 3] },
    );
    expect(fused.map((hit) => hit.id)).toEqual(["b", "a"]);
    expect(fused[0]?.score).toBeCloseTo(1 / 2 + 3, 12);
  });

  it("breaks ties by best rank, then by the earlier list, then by id", () => {
    // x and y: rank 1 in one list each; p and q: rank 2 in one list each.
    expect(
      reciprocalRankFusion([
        ["x", "p"],
        ["y", "q"],
      ]).map((hit) => hit.id),
    ).toEqual(["x", "y", "p", "q"]);
    expect(
      reciprocalRankFusion([
        ["y", "q"],
        ["x", "p"],
      ]).map((hit) => hit.id),
    ).toEqual(["y", "x", "q", "p"]);
    // Same score, same best rank, same list: only the id is left.
    expect(reciprocalRankFusion([["m"], ["n"]], { weights: [1, 1] })[0]?.id).toBe("m");
    expect(reciprocalRankFusion([[], ["b", "a"]], { k: 0, weights: [1, 1] }).map((hit) => hit.id)).toEqual([
      "b",
      "a",
    ]);
  });

  it("counts an id repeated within a list once, at its first rank", () => {
    const fused = reciprocalRankFusion([["a", "a", "b"]]);
    expect(fused.map((hit) => hit.id)).toEqual(["a", "b"]);
    expect(fused[0]?.score).toBeCloseTo(1 / 61, 12);
    expect(fused[1]?.score).toBeCloseTo(1 / 63, 12);
  });

  it("cuts to a limit and refuses mismatched weights", () => {
    expect(reciprocalRankFusion([["a", "b", "c"]], { limit: 2 })).toHaveLength(2);
    expect(reciprocalRankFusion([["a"]], { limit: 0 })).toEqual([]);
    expect(reciprocalRankFusion([])).toEqual([]);
    expect(() => reciprocalRankFusion([["a"], ["b"]], { weights: [1] })).toThrow(/weights/);
  });

  it("is deterministic: the same lists give the same order whatever the id spelling", () => {
    const list = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 20 });
    fc.assert(
      fc.property(list, list, (first, second) => {
        const once = reciprocalRankFusion([first, second]);
        expect(reciprocalRankFusion([[...first], [...second]])).toEqual(once);
        expect(new Set(once.map((hit) => hit.id))).toEqual(new Set([...first, ...second]));
        for (let rank = 1; rank < once.length; rank++) {
          expect(once[rank - 1]?.score ?? 0).toBeGreaterThanOrEqual(once[rank]?.score ?? 0);
        }
      }),
    );
  });
});
