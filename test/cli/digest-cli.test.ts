import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { hostileArticles } from "../support/hostile-article.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { runCli } from "../support/run-cli.ts";
import { SEEDS_DIRECTORY } from "../support/seed-library.ts";

const cited = z.object({ text: z.string().min(1), citations: z.array(z.number().int().positive()).min(1) });
const source = z.object({
  n: z.number().int().positive(),
  articleId: z.string(),
  title: z.string(),
  language: z.string(),
  passage: z.string(),
});
const digestJson = z.object({
  stories: z.array(
    z.object({ headline: z.string().min(1), summary: z.array(cited), sources: z.array(source) }),
  ),
});
const summaryJson = z.object({ summary: z.string(), sentences: z.array(cited), sources: z.array(source) });

const flat = (text: string) => text.replace(/\s+/gu, " ").trim();

/** Every sentence occurs in the passage of each source it cites; citations point at listed sources. */
function expectTrueCitations(sentences: z.infer<typeof cited>[], sources: z.infer<typeof source>[]): void {
  for (const sentence of sentences) {
    for (const n of sentence.citations) {
      const cited = sources.find((candidate) => candidate.n === n);
      expect(cited, `source [${n}]`).toBeDefined();
      expect(flat(cited?.passage ?? "")).toContain(flat(sentence.text));
    }
  }
}

describe("briefbot digest and summarize", () => {
  it("digests the seeds into one or two stories, each citing articles in two languages or more", async () => {
    const result = await runCli(["digest", "--json"]);
    expect(result.code).toBe(0);
    const digest = digestJson.parse(JSON.parse(result.stdout));
    expect(digest.stories.length).toBeGreaterThanOrEqual(1);
    expect(digest.stories.length).toBeLessThanOrEqual(2);
    for (const story of digest.stories) {
      expect(story.summary.length).toBeLessThanOrEqual(3);
      expectTrueCitations(story.summary, story.sources);
      const citedLanguages = new Set(
        story.summary.flatMap((sentence) =>
          sentence.citations.map((n) => story.sources.find((s) => s.n === n)?.language),
        ),
      );
      expect(citedLanguages.size).toBeGreaterThanOrEqual(2);
    }
    const text = await runCli(["digest"]);
    expect(text.stdout).toMatch(/^1\. .+ \d sources · /mu);
  });

  it("summarizes a corpus within a word budget, every sentence cited truly", async () => {
    const result = await runCli(["summarize", "--corpus", SEEDS_DIRECTORY, "--words", "60", "--json"]);
    expect(result.code).toBe(0);
    const summary = summaryJson.parse(JSON.parse(result.stdout));
    expect(summary.sentences.length).toBeGreaterThan(0);
    const words = summary.sentences.reduce((sum, s) => sum + s.text.split(/\s+/u).length, 0);
    expect(words).toBeLessThanOrEqual(60);
    expectTrueCitations(summary.sentences, summary.sources);
    expect(summary.summary).toContain(summary.sentences[0]?.text ?? "?");
  });

  it("refuses a bad --since or --words with usage, and has nothing new for old seeds in the last day", async () => {
    expect((await runCli(["digest", "--since", "soon"])).code).toBe(2);
    expect((await runCli(["digest", "--since", "0h"])).stderr).toMatch(/--since takes a duration/u);
    expect((await runCli(["summarize", "--words", "3"])).code).toBe(2);
    const recent = await runCli(["digest", "--since", "24h", "--json"]);
    expect(recent.code).toBe(0);
    expect(JSON.parse(recent.stdout)).toEqual({ stories: [], articleCount: 0 });
  });
});

describe("briefbot digest over the Redis store", () => {
  let redis: ThrowawayRedis;
  let scratch: string;
  beforeAll(async () => {
    redis = await startRedis();
    scratch = await mkdtemp(join(tmpdir(), "briefbot-digest-cli-"));
  });
  afterAll(async () => {
    await redis?.stop();
    await rm(scratch, { recursive: true, force: true });
  });

  it("covers what arrived in the window, and summarizes a topic of the store", async () => {
    const env = { REDIS_URL: redis.url, BRIEFBOT_NAMESPACE: "digest-cli" };
    const hostile = join(scratch, "hostile.jsonl");
    const [article] = hostileArticles();
    await writeFile(
      hostile,
      `${JSON.stringify({ id: "hostile-harbour", title: article?.article.title, text: article?.article.text, language: "en" })}\n`,
    );
    expect((await runCli(["ingest", SEEDS_DIRECTORY, hostile], env)).code).toBe(0);
    const digest = digestJson.parse(JSON.parse((await runCli(["digest", "--json"], env)).stdout));
    const ids = digest.stories.flatMap((story) => story.sources.map((s) => s.articleId));
    expect(ids).toContain("hostile-harbour");
    expect(new Set(ids).size).toBe(6);

    const summary = summaryJson.parse(
      JSON.parse((await runCli(["summarize", "harbour storm", "--json"], env)).stdout),
    );
    expect(summary.sources.map((s) => s.articleId)).toEqual(["hostile-harbour"]);
  });
});
