import { afterEach, describe, expect, it } from "vitest";
import type { LlmConfig } from "../../src/config.ts";
import type { ModelRequest } from "../../src/core/ports.ts";
import { createLanguageModel, OpenAILanguageModel, retryAfterMs } from "../../src/llm/index.ts";
import { briefingFailure } from "../support/briefing-failure.ts";
import { type ChatRequestBody, FakeOpenAI, type FakeOpenAIOptions } from "../support/fake-openai.ts";

const API_KEY = "sk-briefbot-test-0123456789abcdef";

const ANSWER_SCHEMA = {
  type: "object",
  properties: { answer: { type: "string" }, sources: { type: "array", items: { type: "integer" } } },
  required: ["answer", "sources"],
};

const JSON_REQUEST: ModelRequest = {
  system: "You write short, cited news briefings.",
  user: "What did the central bank decide?",
  json: { name: "briefing_answer", schema: ANSWER_SCHEMA },
};

const fakes: FakeOpenAI[] = [];

async function startFake(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const fake = await FakeOpenAI.start(options);
  fakes.push(fake);
  return fake;
}

function configFor(fake: FakeOpenAI, overrides: Partial<LlmConfig> = {}): LlmConfig {
  return {
    apiKey: API_KEY,
    baseUrl: fake.baseUrl,
    timeoutMs: 5_000,
    model: "fake-chat",
    passageTokenBudget: 3_000,
    maxOutputTokens: 600,
    dailyTokenBudget: 0,
    attempts: 3,
    jsonMode: "auto",
    stream: true,
    temperature: undefined,
    ...overrides,
  };
}

function bodyOf(fake: FakeOpenAI, index: number): ChatRequestBody {
  const call = fake.chatCalls()[index];
  if (!call) throw new Error(`no chat call #${index}`);
  return call.body as ChatRequestBody;
}

afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

