import { describe, expect, it } from "vitest";
import { isBriefingError } from "../../../src/core/errors.ts";
import { type IndexedDocument, SearchIndex } from "../../../src/core/search/search-index.ts";
import { analyzeQuery } from "../../../src/core/text/query.ts";

function document(id: string, text: string, language = "und", title = ""): IndexedDocument {
  return { id, language, fields: { title, text } };
}

function textIndex(
  documents: readonly IndexedDocument[],
  options: { k1?: number; b?: number } = {},
): SearchIndex {
  const index = new SearchIndex({ ...options, fields: { text: {} } });
  for (const each of documents) index.add(each);
  return index;
}

function scoresById(index: SearchIndex, query: string): Map<string, number> {
  return new Map(index.search(query, { limit: 100 }).map((hit) => [hit.id, hit.score]));
}

const NEWS: IndexedDocument[] = [
  document(
    "en-1",
    "INTERPOL opened its Global Complex for Innovation in Singapore in 2014.",
    "en",
    "INTERPOL in Singapore",
  ),
  document(
    "en-2",
    "Trend Micro will provide threat intelligence and training to 190 member countries.",
    "en",
  ),
  document(
    "nl-1",
    "INTERPOL werkt samen met 190 landen; de verkiezingen in België kostten 3.000 euro.",
    "nl",
  ),
  document("fr-1", "L'économie d'INTERPOL : les élections européennes et 190 pays membres.", "fr"),
  document("en-3", "The weather in Singapore was warm and humid all week.", "en"),
];

describe("BM25 scoring", () => {
  it("matches the formula on a tiny corpus computed by hand", () => {
    const index = textIndex(
      [document("d1", "apple banana"), document("d2", "apple apple cherry"), document("d3", "banana")],
      { k1: 1.2, b: 0.75 },
    );
    // N = 3, df(apple) = 2, average length = (2 + 3 + 1) / 3 = 2.
    const idf = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5));
    const d1 = idf * (1 / (1.2 + 1)); // tf 1, length 2: normalization 0.25 + 0.75 * 2 / 2 = 1
    const tf2 = 2 / (0.25 + 0.75 * (3 / 2));
    const d2 = idf * (tf2 / (1.2 + tf2));
    const hits = index.search("apple");
    expect(hits.map((hit) => hit.id)).toEqual(["d2", "d1"]);
    expect(hits[0]?.score).toBeCloseTo(d2, 12);
    expect(hits[1]?.score).toBeCloseTo(d1, 12);
    expect(index.idf("apple")).toBeCloseTo(idf, 12);
  });

  it("combines fields with BM25F boosts", () => {
    const index = new SearchIndex({ k1: 1, b: 0, fields: { title: { boost: 3 }, text: {} } });
    index.add(document("a", "zebra", "und", "zebra"));
    index.add(document("b", "lion", "und", "lion"));
    const idf = Math.log(1 + (2 - 1 + 0.5) / (1 + 0.5));
    const pseudoFrequency = 3 * 1 + 1 * 1;
    expect(index.search("zebra")[0]?.score).toBeCloseTo((idf * pseudoFrequency) / (1 + pseudoFrequency), 12);
  });

  it("ranks documents holding more of the query first", () => {
    const index = textIndex(NEWS);
    const hits = index.search("INTERPOL Singapore innovation", { queryLanguage: "en" });
    expect(hits[0]?.id).toBe("en-1");
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
  });

  it("weighs rare terms above common ones", () => {
    const index = textIndex(NEWS);
    expect(index.idf("interpol")).toBeLessThan(index.idf("humid"));
    expect(index.idf("never-seen")).toBeGreaterThan(index.idf("humid"));
  });
});

describe("multilingual search", () => {
  it("finds Dutch and French documents through names and numbers", () => {
    const index = textIndex(NEWS);
    const ids = index.search("INTERPOL 190", { queryLanguage: "en" }).map((hit) => hit.id);
    expect(ids).toEqual(expect.arrayContaining(["nl-1", "fr-1", "en-2"]));
  });

  it("analyzes the query with each document's language", () => {
    const index = textIndex(NEWS);
    expect(index.search("verkiezing Belgie", { queryLanguage: "nl" })[0]?.id).toBe("nl-1");
    expect(index.search("économie élection", { queryLanguage: "fr" })[0]?.id).toBe("fr-1");
    expect(index.search("3000 euro")[0]?.id).toBe("nl-1");
  });

  it("scores one query word once per document, whatever its variants", () => {
    const index = textIndex([
      document("fr", "élections élections", "fr"),
      document("x", "autre chose", "fr"),
    ]);
    const terms = analyzeQuery("élections", ["en", "fr", "nl"]);
    const single = analyzeQuery("élections", ["fr"]);
    expect(index.search(terms)[0]?.score).toBe(index.search(single)[0]?.score);
  });

  it("restricts documents to the requested languages", () => {
    const index = textIndex(NEWS);
    const ids = index.search("INTERPOL", { languages: ["fr"] }).map((hit) => hit.id);
    expect(ids).toEqual(["fr-1"]);
    expect(index.languages.sort()).toEqual(["en", "fr", "nl"]);
  });
});

