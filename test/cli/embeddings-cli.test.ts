import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerJsonSchema } from "../support/answer-contract.ts";
import { FakeOpenAI } from "../support/fake-openai.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { runCli } from "../support/run-cli.ts";
import { SEEDS_DIRECTORY } from "../support/seed-library.ts";

let redis: ThrowawayRedis;
let openai: FakeOpenAI;

beforeAll(async () => {
  redis = await startRedis();
  openai = await FakeOpenAI.start();
});

afterAll(async () => {
  await openai?.close();
  await redis?.stop();
});

describe("briefbot ingest and ask with an embedding model", () => {
  it("embeds passages once at ingest, stores them with the articles, and embeds each question", async () => {
    const env = {
      REDIS_URL: redis.url,
      BRIEFBOT_NAMESPACE: "cli-vectors",
      OPENAI_BASE_URL: openai.baseUrl,
      OPENAI_EMBEDDING_MODEL: "fake-embedding",
      EMBEDDING_BATCH_SIZE: "16",
    };
    const first = await runCli(["ingest", "--json", SEEDS_DIRECTORY], env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ stored: { added: 5 }, embedded: 5, problems: [] });
    const batches = openai.embeddingCalls();
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.every((call) => (call.body.input as string[]).length <= 16)).toBe(true);
    const ids = await redis.client().zrange("{cli-vectors}:log", "0", "-1");
    for (const id of ids)
      expect(await redis.client().hexists(`{cli-vectors}:vec:${id}`, "fake-embedding")).toBe(1);

    const again = await runCli(["ingest", "--json", SEEDS_DIRECTORY], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ stored: { unchanged: 5 }, embedded: 0 });
    expect(openai.embeddingCalls()).toHaveLength(batches.length);

    const asked = await runCli(["ask", "--json", "Who is the CEO of Trend Micro?"], env);
    expect(asked.code).toBe(0);
    expect(answerJsonSchema.parse(JSON.parse(asked.stdout)).status).toBe("answered");
    expect(openai.embeddingCalls().at(-1)?.body.input).toEqual(["Who is the CEO of Trend Micro?"]);
  });

  it("stores the articles and says so when the embedding server is down: nothing is lost", async () => {
    const env = {
      REDIS_URL: redis.url,
      BRIEFBOT_NAMESPACE: "cli-vectors-down",
      OPENAI_BASE_URL: "http://127.0.0.1:1/v1",
      OPENAI_EMBEDDING_MODEL: "fake-embedding",
      LLM_TIMEOUT_MS: "2000",
    };
    const result = await runCli(["ingest", "--json", SEEDS_DIRECTORY], env);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ stored: { added: 5 }, embedded: 0 });
    expect(report.problems[0].code).toBe("MODEL_UNAVAILABLE");
    expect(result.stderr).toMatch(/without passage vectors/u);
    const asked = await runCli(["ask", "--json", "Who is the CEO of Trend Micro?"], env);
    expect(asked.code).toBe(0);
    expect(JSON.parse(asked.stdout).status).toBe("answered");
  });
});
