import { afterEach, describe, expect, it } from "vitest";
import type { EmbeddingConfig } from "../../src/config.ts";
import { createEmbedder } from "../../src/llm/index.ts";
import { briefingFailure } from "../support/briefing-failure.ts";
import { FakeOpenAI, type FakeOpenAIOptions } from "../support/fake-openai.ts";

const fakes: FakeOpenAI[] = [];

async function startFake(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const fake = await FakeOpenAI.start(options);
  fakes.push(fake);
  return fake;
}

function configFor(fake: FakeOpenAI, overrides: Partial<EmbeddingConfig> = {}): EmbeddingConfig {
  return {
    apiKey: "sk-embedding-test-key",
    baseUrl: fake.baseUrl,
    timeoutMs: 5_000,
    model: "fake-embedding",
    batchSize: 64,
    ...overrides,
  };
}

function unitLength(vector: readonly number[]): number[] {
  const length = Math.hypot(...vector);
  return vector.map((value) => value / length);
}

function inputsOf(fake: FakeOpenAI): unknown[] {
  return fake.embeddingCalls().map((call) => call.body.input);
}

afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

describe("OpenAIEmbedder", () => {
  it("decodes the SDK's default base64 vectors into the server's floats, normalized", async () => {
    const fake = await startFake();
    const embedder = createEmbedder(configFor(fake));
    const texts = ["Central bank holds rates", "Storm closes the harbour", "Rates rise again at the bank"];

    const vectors = await embedder.embed(texts);

    expect(embedder.name).toBe("fake-embedding");
    expect(fake.embeddingCalls()[0]?.body).toMatchObject({
      model: "fake-embedding",
      input: texts,
      encoding_format: "base64",
    });
    expect(vectors).toHaveLength(3);
    vectors.forEach((vector, index) => {
      expect(vector).toBeInstanceOf(Float32Array);
      const expected = unitLength(fake.embedding(texts[index] ?? ""));
      expect(vector).toHaveLength(expected.length);
      expected.forEach((value, dimension) => {
        expect(vector[dimension]).toBeCloseTo(value, 6);
      });
      expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    });
  });

  it("sends 150 texts as batches of 64, 64 and 22, one after another, and keeps their order", async () => {
    const fake = await startFake({ embed: (text) => [Number(text.split(" ")[1]) + 1, 1] });
    const embedder = createEmbedder(configFor(fake));
    const texts = Array.from({ length: 150 }, (_, i) => `text ${i}`);

    const vectors = await embedder.embed(texts);

    expect(inputsOf(fake).map((input) => (input as string[]).length)).toEqual([64, 64, 22]);
    expect((inputsOf(fake)[1] as string[])[0]).toBe("text 64");
    expect(vectors.map((vector) => Math.round((vector[0] ?? 0) / (vector[1] ?? 1)))).toEqual(
      texts.map((_, i) => i + 1),
    );
    expect(fake.peakConcurrentRequests).toBe(1);
  });

  it("puts vectors in the order of the texts whatever order the server lists them in", async () => {
    const fake = await startFake({ reverseEmbeddings: true, embed: (text) => [text.length, 1] });
    const embedder = createEmbedder(configFor(fake));

    const vectors = await embedder.embed(["a", "bb", "ccc"]);

    expect(vectors.map((vector) => Math.round((vector[0] ?? 0) / (vector[1] ?? 1)))).toEqual([1, 2, 3]);
  });

  it("makes no request for no texts", async () => {
    const fake = await startFake();
    const embedder = createEmbedder(configFor(fake));

    expect(await embedder.embed([])).toEqual([]);
    expect(fake.embeddingCalls()).toHaveLength(0);
  });

  it("trims texts, cuts them to 8,000 characters and sends an empty one as a full stop", async () => {
    const fake = await startFake();
    const embedder = createEmbedder(configFor(fake));

    const vectors = await embedder.embed(["  padded  ", "", "x".repeat(9_000)]);

    expect(vectors).toHaveLength(3);
    expect(inputsOf(fake)).toEqual([["padded", ".", "x".repeat(8_000)]]);
  });

  it("turns a 500 into MODEL_UNAVAILABLE after one request", async () => {
    const fake = await startFake();
    fake.scriptEmbeddings({ kind: "status", status: 500 });
    const embedder = createEmbedder(configFor(fake));

    const error = await briefingFailure(embedder.embed(["one", "two"]));

    expect(error.code).toBe("MODEL_UNAVAILABLE");
    expect(error.message).toBe("The embedding model failed to embed 2 texts: HTTP 500");
    expect(fake.embeddingCalls()).toHaveLength(1);
  });

  it("stops at the first failed batch", async () => {
    const fake = await startFake();
    fake.scriptEmbeddings({ kind: "status", status: 429, retryAfterSeconds: 2 });
    const embedder = createEmbedder(configFor(fake, { batchSize: 2 }));

    const error = await briefingFailure(embedder.embed(["a", "b", "c", "d"]));

    expect(error.code).toBe("MODEL_RATE_LIMITED");
    expect(error.retryAfterMs).toBe(2_000);
    expect(fake.embeddingCalls()).toHaveLength(1);
  });

  it("gives up on a server that never answers within the timeout", async () => {
    const fake = await startFake();
    fake.scriptEmbeddings({ kind: "hang" });
    const embedder = createEmbedder(configFor(fake, { timeoutMs: 1_000 }));

    const started = performance.now();
    const error = await briefingFailure(embedder.embed(["slow"]));

    expect(performance.now() - started).toBeLessThan(3_000);
    expect(error.code).toBe("MODEL_UNAVAILABLE");
  });

  it("rejects vectors of different lengths as MODEL_OUTPUT_INVALID", async () => {
    const fake = await startFake({ embed: (text) => (text === "short" ? [1, 2] : [1, 2, 3]) });
    const embedder = createEmbedder(configFor(fake));

    const error = await briefingFailure(embedder.embed(["short", "longer"]));

    expect(error.code).toBe("MODEL_OUTPUT_INVALID");
  });
});
