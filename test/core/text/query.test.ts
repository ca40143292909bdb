import { describe, expect, it } from "vitest";
import { analyzeQuery, STOPWORD_ELSEWHERE_WEIGHT } from "../../../src/core/text/query.ts";

const LANGUAGES = ["en", "nl", "fr"];

function termsOf(query: string, likelyLanguage?: string) {
  const options = likelyLanguage === undefined ? {} : { likelyLanguage };
  return analyzeQuery(query, LANGUAGES, options);
}

describe("analyzeQuery", () => {
  it("analyzes each word for every language", () => {
    const [elections] = termsOf("élections", "fr");
    expect(elections?.byLanguage.get("fr")).toBe("elect");
    expect(elections?.byLanguage.get("en")).toBe("elect");
    expect(elections?.byLanguage.get("nl")).toBeDefined();
    expect(elections?.variants).toEqual([...new Set(elections?.byLanguage.values())]);
  });

  it("keeps names and numbers identical across languages", () => {
    const terms = termsOf("INTERPOL 190", "en");
    expect(terms.map((term) => term.variants)).toEqual([["interpol"], ["190"]]);
    expect(terms[0]?.byLanguage.size).toBe(3);
  });

  it("drops stopwords of the likely language", () => {
    expect(termsOf("Where is the INTERPOL Global Complex?", "en").map((term) => term.surface)).toEqual([
      "INTERPOL",
      "Global",
      "Complex",
    ]);
    expect(termsOf("door", "nl")).toEqual([]);
  });

  it("keeps a word that is a stopword only elsewhere, without the variant of that language", () => {
    const [door] = termsOf("door", "en");
    expect(door?.byLanguage.has("nl")).toBe(false);
    expect(door?.byLanguage.get("en")).toBe("door");
    expect(door?.weight).toBe(1);
  });

  it("down-weights probable function words when the language is unknown", () => {
    const [the, cancer] = termsOf("the cancer");
    expect(the?.weight).toBe(STOPWORD_ELSEWHERE_WEIGHT);
    expect(the?.byLanguage.has("en")).toBe(false);
    expect(cancer?.weight).toBe(1);
  });

  it("merges repeated words into one weighted term", () => {
    const terms = termsOf("cancer Cancer", "en");
    expect(terms).toHaveLength(1);
    expect(terms[0]?.weight).toBe(2);
  });

  it("gives each hyphen part and the compound a term of its own", () => {
    expect(termsOf("cyber-threat", "en").map((term) => term.byLanguage.get("en"))).toEqual([
      "cyber",
      "threat",
      "cyberthreat",
    ]);
  });

  it("keeps the surface form of elided words", () => {
    expect(termsOf("l'économie", "fr").map((term) => term.surface)).toEqual(["économie"]);
  });

  it("returns [] for empty and stopword-only queries", () => {
    expect(termsOf("")).toEqual([]);
    expect(termsOf("  ?! ")).toEqual([]);
    expect(termsOf("what is the", "en")).toEqual([]);
  });

  it("analyzes unsupported languages with the neutral analyzer", () => {
    const [word] = analyzeQuery("Häuser", ["sw", "und"]);
    expect(word?.byLanguage.get("sw")).toBe("hauser");
    expect(word?.byLanguage.get("und")).toBe("hauser");
  });
});
