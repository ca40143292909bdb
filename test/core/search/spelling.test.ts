import { describe, expect, it } from "vitest";
import { editBudget, editDistance, SpellingCorrector } from "../../../src/core/search/spelling.ts";
import { analyzeQuery } from "../../../src/core/text/query.ts";

function vocabulary(frequencies: Record<string, number>) {
  const counts = new Map(Object.entries(frequencies));
  const terms = [...counts.keys()];
  return {
    add(term: string, frequency: number) {
      counts.set(term, frequency);
      terms.push(term);
    },
    terms: () => terms,
    documentFrequency: (term: string) => counts.get(term) ?? 0,
  };
}

describe("editBudget", () => {
  it("allows no edit up to 4 letters, one up to 7, two beyond", () => {
    expect([3, 4, 5, 7, 8, 12].map(editBudget)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions and swapped neighbours as one edit", () => {
    expect(editDistance("complx", "complex", 2)).toBe(1);
    expect(editDistance("inovation", "innovation", 2)).toBe(1);
    expect(editDistance("micor", "micro", 2)).toBe(1);
  });

  it("counts a slip to a neighbouring key or another vowel as one edit, another letter as two", () => {
    expect(editDistance("trwnd", "trend", 2)).toBe(1);
    expect(editDistance("seperate", "separate", 2)).toBe(1);
    expect(editDistance("mardware", "hardware", 2)).toBe(2);
  });

  it("stops past the limit", () => {
    expect(editDistance("abcdef", "uvwxyz", 1)).toBe(2);
    expect(editDistance("short", "much longer", 2)).toBe(3);
  });
});

describe("SpellingCorrector", () => {
  it("suggests the closest known term, the most frequent among equally close ones", () => {
    const corrector = new SpellingCorrector(vocabulary({ complex: 5, compex: 0, complet: 9, convex: 3 }));
    expect(corrector.suggest("complx", 1)).toBe("complex");
    expect(corrector.suggest("comple", 1)).toBe("complet");
  });

  it("suggests nothing for a known term, a number, a zero budget or a word with no close term", () => {
    const corrector = new SpellingCorrector(vocabulary({ complex: 5, 2013: 4 }));
    expect(corrector.suggest("complex", 1)).toBeUndefined();
    expect(corrector.suggest("2014", 1)).toBeUndefined();
    expect(corrector.suggest("complx", 0)).toBeUndefined();
    expect(corrector.suggest("revenue", 1)).toBeUndefined();
  });

  it("keeps the first letter and needs a short word's suggestion in two documents", () => {
    const corrector = new SpellingCorrector(vocabulary({ opzet: 1, xomplex: 9, innovation: 1 }));
    expect(corrector.suggest("omzet", 1)).toBeUndefined();
    expect(corrector.suggest("complex", 1)).toBeUndefined();
    expect(corrector.suggest("inovation", 2)).toBe("innovation");
  });

  it("learns the terms the vocabulary gains", () => {
    const words = vocabulary({ alpha: 3 });
    const corrector = new SpellingCorrector(words);
    expect(corrector.suggest("complx", 1)).toBeUndefined();
    words.add("complex", 2);
    expect(corrector.suggest("complx", 1)).toBe("complex");
  });

  it("corrects each language's form of an unknown query word and lowers its weight", () => {
    const corrector = new SpellingCorrector(vocabulary({ complex: 4, innov: 6, global: 3 }));
    const query = analyzeQuery("Global Complx for Inovation", ["en", "nl"], { likelyLanguage: "en" });
    const corrected = corrector.correct(query);
    const complx = corrected.find((term) => term.surface === "Complx");
    expect(complx?.variants).toEqual(["complex"]);
    expect(complx?.weight).toBeLessThan(1);
    expect(corrected.find((term) => term.surface === "Inovation")?.variants).toContain("innov");
    expect(corrected.find((term) => term.surface === "Global")).toBe(
      query.find((term) => term.surface === "Global"),
    );
  });
});

describe("compound heads", () => {
  const vocabulary = (frequencies: Record<string, number>) => ({
    terms: () => Object.keys(frequencies),
    documentFrequency: (term: string) => frequencies[term] ?? 0,
  });

  it("finds the longest known term a long unknown word starts with", () => {
    const corrector = new SpellingCorrector(vocabulary({ bekend: 1, cybercriminaliteit: 3, cyber: 9 }));
    expect(corrector.compoundHead("bekendgemaakt")).toBe("bekend");
    expect(corrector.compoundHead("cybercriminaliteitsbestrijding")).toBe("cybercriminaliteit");
  });

  it("leaves short words and short or small heads alone", () => {
    const corrector = new SpellingCorrector(vocabulary({ over: 5, overeen: 5, bestrijd: 2 }));
    expect(corrector.compoundHead("overeenk")).toBeUndefined();
    expect(corrector.compoundHead("overnachtingen")).toBeUndefined();
    expect(corrector.compoundHead("bestrijdingsmiddelenverordening")).toBeUndefined();
  });
});
