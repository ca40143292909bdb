import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VectorIndex } from "../../../src/core/search/vector-index.ts";

const v = (...values: number[]) => Float32Array.from(values);

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let index = 0; index < a.length; index++) {
    dot += (a[index] ?? 0) * (b[index] ?? 0);
    normA += (a[index] ?? 0) ** 2;
    normB += (b[index] ?? 0) ** 2;
  }
  return normA > 0 && normB > 0 ? dot / Math.sqrt(normA * normB) : 0;
}

describe("vector index", () => {
  it("ranks by cosine, normalizing what it is given", () => {
    const index = new VectorIndex();
    index.add("east", v(10, 0));
    index.add("north", v(0, 0.5));
    index.add("north-east", v(3, 3));
    expect(index.size).toBe(3);
    expect(index.dimensions).toBe(2);
    const hits = index.search(v(2, 0.1), 2);
    expect(hits.map((hit) => hit.id)).toEqual(["east", "north-east"]);
    expect(hits[0]?.score).toBeCloseTo(cosine([2, 0.1], [1, 0]), 6);
    expect(index.similarity("east", "north-east")).toBeCloseTo(Math.SQRT1_2, 6);
    expect(index.similarity("east", "missing")).toBeUndefined();
    expect(Array.from(index.vector("east") ?? [])).toEqual([1, 0]);
  });

  it("refuses a vector of another dimension, clearly, and leaves the index as it was", () => {
    const index = new VectorIndex();
    index.add("a", v(1, 0, 0));
    expect(() => index.add("b", v(1, 0))).toThrow(/2 dimensions; this index holds 3-dimension vectors/);
    expect(() => index.search(v(1, 0), 1)).toThrow(/query vector has 2 dimensions/);
    expect(() => index.addMany(["c", "d"], [v(1, 1, 1), v(1, 1)])).toThrow(/dimensions/);
    expect(() => index.add("e", v(1, Number.NaN, 0))).toThrow(/non-finite/);
    expect(index.has("c")).toBe(false);
    expect(index.size).toBe(1);
  });

  it("removes by swapping the last row in, keeping every other id's vector", () => {
    const index = new VectorIndex();
    index.add("a", v(1, 0, 0));
    index.add("b", v(0, 1, 0));
    index.add("c", v(0, 0, 1));
    expect(index.remove("a")).toBe(true);
    expect(index.remove("a")).toBe(false);
    expect(index.has("a")).toBe(false);
    expect(index.size).toBe(2);
    expect(index.search(v(0, 0, 1), 1)[0]?.id).toBe("c");
    expect(index.search(v(0, 1, 0), 1)[0]?.id).toBe("b");
    expect(index.similarity("b", "c")).toBeCloseTo(0, 6);
  });

  it("replaces the vector of an id added again", () => {
    const index = new VectorIndex();
    index.add("a", v(1, 0));
    index.add("a", v(0, 1));
    expect(index.size).toBe(1);
    expect(index.search(v(0, 1), 1)[0]?.score).toBeCloseTo(1, 6);
  });

  it("takes any dimension again once emptied, and grows past its first capacity", () => {
    const index = new VectorIndex();
    index.add("a", v(1, 2, 3));
    index.remove("a");
    index.add("b", v(1, 2));
    expect(index.dimensions).toBe(2);
    for (let row = 0; row < 500; row++) index.add(`r${row}`, v(Math.cos(row), Math.sin(row)));
    expect(index.size).toBe(501);
    expect(index.search(v(Math.cos(77), Math.sin(77)), 1)[0]?.id).toBe("r77");
    expect(index.search(v(1, 0), 0)).toEqual([]);
  });

  it("filters candidates", () => {
    const index = new VectorIndex();
    index.add("a", v(1, 0));
    index.add("b", v(0.9, 0.1));
    expect(index.search(v(1, 0), 1, (id) => id !== "a").map((hit) => hit.id)).toEqual(["b"]);
  });
});

describe("vector index, property", () => {
  const dimension = 5;
  const vector = fc.array(fc.float({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true }), {
    minLength: dimension,
    maxLength: dimension,
  });
  const operation = fc.oneof(
    fc.record({ kind: fc.constant("add" as const), id: fc.integer({ min: 0, max: 30 }), vector }),
    fc.record({ kind: fc.constant("remove" as const), id: fc.integer({ min: 0, max: 30 }) }),
  );

  it("top k equals a brute-force sort of every live vector by cosine", () => {
    fc.assert(
      fc.property(
        fc.array(operation, { maxLength: 80 }),
        vector,
        fc.integer({ min: 1, max: 12 }),
        (operations, query, limit) => {
          const index = new VectorIndex();
          const live = new Map<string, number[]>();
          for (const step of operations) {
            const id = `p${step.id}`;
            if (step.kind === "add") {
              index.add(id, step.vector);
              live.set(id, step.vector);
            } else {
              expect(index.remove(id)).toBe(live.delete(id));
            }
          }
          expect(index.size).toBe(live.size);
          const expected = [...live]
            .map(([id, stored]) => ({ id, score: cosine(stored, query) }))
            .sort((a, b) => b.score - a.score)
            .slice(0, limit);
          const hits = index.search(query, limit);
          expect(hits).toHaveLength(expected.length);
          hits.forEach((hit, rank) => {
            // Same scores in the same order; ids may differ only among (near-)equal scores.
            expect(hit.score).toBeCloseTo(expected[rank]?.score ?? Number.NaN, 5);
            expect(hit.score).toBeCloseTo(cosine(live.get(hit.id) ?? [], query), 5);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
