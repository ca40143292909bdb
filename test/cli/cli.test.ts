import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerJsonSchema, citationProblems } from "../support/answer-contract.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { runCli } from "../support/run-cli.ts";
import { SEEDS_DIRECTORY } from "../support/seed-library.ts";

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "briefbot-cli-"));
});

describe("briefbot ask", () => {
  it("answers from the bundled seeds with the exact JSON contract", async () => {
    const result = await runCli(["ask", "--json", "What will Trend Micro provide?"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const answer = answerJsonSchema.parse(JSON.parse(result.stdout));
    expect(answer.status).toBe("answered");
    expect(citationProblems(answer)).toEqual([]);
    expect(Object.keys(answer)).toEqual(["question", "status", "bullets", "sources"]);
  });

  it("prints readable bullets, markers and a source list in a terminal", async () => {
    const result = await runCli(["ask", "Who is the CEO of Trend Micro?"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^• .*Eva Chen.*\[\d+\]/mu);
    expect(result.stdout).toMatch(/Sources\n\[1\] /u);
  });

  it("answers no_evidence with a message for what the seeds do not hold", async () => {
    const result = await runCli(["ask", "--json", "What did Microsoft announce about Windows licensing?"]);
    const answer = answerJsonSchema.parse(JSON.parse(result.stdout));
    expect(answer).toMatchObject({ status: "no_evidence", bullets: [], sources: [] });
    expect(answer.message?.length).toBeGreaterThan(10);
  });

  it("reads an explicit --corpus instead of the seeds", async () => {
    const corpus = join(scratch, "corpus.jsonl");
    await writeFile(
      corpus,
      `${JSON.stringify({ id: "w1", title: "Weather", text: "The Rotterdam harbour closed on Monday because of a heavy storm with winds of 120 km/h. Ships waited outside the port.", language: "en" })}\n`,
    );
    const result = await runCli([
      "ask",
      "--json",
      "--corpus",
      corpus,
      "Why did the Rotterdam harbour close?",
    ]);
    const answer = answerJsonSchema.parse(JSON.parse(result.stdout));
    expect(answer.status).toBe("answered");
    expect(answer.sources.every((source) => source.articleId === "w1")).toBe(true);
  });

  it("answers a batch, one JSON line per question with its id, reporting a broken line", async () => {
    const batch = join(scratch, "questions.jsonl");
    await writeFile(
      batch,
      [
        JSON.stringify({ id: "q1", question: "Who is the CEO of Trend Micro?" }),
        "{broken",
        JSON.stringify({ id: 7, question: "What did Microsoft announce about Windows licensing?" }),
        JSON.stringify({ id: "q3", question: "" }),
      ].join("\n"),
    );
    const result = await runCli(["ask", "--batch", batch]);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: "q1", status: "answered" });
    expect(lines[1]).toMatchObject({ id: null, error: { code: "MALFORMED_INPUT" } });
    expect(lines[1].error.message).toContain("questions.jsonl:2");
    expect(lines[2]).toMatchObject({ id: 7, status: "no_evidence" });
    expect(lines[3]).toMatchObject({ id: "q3", error: { code: "INVALID_QUESTION" } });
    expect(result.code).toBe(1);
  });

  it("rejects an empty question and a 10,000-character one with exit code 2", async () => {
    const empty = await runCli(["ask", ""]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/empty/);
    const huge = await runCli(["ask", "x".repeat(10_000)]);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toMatch(/10,000 characters/);
  });
});

describe("briefbot search and articles", () => {
  it("prints search hits in the JSON contract, limited", async () => {
    const result = await runCli(["search", "--json", "--limit", "3", "Singapore"]);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout);
    expect(Object.keys(body)).toEqual(["query", "hits"]);
    expect(body.query).toBe("Singapore");
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits.length).toBeLessThanOrEqual(3);
    for (const hit of body.hits) {
      expect(Object.keys(hit).sort()).toEqual(["articleId", "passageId", "score", "text"]);
    }
    const scores = body.hits.map((hit: { score: number }) => hit.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("lists the seed articles", async () => {
    const result = await runCli(["articles", "--json"]);
    const body = JSON.parse(result.stdout);
    expect(body.articles).toHaveLength(5);
  });

  it("names an unknown command and exits 2", async () => {
    const result = await runCli(["frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown command "frobnicate"/);
  });

  it("prints the usage for help", async () => {
    const result = await runCli(["help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/briefbot ask/u);
  });

  it("colours a terminal's output unless NO_COLOR is set, and shows a progress bar on a terminal's stderr", async () => {
    const coloured = await runCli(["articles"], { NO_COLOR: "" }, { stdout: true });
    expect(coloured.stdout).toContain("\u001b[");
    const plain = await runCli(["articles"], {}, { stdout: true });
    expect(plain.stdout).not.toContain("\u001b[");

    const folder = join(scratch, "many");
    await mkdir(folder);
    for (let n = 0; n < 20; n++) {
      await writeFile(
        join(folder, `note-${n}.txt`),
        `Note ${n}\n\nThe harbour of Rotterdam reopened after storm ${n}.`,
      );
    }
    const ingested = await runCli(["ingest", folder], {}, { stderr: true });
    expect(ingested.code).toBe(0);
    expect(ingested.stderr).toContain("ingesting [");
    expect(ingested.stderr).toContain("20/20 files");
  });
});

describe("briefbot ingest into Redis", () => {
  let redis: ThrowawayRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("stores articles once, reports bad files, and answers from the store", async () => {
    const env = { REDIS_URL: redis.url, BRIEFBOT_NAMESPACE: "cli-test" };
    const bad = join(scratch, "empty.txt");
    await writeFile(bad, "");
    const first = await runCli(["ingest", "--json", SEEDS_DIRECTORY, bad], env);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report.stored).toEqual({ added: 5, updated: 0, unchanged: 0 });
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0].code).toBe("EMPTY_INPUT");
    expect(first.stderr).toContain("empty.txt");

    const again = JSON.parse((await runCli(["ingest", "--json", SEEDS_DIRECTORY], env)).stdout);
    expect(again.stored).toEqual({ added: 0, updated: 0, unchanged: 5 });

    const answer = answerJsonSchema.parse(
      JSON.parse((await runCli(["ask", "--json", "Who is the CEO of Trend Micro?"], env)).stdout),
    );
    expect(answer.status).toBe("answered");
  });

  it("says clearly when Redis cannot be reached", async () => {
    const result = await runCli(["ask", "Who?"], { REDIS_URL: "redis://127.0.0.1:1" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cannot reach Redis at redis:\/\/127.0.0.1:1/);
  });

  it("names a malformed REDIS_URL", async () => {
    const result = await runCli(["ask", "Who?"], { REDIS_URL: "http://nope" });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/REDIS_URL/);
  });
});
