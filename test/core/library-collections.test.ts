import { describe, expect, it } from "vitest";
import { validateQuestion } from "../../src/core/answer/question.ts";
import { withCollections } from "../../src/core/collections.ts";
import { parseDocument } from "../../src/core/ingest/index.ts";
import { Library } from "../../src/core/library.ts";
import { HashingEmbedder } from "../../src/core/search/hashing-embedder.ts";
import type { IngestedArticle } from "../../src/core/types.ts";
import { articlesOnTopic } from "../../src/flows/digest/topic-articles.ts";
import { embedArticles } from "../../src/flows/ingest/embed-articles.ts";

interface Row {
  id: string;
  title: string;
  text: string;
  collections?: string[];
}

function articlesOf(rows: readonly Row[]): IngestedArticle[] {
  const jsonl = rows
    .map(({ collections: _, ...row }) => JSON.stringify({ ...row, language: "en" }))
    .join("\n");
  const parsed = parseDocument({ name: "test.jsonl", content: new TextEncoder().encode(jsonl) }).articles;
  return parsed.map((ingested, index) => ({
    ...ingested,
    article: withCollections(ingested.article, rows[index]?.collections ?? []),
  }));
}

const secret = (n: number): Row => ({
  id: `secret-${n}`,
  title: `Harbour strike ${n}`,
  text: `The harbour strike in Antwerp stopped every crane on day ${n}. Dockers said the harbour strike would go on.`,
  collections: ["slack:t999:c1"],
});

const ROWS: Row[] = [
  ...Array.from({ length: 40 }, (_, n) => secret(n)),
  {
    id: "visible-news",
    title: "Port news",
    text: "A short strike at the harbour of Ghent ended on Monday. Cranes moved again in the afternoon.",
  },
  {
    id: "team-note",
    title: "Team note",
    text: "Our team reviewed the harbour budget. The budget grows next year.",
    collections: ["slack:t123:c1"],
  },
];

const SHARED = new Set(["shared"]);
const TEAM = new Set(["shared", "slack:t123:c1"]);

function library(): Library {
  const built = new Library();
  built.add(articlesOf(ROWS));
  return built;
}

describe("Library: collections filter inside retrieval", () => {
  it("never cites an article of an invisible collection, even when it matches better", () => {
    const question = validateQuestion("What happened with the harbour strike?");
    const unfiltered = library().ask(question);
    expect(unfiltered.sources.some((source) => source.articleId.startsWith("secret-"))).toBe(true);
    const answer = library().ask(question, { visible: SHARED });
    expect(answer.status).toBe("answered");
    expect(answer.sources.map((source) => source.articleId)).toEqual(["visible-news"]);
  });

  it("fills the top list with visible matches although forty better ones are invisible", () => {
    const built = library();
    const hits = built.search("harbour strike", 3, { visible: TEAM });
    expect(hits.map((hit) => hit.articleId).sort()).toEqual(["team-note", "visible-news"]);
    const articles = built.searchArticles("harbour strike", 3, { visible: SHARED });
    expect(articles.map((hit) => hit.articleId)).toEqual(["visible-news"]);
    const retrieved = built.retrieve(validateQuestion("harbour strike cranes"), {
      limit: 5,
      visible: SHARED,
    });
    expect(retrieved.map((passage) => passage.passage.articleId)).toEqual(["visible-news"]);
  });

  it("sees nothing of a collection it was not given", () => {
    const answer = library().ask(validateQuestion("Who reviewed the harbour budget?"), { visible: SHARED });
    expect(answer.sources.some((source) => source.articleId === "team-note")).toBe(false);
    const hits = library().search("budget", 10, { visible: new Set(["slack:t999:c1"]) });
    expect(hits).toEqual([]);
  });

  it("filters hybrid retrieval (vectors) the same way", async () => {
    const articles = articlesOf(ROWS);
    const built = new Library();
    built.add(articles);
    const embedder = new HashingEmbedder();
    for (const entry of await embedArticles(articles, embedder)) {
      built.setVectors(entry.model, entry.articleId, entry.vectors);
    }
    const [queryVector] = await embedder.embed(["harbour strike Antwerp cranes"]);
    const options = { visible: SHARED, ...(queryVector ? { queryVector } : {}) };
    expect(built.search("harbour strike Antwerp", 5, options).map((hit) => hit.articleId)).toEqual([
      "visible-news",
    ]);
    expect(built.searchArticles("harbour strike Antwerp", 5, options).map((hit) => hit.articleId)).toEqual([
      "visible-news",
    ]);
    const answer = built.ask(validateQuestion("What did the harbour strike in Antwerp stop?"), options);
    expect(answer.sources.every((source) => source.articleId === "visible-news")).toBe(true);
  });

  it("lists, counts and summarizes by collection", () => {
    const built = library();
    expect(built.articles(TEAM).map((article) => article.id)).toEqual(["visible-news", "team-note"]);
    expect(built.articles()).toHaveLength(ROWS.length);
    expect([...built.collections()]).toEqual([
      ["shared", 1],
      ["slack:t123:c1", 1],
      ["slack:t999:c1", 40],
    ]);
    const onTopic = articlesOnTopic(built, "harbour strike", 12, SHARED);
    expect(onTopic.map((ingested) => ingested.article.id)).toEqual(["visible-news"]);
    expect(articlesOnTopic(built, undefined, 12, SHARED)).toHaveLength(1);
  });

  it("takes a collection added to the same content without indexing it again", async () => {
    const [note] = articlesOf(ROWS.slice(-1));
    if (!note) throw new Error("no article");
    const built = new Library();
    built.add([note]);
    const embedder = new HashingEmbedder();
    for (const entry of await embedArticles([note], embedder))
      built.setVectors(entry.model, entry.articleId, entry.vectors);
    const widened = {
      ...note,
      article: withCollections(note.article, ["slack:t123:c1", "discord:g1:c2"]),
    };
    built.add([widened]);
    expect(built.hasVectors(note.article.id)).toBe(true);
    expect(built.search("budget", 5, { visible: new Set(["discord:g1:c2"]) })).toHaveLength(1);
    expect(built.article(note.article.id).collections).toEqual(["discord:g1:c2", "slack:t123:c1"]);
  });
});

describe("Library: what a filtered answer says it searched", () => {
  it("counts only the visible articles, and calls a word only other collections hold missing", () => {
    const built = library();
    expect(built.summary(SHARED)).toEqual({ articleCount: 1, languages: ["en"] });
    expect(built.summary()).toEqual({ articleCount: ROWS.length, languages: ["en"] });
    const answer = built.ask(validateQuestion("When did the dockers in Antwerp strike?"), {
      visible: SHARED,
    });
    expect(answer.status).toBe("no_evidence");
    expect(answer.message).toMatch(/1 article\b/);
    expect(answer.message).toMatch(/"Antwerp"/);
    expect(answer.message).not.toMatch(/42/);
  });
});
