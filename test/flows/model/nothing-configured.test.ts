import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelParts } from "../../../src/app.ts";
import { loadConfig } from "../../../src/config.ts";
import { modelAnswerJsonSchema } from "../../support/answer-contract.ts";
import { FakeOpenAI } from "../../support/fake-openai.ts";
import { runCli } from "../../support/run-cli.ts";

let openai: FakeOpenAI;

beforeAll(async () => {
  openai = await FakeOpenAI.start();
});

afterAll(async () => {
  await openai.close();
});

describe("with no model and no embedding model configured", () => {
  it("creates no model, no embedder and no OpenAI client, even with a server address set", async () => {
    let budgets = 0;
    const parts = await modelParts(loadConfig({ OPENAI_BASE_URL: openai.baseUrl }), () => {
      budgets++;
      return undefined;
    });
    expect(parts).toEqual({ embedder: undefined, modelAnswering: undefined });
    expect(budgets).toBe(0);
  });

  it("answers exactly as before, without a single request to the server", async () => {
    const question = ["ask", "--json", "What will Trend Micro provide?"];
    const plain = await runCli(question);
    const withAddress = await runCli(question, {
      OPENAI_BASE_URL: openai.baseUrl,
      OPENAI_API_KEY: "sk-test",
    });
    expect(plain.code).toBe(0);
    expect(withAddress.code).toBe(0);
    expect(withAddress.stdout).toBe(plain.stdout);
    const answer = JSON.parse(plain.stdout);
    expect(answer.model).toBeUndefined();
    expect(answer.note).toBeUndefined();
    // Extractive sources quote the sentence a bullet rests on, taken from the passage itself.
    for (const source of answer.sources as Array<{ passage: string; quote?: string }>)
      expect(source.quote === undefined || source.passage.includes(source.quote)).toBe(true);
    expect(openai.calls).toHaveLength(0);
  });

  it("refuses a model without a server to reach, naming the variables", async () => {
    expect(() => loadConfig({ OPENAI_MODEL: "qwen2.5:7b-instruct" })).toThrow(
      /OPENAI_API_KEY.*OPENAI_BASE_URL/u,
    );
    expect(() => loadConfig({ OPENAI_EMBEDDING_MODEL: "bge-m3" })).toThrow(/OPENAI_EMBEDDING_MODEL is set/u);
    expect(() => loadConfig({ OPENAI_BASE_URL: "ftp://x", OPENAI_MODEL: "m" })).toThrow(/OPENAI_BASE_URL/u);
    expect(() =>
      loadConfig({ OPENAI_BASE_URL: openai.baseUrl, OPENAI_MODEL: "m", LLM_JSON_MODE: "xml" }),
    ).toThrow(/LLM_JSON_MODE/u);
  });
});

describe("briefbot ask with a model configured", () => {
  it("a reply that is not the answer's JSON gives the extractive answer at once, with a note: no queue to retry", async () => {
    const result = await runCli(["ask", "--json", "Who is the CEO of Trend Micro?"], {
      OPENAI_BASE_URL: openai.baseUrl,
      OPENAI_MODEL: "fake-chat",
    });
    expect(result.code).toBe(0);
    // The fake's default reply is the text "ok": not the answer's JSON.
    const answer = modelAnswerJsonSchema.parse(JSON.parse(result.stdout));
    expect(answer.status).toBe("answered");
    expect(answer.model).toBeUndefined();
    expect(answer.note).toMatch(/reply could not be used/u);
    expect(openai.chatCalls()).toHaveLength(1);
    expect(result.stderr).toMatch(/model failed/u);
  });

  it("exits with a clear message, not a hang, when the store cannot be reached", async () => {
    const started = Date.now();
    const result = await runCli(["ask", "Who is the CEO of Trend Micro?"], {
      REDIS_URL: "redis://127.0.0.1:1",
      OPENAI_BASE_URL: openai.baseUrl,
      OPENAI_MODEL: "fake-chat",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cannot reach Redis/u);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
