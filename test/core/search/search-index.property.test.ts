import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SearchIndex } from "../../../src/core/search/search-index.ts";
import { selectTop } from "../../../src/core/search/top-k.ts";
import { analyze } from "../../../src/core/text/analyze.ts";

const K1 = 1.2;
const FIELDS = { title: { boost: 2, b: 0.5 }, text: { boost: 1, b: 0.75 } };
const WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"];

interface Doc {
  title: string;
  text: string;
}

/** Textbook BM25F over analyzed terms, one document at a time. */
function referenceScores(documents: readonly Doc[], query: string): number[] {
  const analyzed = documents.map((doc) => ({
    title: analyze(doc.title, "und"),
    text: analyze(doc.text, "und"),
  }));
  const count = documents.length;
  const average = (field: "title" | "text") =>
    analyzed.reduce((sum, doc) => sum + doc[field].length, 0) / count;
  const averages = { title: average("title"), text: average("text") };
  const queryTerms = new Map<string, number>();
  for (const term of analyze(query, "und")) queryTerms.set(term, (queryTerms.get(term) ?? 0) + 1);
  return analyzed.map((doc) => {
    let score = 0;
    for (const [term, weight] of queryTerms) {
      const frequency = analyzed.filter(
        (other) => other.title.includes(term) || other.text.includes(term),
      ).length;
      if (frequency === 0) continue;
      const idf = Math.log(1 + (count - frequency + 0.5) / (frequency + 0.5));
      let pseudo = 0;
      for (const field of ["title", "text"] as const) {
        const tf = doc[field].filter((each) => each === term).length;
        const { boost, b } = FIELDS[field];
        pseudo += (boost * tf) / (1 - b + (b * doc[field].length) / (averages[field] || 1));
      }
      if (pseudo > 0) score += (weight * idf * pseudo) / (K1 + pseudo);
    }
    return score;
  });
}

const phrase = fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((words) => words.join(" "));

describe("SearchIndex against a reference BM25F", () => {
  it("gives the reference scores for random corpora and queries", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: phrase, text: phrase }), { minLength: 1, maxLength: 12 }),
        phrase,
        (documents, query) => {
          const index = new SearchIndex({ k1: K1, fields: FIELDS });
          documents.forEach((doc, n) => {
            index.add({ id: `d${n}`, language: "und", fields: doc });
          });
          const expected = referenceScores(documents, query);
          const hits = index.search(query, { limit: documents.length });
          for (const hit of hits) expect(hit.score).toBeCloseTo(expected[Number(hit.id.slice(1))] ?? -1, 9);
          expect(hits.length).toBe(expected.filter((score) => score > 0).length);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("selectTop", () => {
  it("agrees with a full sort", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 20 }),
        (values, limit) => {
          const scores = Float64Array.from(values);
          const candidates = values.map((_, n) => n);
          const expected = [...candidates]
            .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b)
            .slice(0, limit);
          expect(selectTop(candidates, candidates.length, scores, limit, () => true)).toEqual(expected);
        },
      ),
    );
  });
});