describe("search options", () => {
  it("applies the filter and the limit", () => {
    const index = textIndex(NEWS);
    const filtered = index.search("INTERPOL 190 Singapore", { filter: (id) => id.startsWith("en-") });
    expect(filtered.every((hit) => hit.id.startsWith("en-"))).toBe(true);
    expect(filtered.length).toBeGreaterThan(0);
    expect(index.search("INTERPOL", { limit: 1 })).toHaveLength(1);
    expect(index.search("INTERPOL", { limit: 0 })).toEqual([]);
  });

  it("returns [] for empty, stopword-only and unknown queries", () => {
    const index = textIndex(NEWS);
    expect(index.search("")).toEqual([]);
    expect(index.search("the of and", { queryLanguage: "en" })).toEqual([]);
    expect(index.search("xylophone")).toEqual([]);
    expect(new SearchIndex({ fields: { text: {} } }).search("INTERPOL")).toEqual([]);
  });

  it("stays consistent when a filter throws", () => {
    const index = textIndex(NEWS);
    const expected = index.search("INTERPOL 190");
    expect(() =>
      index.search("INTERPOL", {
        filter: () => {
          throw new Error("filter failed");
        },
      }),
    ).toThrow("filter failed");
    expect(index.search("INTERPOL 190")).toEqual(expected);
  });

  it("breaks score ties by insertion order", () => {
    const index = textIndex([document("b", "same words"), document("a", "same words")]);
    expect(index.search("same").map((hit) => hit.id)).toEqual(["b", "a"]);
  });
});

describe("incremental updates", () => {
  it("add, remove and re-add give identical scores", () => {
    const index = textIndex(NEWS);
    const before = scoresById(index, "INTERPOL Singapore 190 élections");
    expect(index.remove("en-1")).toBe(true);
    expect(index.has("en-1")).toBe(false);
    expect(index.size).toBe(NEWS.length - 1);
    expect(scoresById(index, "INTERPOL Singapore 190 élections").has("en-1")).toBe(false);
    const first = NEWS[0];
    if (first) index.add(first);
    expect(scoresById(index, "INTERPOL Singapore 190 élections")).toEqual(before);
  });

  it("keeps statistics exact: after removals, scores equal a fresh index of the rest", () => {
    const documents = Array.from({ length: 3300 }, (_, n) =>
      document(`d${n}`, `word${n % 7} word${n % 11} shared ${n % 5 === 0 ? "rare" : "common"} n${n}`),
    );
    const kept = (n: number) => n % 3 === 1;
    const index = textIndex(documents);
    // 2,200 removals against 1,100 live documents: enough to trigger compaction of the postings.
    documents.forEach((each, n) => {
      if (!kept(n)) index.remove(each.id);
    });
    const fresh = textIndex(documents.filter((_, n) => kept(n)));
    for (const query of ["rare shared", "word3 word5", "common n7"]) {
      const expected = fresh.search(query, { limit: 50 });
      const actual = index.search(query, { limit: 50 });
      expect(actual.map((hit) => hit.id)).toEqual(expected.map((hit) => hit.id));
      actual.forEach((hit, position) => {
        expect(hit.score).toBeCloseTo(expected[position]?.score ?? 0, 12);
      });
    }
    expect(index.idf("rare")).toBeCloseTo(fresh.idf("rare"), 12);
    expect(index.search("n0")).toEqual([]);
    index.add(document("late", "rare shared n0"));
    fresh.add(document("late", "rare shared n0"));
    expect(index.search("rare shared n0", { limit: 5 })).toEqual(
      fresh.search("rare shared n0", { limit: 5 }),
    );
  });

  it("replaces a document added again under the same id", () => {
    const index = textIndex([document("a", "old text"), document("b", "other")]);
    index.add(document("a", "new text"));
    expect(index.size).toBe(2);
    expect(index.search("old")).toEqual([]);
    expect(index.search("new")[0]?.id).toBe("a");
  });

  it("reports removal of unknown ids", () => {
    expect(textIndex(NEWS).remove("nope")).toBe(false);
  });
});

describe("configuration", () => {
  it("rejects an index without fields or with bad parameters", () => {
    const attempts = [
      () => new SearchIndex({ fields: {} }),
      () => new SearchIndex({ fields: { text: { boost: 0 } } }),
      () => new SearchIndex({ fields: { text: {} }, b: 2 }),
      () => new SearchIndex({ fields: { text: {} }, k1: -1 }),
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow();
      try {
        attempt();
      } catch (error) {
        expect(isBriefingError(error) && error.code).toBe("CONFIG_INVALID");
      }
    }
  });
});
