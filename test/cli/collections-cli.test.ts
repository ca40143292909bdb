import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerJsonSchema } from "../support/answer-contract.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { runCli } from "../support/run-cli.ts";
import { SEEDS_DIRECTORY } from "../support/seed-library.ts";

let redis: ThrowawayRedis;
let teamFile: string;
const env = () => ({ REDIS_URL: redis.url, BRIEFBOT_NAMESPACE: "cli-collections" });

beforeAll(async () => {
  redis = await startRedis();
  const scratch = await mkdtemp(join(tmpdir(), "briefbot-collections-"));
  teamFile = join(scratch, "team.jsonl");
  const row = {
    id: "team-memo",
    title: "Trend Micro names a new chief executive",
    text: "Trend Micro named Jan Pieters its new CEO on Monday. Jan Pieters led the Lyon office before.",
    language: "en",
  };
  await writeFile(teamFile, JSON.stringify(row));
});

afterAll(async () => {
  await redis?.stop();
});

async function json(args: string[]): Promise<unknown> {
  const result = await runCli(args, env());
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe("briefbot --collection and collections", () => {
  it("ingests into shared by default and into a named collection with --collection", async () => {
    const question = "Who is the CEO of Trend Micro?";
    expect(await json(["ingest", "--json", SEEDS_DIRECTORY])).toMatchObject({ stored: { added: 5 } });
    const sharedOnly = await runCli(["ask", "--json", question], env());
    expect(await json(["ingest", "--json", "--collection", "Team-A", teamFile])).toMatchObject({
      stored: { added: 1 },
    });

    const shared = await runCli(["ask", "--json", "--collection", "shared", question], env());
    expect(shared.stdout).not.toMatch(/team-memo|Pieters/u);
    expect(Object.keys(JSON.parse(shared.stdout))).toEqual(Object.keys(JSON.parse(sharedOnly.stdout)));
    const team = answerJsonSchema.parse(await json(["ask", "--json", "--collection", "team-a", question]));
    expect(team.sources.map((source) => source.articleId)).toEqual(["team-memo"]);

    const hits = (await json(["search", "--json", "--collection", "shared", "chief executive Pieters"])) as {
      hits: Array<{ articleId: string }>;
    };
    expect(hits.hits.map((hit) => hit.articleId)).not.toContain("team-memo");
  });

  it("lists collections with counts; the same content in another collection is one article in both", async () => {
    expect(await json(["ingest", "--json", "--collection", "team-b", teamFile])).toMatchObject({
      stored: { added: 0, updated: 1, unchanged: 0 },
    });
    expect(await json(["collections", "--json"])).toEqual({
      collections: [
        { name: "shared", articles: 5, channels: ["*"] },
        { name: "team-a", articles: 1, channels: [] },
        { name: "team-b", articles: 1, channels: [] },
      ],
    });
    const listed = (await json(["articles", "--json", "--collection", "team-b"])) as {
      articles: Array<{ id: string; collections?: string[] }>;
    };
    expect(listed.articles.map((article) => [article.id, article.collections])).toEqual([
      ["team-memo", ["team-a", "team-b"]],
    ]);
    const shared = (await json(["articles", "--json", "--collection", "shared"])) as {
      articles: Array<Record<string, unknown>>;
    };
    expect(shared.articles).toHaveLength(5);
    for (const article of shared.articles) expect(article).not.toHaveProperty("collections");
    const text = await runCli(["collections"], env());
    expect(text.stdout).toMatch(/^shared\s+5 articles; seen by every channel$/mu);
  });

  it("summarizes and digests only the collections asked for", async () => {
    const summary = (await json(["summarize", "--json", "--collection", "team-a"])) as {
      sources: Array<{ articleId: string }>;
    };
    expect(summary.sources.map((source) => source.articleId)).toEqual(["team-memo"]);
    const digest = JSON.stringify(
      await json(["digest", "--json", "--since", "7d", "--collection", "shared"]),
    );
    expect(digest).not.toMatch(/team-memo/u);
  });

  it("refuses a bad collection name and two collections for one ingest", async () => {
    const bad = await runCli(["ask", "--collection", "no spaces!", "What?"], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a collection name/u);
    const two = await runCli(["ingest", "--collection", "a", "--collection", "b", teamFile], env());
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/one --collection/u);
  });
});