describe("OpenAILanguageModel requests", () => {
  it("asks for structured output with the schema, the token limit and both messages", async () => {
    const fake = await startFake();
    fake.script({
      kind: "content",
      content: '{"answer":"Rates held.","sources":[1]}',
      usage: { prompt_tokens: 120, completion_tokens: 14 },
    });
    const model = createLanguageModel(configFor(fake));

    const response = await model.complete(JSON_REQUEST);

    expect(model.name).toBe("fake-chat");
    expect(response).toEqual({
      text: '{"answer":"Rates held.","sources":[1]}',
      usage: { promptTokens: 120, completionTokens: 14 },
    });
    const body = bodyOf(fake, 0);
    expect(body.response_format).toEqual({
      type: "json_schema",
      json_schema: { name: "briefing_answer", schema: ANSWER_SCHEMA, strict: false },
    });
    expect(body.max_tokens).toBe(600);
    expect(body.messages).toEqual([
      { role: "system", content: JSON_REQUEST.system },
      { role: "user", content: JSON_REQUEST.user },
    ]);
    expect(body).not.toHaveProperty("temperature");
    expect(body.stream).toBeFalsy();
    expect(fake.chatCalls()[0]?.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it("sends the request's own token limit and the temperature only when configured", async () => {
    const fake = await startFake();
    const model = new OpenAILanguageModel(configFor(fake, { temperature: 0.2 }));

    await model.complete({ system: "Be brief.", user: "Hello", maxTokens: 50 });

    const body = bodyOf(fake, 0);
    expect(body.max_tokens).toBe(50);
    expect(body.temperature).toBe(0.2);
    expect(body).not.toHaveProperty("response_format");
  });

  it("lets the fake compute its answer from the prompt it was given", async () => {
    const fake = await startFake({
      respond: (request) => ({ kind: "content", content: `echo: ${request.messages[1]?.content}` }),
    });
    const model = createLanguageModel(configFor(fake));

    const response = await model.complete({ system: "Repeat.", user: "the question" });

    expect(response.text).toBe("echo: the question");
  });

  it("sends a placeholder key when none is configured, as local servers need none", async () => {
    const fake = await startFake();
    const model = createLanguageModel(configFor(fake, { apiKey: undefined }));

    await model.complete({ system: "s", user: "u" });

    expect(fake.chatCalls()[0]?.authorization).toBe("Bearer unused");
  });
});

describe("OpenAILanguageModel JSON modes", () => {
  it("falls back to JSON text in the same call when json_schema is refused, and remembers it", async () => {
    const fake = await startFake({ supportsJsonSchema: false });
    const model = createLanguageModel(configFor(fake));

    const first = await model.complete(JSON_REQUEST);

    expect(first.text).toBe("ok");
    expect(fake.chatCalls()).toHaveLength(2);
    expect(bodyOf(fake, 0).response_format?.type).toBe("json_schema");
    const fallback = bodyOf(fake, 1);
    expect(fallback.response_format).toEqual({ type: "json_object" });
    expect(fallback.messages[0]?.content).toContain(JSON_REQUEST.system);
    expect(fallback.messages[0]?.content).toContain(
      `Reply with one JSON object matching this JSON schema: ${JSON.stringify(ANSWER_SCHEMA)}`,
    );

    await model.complete(JSON_REQUEST);

    expect(fake.chatCalls()).toHaveLength(3);
    expect(bodyOf(fake, 2).response_format).toEqual({ type: "json_object" });
  });

  it("falls back to plain text with the schema in the prompt when no response_format is supported", async () => {
    const fake = await startFake({ supportsJsonSchema: false, supportsJsonObject: false });
    const model = createLanguageModel(configFor(fake));

    await model.complete(JSON_REQUEST);
    await model.complete(JSON_REQUEST);

    expect(fake.chatCalls().map((call) => (call.body as ChatRequestBody).response_format?.type)).toEqual([
      "json_schema",
      "json_object",
      undefined,
      undefined,
    ]);
    expect(bodyOf(fake, 3).messages[0]?.content).toContain(
      "Reply with one JSON object matching this JSON schema",
    );
  });

  it("uses a configured mode as it is, without trying the others", async () => {
    const fake = await startFake({ supportsJsonSchema: false });
    const jsonObject = createLanguageModel(configFor(fake, { jsonMode: "json_object" }));
    const text = createLanguageModel(configFor(fake, { jsonMode: "text" }));

    await jsonObject.complete(JSON_REQUEST);
    await text.complete(JSON_REQUEST);

    expect(fake.chatCalls()).toHaveLength(2);
    expect(bodyOf(fake, 0).response_format).toEqual({ type: "json_object" });
    expect(bodyOf(fake, 1)).not.toHaveProperty("response_format");
    expect(bodyOf(fake, 1).messages[0]?.content).toContain("JSON schema");
  });

  it("does not give up on json_schema because of a server error", async () => {
    const fake = await startFake();
    fake.script({ kind: "status", status: 503 });
    const model = createLanguageModel(configFor(fake));

    const error = await briefingFailure(model.complete(JSON_REQUEST));
    await model.complete(JSON_REQUEST);

    expect(error.code).toBe("MODEL_UNAVAILABLE");
    expect(fake.chatCalls().map((call) => (call.body as ChatRequestBody).response_format?.type)).toEqual([
      "json_schema",
      "json_schema",
    ]);
  });
});

describe("OpenAILanguageModel streaming", () => {
  it("reports the growing text while the reply streams in", async () => {
    const fake = await startFake();
    const content = "The central bank held rates at 4.5 percent.";
    fake.script({ kind: "content", content, chunkSize: 6, chunkDelayMs: 40 });
    const model = createLanguageModel(configFor(fake));
    const seen: Array<{ text: string; at: number }> = [];

    const started = performance.now();
    const response = await model.complete({
      system: "s",
      user: "u",
      onText: (text) => seen.push({ text, at: performance.now() }),
    });
    const finished = performance.now();

    expect(response.text).toBe(content);
    expect(seen.map((step) => step.text)).toEqual(
      Array.from({ length: Math.ceil(content.length / 6) }, (_, i) => content.slice(0, (i + 1) * 6)),
    );
    // Eight chunks 40 ms apart: the first text arrives long before the last chunk is sent.
    expect((seen[0]?.at ?? finished) - started).toBeLessThan(finished - started - 200);
    const body = bodyOf(fake, 0);
    expect(body.stream).toBe(true);
    expect(body.stream_options).toEqual({ include_usage: true });
  });

  it("reads usage from the stream's final usage chunk", async () => {
    const fake = await startFake();
    fake.script({
      kind: "content",
      content: "Rates held.",
      chunkSize: 3,
      usage: { prompt_tokens: 321, completion_tokens: 4 },
    });
    const model = createLanguageModel(configFor(fake));

    const response = await model.complete({ system: "s", user: "u", onText: () => {} });

    expect(response.usage).toEqual({ promptTokens: 321, completionTokens: 4 });
  });

  it("estimates usage from characters when the server reports none", async () => {
    const fake = await startFake();
    const content = "Rates held; markets shrugged.";
    fake.script({ kind: "content", content, chunkSize: 5 });
    const model = createLanguageModel(configFor(fake));
    const request = { system: "You are a news assistant.", user: "Summarise today's news, please." };

    const response = await model.complete({ ...request, onText: () => {} });

    expect(response.usage).toEqual({
      promptTokens: Math.ceil((request.system.length + request.user.length) / 4),
      completionTokens: Math.ceil(content.length / 4),
    });
  });

  it("does not stream when streaming is switched off, even with a progress callback", async () => {
    const fake = await startFake();
    const model = createLanguageModel(configFor(fake, { stream: false }));
    const seen: string[] = [];

    await model.complete({ system: "s", user: "u", onText: (text) => seen.push(text) });

    expect(bodyOf(fake, 0).stream).toBeFalsy();
    expect(seen).toEqual([]);
  });

  it("retries once without stream_options when the server refuses them, and remembers", async () => {
    const fake = await startFake({ supportsStreamOptions: false });
    const model = createLanguageModel(configFor(fake));

    const first = await model.complete({ system: "s", user: "u", onText: () => {} });
    await model.complete({ system: "s", user: "u", onText: () => {} });

    expect(first.text).toBe("ok");
    expect(fake.chatCalls().map((call) => (call.body as ChatRequestBody).stream_options)).toEqual([
      { include_usage: true },
      undefined,
      undefined,
    ]);
  });

  it("fails as unavailable when the stream stalls part-way, within the deadline", async () => {
    const fake = await startFake();
    fake.script({ kind: "stall", content: "The central bank held rates", afterChars: 11 });
    const model = createLanguageModel(configFor(fake, { timeoutMs: 1_000 }));
    const seen: string[] = [];

    const started = performance.now();
    const error = await briefingFailure(
      model.complete({ system: "s", user: "u", onText: (text) => seen.push(text) }),
    );

    expect(performance.now() - started).toBeLessThan(3_000);
    expect(error.code).toBe("MODEL_UNAVAILABLE");
    expect(error.message).toContain("did not answer within 1000 ms");
    expect(seen).toEqual(["The central"]);
  });
});

describe("OpenAILanguageModel failures", () => {
  it("turns a 500 into MODEL_UNAVAILABLE after exactly one request", async () => {
    const fake = await startFake();
    fake.script({ kind: "status", status: 500 });
    const model = createLanguageModel(configFor(fake));

    const error = await briefingFailure(model.complete(JSON_REQUEST));

    expect(error.code).toBe("MODEL_UNAVAILABLE");
    expect(error.retryable).toBe(true);
    expect(error.message).toBe("The language model failed to write the answer: HTTP 500");
    expect(fake.chatCalls()).toHaveLength(1);
  });

  it("turns a 429 into MODEL_RATE_LIMITED with the server's Retry-After", async () => {
    const fake = await startFake();
    fake.script({ kind: "status", status: 429, retryAfterSeconds: 7 });
    const model = createLanguageModel(configFor(fake));

    const error = await briefingFailure(model.complete({ system: "s", user: "u", onText: () => {} }));

    expect(error.code).toBe("MODEL_RATE_LIMITED");
    expect(error.retryAfterMs).toBe(7_000);
    expect(fake.chatCalls()).toHaveLength(1);
  });

  it("treats a spent quota as a refusal, not a rate limit", async () => {
    const fake = await startFake();
    fake.script({
      kind: "status",
      status: 429,
      body: {
        error: {
          message: "You exceeded your current quota.",
          type: "insufficient_quota",
          param: null,
          code: "insufficient_quota",
        },
      },
    });
    const model = createLanguageModel(configFor(fake));

    const error = await briefingFailure(model.complete({ system: "s", user: "u" }));

    expect(error.code).toBe("MODEL_REJECTED");
    expect(error.retryable).toBe(false);
  });

  it("gives up on a server that never answers within the deadline", async () => {
    const fake = await startFake();
    fake.script({ kind: "hang" });
    const model = createLanguageModel(configFor(fake, { timeoutMs: 1_000 }));

    const started = performance.now();
    const error = await briefingFailure(model.complete({ system: "s", user: "u" }));

    expect(performance.now() - started).toBeLessThan(3_000);
    expect(error.code).toBe("MODEL_UNAVAILABLE");
    expect(error.message).toBe(
      "The language model did not answer within 1000 ms when asked to write the answer",
    );
    expect(fake.chatCalls()).toHaveLength(1);
  });

  it("turns a bad key into MODEL_REJECTED without repeating the key", async () => {
    const fake = await startFake({ apiKey: "sk-the-right-key-00000000000000" });
    const model = createLanguageModel(configFor(fake));

    const error = await briefingFailure(model.complete(JSON_REQUEST));

    expect(error.code).toBe("MODEL_REJECTED");
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("HTTP 401");
    expect(error.message).not.toContain(API_KEY);
    expect(error.message).not.toContain(API_KEY.slice(0, 12));
    expect(fake.chatCalls()).toHaveLength(1);
  });

  it("turns an unknown model into MODEL_REJECTED naming the server's reason", async () => {
    const fake = await startFake({ models: ["another-model"] });
    const model = createLanguageModel(configFor(fake));

    const error = await briefingFailure(model.complete({ system: "s", user: "u" }));

    expect(error.code).toBe("MODEL_REJECTED");
    expect(error.message).toContain("HTTP 404");
    expect(error.message).toContain("does not exist");
  });

  it("turns an unreachable server into MODEL_UNAVAILABLE", async () => {
    const fake = await startFake();
    const config = configFor(fake);
    await fake.close();
    const model = createLanguageModel(config);

    const error = await briefingFailure(model.complete({ system: "s", user: "u" }));

    expect(error.code).toBe("MODEL_UNAVAILABLE");
  });

  it("rejects an empty reply as MODEL_OUTPUT_INVALID, streamed or not", async () => {
    const fake = await startFake();
    fake.script({ kind: "content", content: "" }, { kind: "content", content: "  " });
    const model = createLanguageModel(configFor(fake));

    const whole = await briefingFailure(model.complete({ system: "s", user: "u" }));
    const streamed = await briefingFailure(model.complete({ system: "s", user: "u", onText: () => {} }));

    expect(whole.code).toBe("MODEL_OUTPUT_INVALID");
    expect(streamed.code).toBe("MODEL_OUTPUT_INVALID");
  });

  it("rejects a reply stopped by the content filter, but returns one cut at the length limit", async () => {
    const fake = await startFake();
    fake.script(
      { kind: "content", content: "Partial", finishReason: "content_filter" },
      { kind: "content", content: '{"answer":"cut sh', finishReason: "length" },
    );
    const model = createLanguageModel(configFor(fake));

    const filtered = await briefingFailure(model.complete({ system: "s", user: "u", onText: () => {} }));
    const cut = await model.complete(JSON_REQUEST);

    expect(filtered.code).toBe("MODEL_OUTPUT_INVALID");
    expect(cut.text).toBe('{"answer":"cut sh');
  });
});

describe("retryAfterMs", () => {
  it("prefers retry-after-ms, then reads retry-after as seconds or as an HTTP date", () => {
    const now = Date.parse("2025-01-01T12:00:00Z");
    expect(retryAfterMs(new Headers({ "retry-after-ms": "1500", "retry-after": "9" }), now)).toBe(1_500);
    expect(retryAfterMs(new Headers({ "retry-after": "7" }), now)).toBe(7_000);
    expect(retryAfterMs(new Headers({ "retry-after": "0.5" }), now)).toBe(500);
    expect(retryAfterMs(new Headers({ "retry-after": "Wed, 01 Jan 2025 12:00:20 GMT" }), now)).toBe(20_000);
    expect(retryAfterMs(new Headers({ "retry-after": "soon" }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
  });
});

describe("OpenAILanguageModel and a prompt over the context window", () => {
  it("refuses at once: no other reply format is tried for a prompt that is too long", async () => {
    const fake = await startFake();
    fake.script({
      kind: "status",
      status: 400,
      body: {
        error: {
          message: "This model's maximum context length is 8192 tokens. However, you requested 9100 tokens.",
          type: "invalid_request_error",
          param: "messages",
          code: "context_length_exceeded",
        },
      },
    });
    const model = createLanguageModel(configFor(fake));
    const error = await briefingFailure(model.complete(JSON_REQUEST));
    expect(error.code).toBe("MODEL_REJECTED");
    expect(fake.chatCalls()).toHaveLength(1);
  });
});
