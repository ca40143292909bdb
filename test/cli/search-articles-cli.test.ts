import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";

interface Hit {
  articleId: string;
  passageId: string;
  score: number;
  text: string;
}

let scratch: string;
let corpus: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "briefbot-search-"));
  corpus = join(scratch, "corpus.jsonl");
  const harbour = (n: number) =>
    `The harbour of Rotterdam reopened after storm ${n}. Ships waited in the harbour for days.`;
  const lines = [
    // BEIR's `_id` is read as the article id; the title is ranked with the text.
    { _id: "MED-1", title: "Harbour closures", text: [1, 2, 3].map(harbour).join("\n\n") },
    {
      _id: "MED-2",
      title: "Storm damage",
      text: "A storm damaged the harbour cranes.\n\nRepairs take weeks.",
    },
    { _id: "MED-3", title: "Rail strike", text: "Trains stopped across the country for two days." },
  ];
  await writeFile(corpus, lines.map((line) => JSON.stringify({ ...line, language: "en" })).join("\n"));
});

describe("briefbot search: one hit per article", () => {
  it("returns distinct articles, each with its best passage, best first", async () => {
    const result = await runCli(["search", "--json", "--corpus", corpus, "harbour storm"]);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as { query: string; hits: Hit[] };
    expect(Object.keys(body)).toEqual(["query", "hits"]);
    const ids = body.hits.map((hit) => hit.articleId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 2).sort()).toEqual(["MED-1", "MED-2"]);
    for (const hit of body.hits) expect(hit.passageId.startsWith(hit.articleId)).toBe(true);
    expect(body.hits.find((hit) => hit.articleId === "MED-2")?.text).toMatch(/storm damaged/u);
  });

  it("--passages keeps passage-level hits, several per article", async () => {
    const result = await runCli(["search", "--json", "--passages", "--corpus", corpus, "harbour Rotterdam"]);
    const body = JSON.parse(result.stdout) as { hits: Hit[] };
    expect(body.hits.filter((hit) => hit.articleId === "MED-1").length).toBeGreaterThan(1);
  });

  it("ranks an article whose title alone holds the query word", async () => {
    const result = await runCli(["search", "--json", "--corpus", corpus, "closures"]);
    const body = JSON.parse(result.stdout) as { hits: Hit[] };
    expect(body.hits.map((hit) => hit.articleId)).toEqual(["MED-1"]);
  });

  it("answers a search batch one article per hit, and with --passages per passage", async () => {
    const batch = join(scratch, "queries.jsonl");
    await writeFile(batch, `${JSON.stringify({ id: "q1", query: "harbour" })}\n`);
    const articles = await runCli(["search", "--batch", batch, "--corpus", corpus, "--limit", "5"]);
    const byArticle = JSON.parse(articles.stdout) as { id: string; hits: Hit[] };
    expect(byArticle.id).toBe("q1");
    const ids = byArticle.hits.map((hit) => hit.articleId);
    expect(new Set(ids).size).toBe(ids.length);
    const passages = await runCli([
      "search",
      "--batch",
      batch,
      "--passages",
      "--corpus",
      corpus,
      "--limit",
      "5",
    ]);
    const byPassage = JSON.parse(passages.stdout) as { hits: Hit[] };
    expect(byPassage.hits.length).toBeGreaterThan(ids.length);
  });

  it("refuses --passages with ask", async () => {
    const result = await runCli(["ask", "--passages", "What reopened?"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--passages goes with search/u);
  });
});
