import { describe, expect, it } from "vitest";
import { validateQuestion } from "../../../src/core/answer/question.ts";
import { parseDocument } from "../../../src/core/ingest/index.ts";
import { Library } from "../../../src/core/library.ts";
import { citationProblems } from "../../support/answer-contract.ts";

function libraryOf(
  articles: Array<{ id: string; title: string; text: string; language: string; source?: string }>,
) {
  const jsonl = articles.map((article) => JSON.stringify(article)).join("\n");
  const library = new Library();
  library.add(parseDocument({ name: "test.jsonl", content: new TextEncoder().encode(jsonl) }).articles);
  return library;
}

const harbour = libraryOf([
  {
    id: "wire-a",
    title: "Storm shuts Rotterdam port",
    source: "Wire A",
    language: "en",
    text: "The port of Rotterdam closed all terminals on Monday because of a storm with winds of 120 km/h. Dock workers were sent home early.",
  },
  {
    id: "wire-b",
    title: "Rotterdam port closed",
    source: "Wire B",
    language: "en",
    text: "All terminals of the port of Rotterdam closed on Monday because of a storm, with winds reaching 120 km/h. Ferries to Hull were cancelled.",
  },
  {
    id: "paper-c",
    title: "Havenbedrijf sluit terminals",
    source: "Krant C",
    language: "nl",
    text: "De haven van Rotterdam sloot maandag alle terminals vanwege een storm met windsnelheden van 120 km/u. Veerboten naar Hull voeren niet.",
  },
]);

describe("fact grouping", () => {
  it("states a fact reported by several articles once, citing all of them", () => {
    const answer = harbour.ask(validateQuestion("Why did the port of Rotterdam close its terminals?"));
    expect(answer.status).toBe("answered");
    expect(citationProblems(answer)).toEqual([]);
    const first = answer.bullets[0];
    const citedArticles = new Set(first?.citations.map((n) => answer.sources[n - 1]?.articleId));
    expect(citedArticles.has("wire-a")).toBe(true);
    expect(citedArticles.has("wire-b")).toBe(true);
    const stormBullets = answer.bullets.filter((bullet) => /storm/i.test(bullet.text));
    expect(stormBullets).toHaveLength(1);
  });

  it("keeps different facts in different bullets", () => {
    const answer = harbour.ask(
      validateQuestion("What happened at the port of Rotterdam on Monday, and to the ferries to Hull?"),
    );
    const texts = answer.bullets.map((bullet) => bullet.text).join("\n");
    expect(texts).toMatch(/storm/);
    expect(texts).toMatch(/Ferries|Veerboten/);
  });

  it("leads with a sentence in the question's language", () => {
    const dutch = harbour.ask(validateQuestion("Waarom sloot de haven van Rotterdam maandag de terminals?"));
    const first = dutch.bullets[0];
    expect(dutch.sources[(first?.citations[0] ?? 0) - 1]?.language).toBe("nl");
    expect(first?.text).toMatch(/haven van Rotterdam/);
  });

  it("shows only sources a bullet uses, each once", () => {
    const answer = harbour.ask(validateQuestion("Why did the port of Rotterdam close its terminals?"));
    const cited = new Set(answer.bullets.flatMap((bullet) => bullet.citations));
    expect(answer.sources.map((source) => source.n)).toEqual([...cited].sort((a, b) => a - b));
    expect(new Set(answer.sources.map((source) => source.passageId)).size).toBe(answer.sources.length);
  });
});

const museum = libraryOf([
  {
    id: "daily",
    title: "New wing for the city museum",
    language: "en",
    text: "Architect Lina Moreau, director of the Harbour Museum since 2019, opened the new wing on Friday. The wing has four galleries.",
  },
  {
    id: "weekly",
    title: "Museum chief looks ahead",
    language: "en",
    text: '"We want every school in the region to visit," said Lina Moreau, director at the Harbour Museum. Tickets stay free for children.',
  },
  {
    id: "gazette",
    title: "Museum budget approved",
    language: "en",
    text: "The council approved the budget of the Harbour Museum, whose director Lina Moreau had asked for more staff. Parking near the museum will be extended.",
  },
]);

describe("one answer, several wordings", () => {
  it("gives one bullet citing every article that names the same answer beside the question's words", () => {
    const answer = museum.ask(validateQuestion("Who is the director of the Harbour Museum?"));
    expect(answer.status).toBe("answered");
    expect(citationProblems(answer)).toEqual([]);
    expect(answer.bullets[0]?.text).toMatch(/Lina Moreau/);
    const cited = new Set(answer.bullets[0]?.citations.map((n) => answer.sources[n - 1]?.articleId));
    expect(cited).toEqual(new Set(["daily", "weekly", "gazette"]));
    expect(answer.bullets.filter((bullet) => /Lina Moreau/.test(bullet.text))).toHaveLength(1);
  });
});
