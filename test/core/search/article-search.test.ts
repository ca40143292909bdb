import { describe, expect, it } from "vitest";
import { questionLanguageWeights } from "../../../src/core/answer/question-language.ts";
import { parseDocument } from "../../../src/core/ingest/index.ts";
import { Library } from "../../../src/core/library.ts";
import { SearchIndex } from "../../../src/core/search/search-index.ts";
import { detectLanguage, languageScores } from "../../../src/core/text/language.ts";
import { analyzeQuery } from "../../../src/core/text/query.ts";

function library(lines: object[]): Library {
  const content = new TextEncoder().encode(lines.map((line) => JSON.stringify(line)).join("\n"));
  const parsed = parseDocument({ name: "corpus.jsonl", content });
  expect(parsed.problems).toEqual([]);
  const result = new Library();
  result.add(parsed.articles);
  return result;
}

describe("Library.searchArticles", () => {
  const corpus = () =>
    library([
      {
        id: "a",
        title: "Port news",
        text: "The port reopened.\n\nCranes were repaired at the port.\n\nThe port authority met.",
        language: "en",
      },
      { id: "b", title: "Cranes", text: "New cranes arrived in the city.", language: "en" },
    ]);

  it("returns each article once, with the passage that matches best", () => {
    const hits = corpus().searchArticles("port cranes", 10);
    expect(hits.map((hit) => hit.articleId).sort()).toEqual(["a", "b"]);
    expect(hits.find((hit) => hit.articleId === "a")?.text).toBe("Cranes were repaired at the port.");
  });

  it("forgets a removed article", () => {
    const lib = corpus();
    lib.remove("b");
    expect(lib.searchArticles("cranes", 10).map((hit) => hit.articleId)).toEqual(["a"]);
  });

  it("finds an article by its title, showing its first passage when no passage matches", () => {
    const hits = corpus().searchArticles("news", 10);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ articleId: "a", text: "The port reopened." });
  });
});

describe("SearchIndex.scoreIds", () => {
  it("gives the chosen documents the scores a full search gives them", () => {
    const index = new SearchIndex({ fields: { title: { boost: 2 }, text: {} } });
    const texts = [
      "the harbour reopened after the storm",
      "storm damage in the harbour and the port",
      "a rail strike stopped trains",
      "le port a rouvert après la tempête",
      "harbour harbour harbour cranes",
    ];
    for (const [n, text] of texts.entries()) {
      index.add({ id: `d${n}`, language: n === 3 ? "fr" : "en", fields: { title: `doc ${n}`, text } });
    }
    index.remove("d2");
    const terms = analyzeQuery("harbour storm port", ["en", "fr"], {
      languageWeights: new Map([
        ["en", 1],
        ["fr", 0.3],
      ]),
    });
    const full = index.search(terms, { limit: 10 });
    const chosen = ["d4", "d0", "d3", "d2", "missing"];
    const scored = index.scoreIds(terms, chosen);
    const expected = full.filter((hit) => chosen.includes(hit.id));
    expect(scored.map((hit) => hit.id)).toEqual(expected.map((hit) => hit.id));
    for (const [n, hit] of scored.entries()) expect(hit.score).toBeCloseTo(expected[n]?.score ?? 0, 10);
  });
});

describe("query language weights", () => {
  it("weighs the other language of an English question far below English", () => {
    const weights = questionLanguageWeights(
      "What did the agency announce about the training programme?",
      ["en", "fr"],
      detectLanguage,
      languageScores,
    );
    expect(weights?.get("en")).toBe(1);
    expect(weights?.get("fr")).toBeLessThan(0.2);
  });

  it("gives no weights with one language", () => {
    expect(questionLanguageWeights("What happened?", ["en"], detectLanguage, languageScores)).toBeUndefined();
  });

  it("keeps names, numbers, acronyms and words spelled alike at full weight in every language", () => {
    const languageWeights = new Map([
      ["en", 1],
      ["fr", 0.05],
    ]);
    const terms = analyzeQuery("When did Interpol open the IGCI in 2015 for training?", ["en", "fr"], {
      languageWeights,
    });
    const shares = (surface: string) => terms.find((term) => term.surface === surface)?.languageWeights;
    for (const linking of ["Interpol", "IGCI", "2015"]) expect(shares(linking)).toBeUndefined();
    expect(shares("training")?.get("fr")).toBe(0.05);
    expect(shares("training")?.get("en")).toBe(1);
    // "open" is spelled and stemmed alike in both analyzers: the French documents count in full.
    expect(shares("open")?.get("fr")).toBe(1);
  });

  it("scores a word in each document's language times that language's share", () => {
    const index = new SearchIndex({ fields: { text: {} } });
    index.add({ id: "en", language: "en", fields: { text: "opened in 2015" } });
    index.add({ id: "fr", language: "fr", fields: { text: "ouvert en 2015" } });
    const byLanguage = new Map([
      ["en", "2015"],
      ["fr", "2015"],
    ]);
    const term = { surface: "2015", byLanguage, variants: ["2015"], weight: 1 };
    const languageWeights = new Map([
      ["en", 1],
      ["fr", 0.25],
    ]);
    const full = index.search([term]);
    const weighed = index.search([{ ...term, languageWeights }]);
    const score = (hits: typeof full, id: string) => hits.find((hit) => hit.id === id)?.score ?? 0;
    expect(score(weighed, "en")).toBeCloseTo(score(full, "en"));
    expect(score(weighed, "fr")).toBeCloseTo(0.25 * score(full, "fr"));
  });
});
