import { describe, expect, it } from "vitest";
import { BriefingError } from "../../../src/core/errors.ts";
import { MemoryTokenBudget } from "../../../src/core/memory/memory-token-budget.ts";
import type { LanguageModel } from "../../../src/core/ports.ts";
import type { ModelAnswering } from "../../../src/flows/model/model-answering.ts";
import { callModel, MAX_RETRY_WAIT_MS } from "../../../src/flows/model/model-call.ts";

const model: LanguageModel = {
  name: "unused",
  complete: () => Promise.reject(new Error("not called here")),
};

function answering(budget?: MemoryTokenBudget): ModelAnswering {
  return {
    model,
    templates: { answerSystem: "", answerUser: "", storySystem: "", storyUser: "" },
    passageTokenBudget: 1_000,
    maxOutputTokens: 500,
    attempts: 3,
    budget,
  };
}

const usage = { promptTokens: 900, completionTokens: 100 };
const failing = (error: unknown) => () => Promise.reject(error);

describe("callModel: one rule for every model call", () => {
  it("spends the call's tokens and returns its value", async () => {
    const budget = new MemoryTokenBudget(10_000);
    const outcome = await callModel(
      answering(budget),
      { attempt: 1 },
      () => {},
      async () => ({ value: 42, usage }),
    );
    expect(outcome).toEqual({ kind: "done", value: 42 });
    expect(await budget.remaining()).toBe(9_000);
  });

  it("does not call the model when today's budget cannot cover a call", async () => {
    const budget = new MemoryTokenBudget(1_400);
    let called = false;
    const outcome = await callModel(
      answering(budget),
      { attempt: 1 },
      () => {},
      async () => {
        called = true;
        return { value: 1, usage };
      },
    );
    expect(outcome).toEqual({ kind: "fallback", reason: "budget" });
    expect(called).toBe(false);
  });

  it("throws a retryable failure back to the queue while attempts remain, after telling the asker", async () => {
    const progress: string[] = [];
    const unavailable = new BriefingError("MODEL_UNAVAILABLE", "HTTP 500");
    await expect(
      callModel(
        answering(),
        { attempt: 2, onProgress: (text) => progress.push(text) },
        () => {},
        failing(unavailable),
      ),
    ).rejects.toBe(unavailable);
    expect(progress).toEqual([expect.stringMatching(/trying again/u)]);
  });

  it("falls back on the last attempt, on a refusal, on an unusable reply and on a long Retry-After", async () => {
    const cases: Array<[BriefingError, number, string]> = [
      [new BriefingError("MODEL_UNAVAILABLE", "timeout"), 3, "failed"],
      [new BriefingError("MODEL_REJECTED", "HTTP 401"), 1, "rejected"],
      [new BriefingError("MODEL_OUTPUT_INVALID", "not JSON"), 3, "invalid"],
      [
        new BriefingError("MODEL_RATE_LIMITED", "HTTP 429", { retryAfterMs: MAX_RETRY_WAIT_MS + 1 }),
        1,
        "failed",
      ],
    ];
    for (const [error, attempt, reason] of cases) {
      expect(await callModel(answering(), { attempt }, () => {}, failing(error))).toEqual({
        kind: "fallback",
        reason,
      });
    }
  });

  it("lets other errors through: they are not the model's", async () => {
    const store = new BriefingError("STORE_UNAVAILABLE", "Redis is down");
    await expect(callModel(answering(), { attempt: 3 }, () => {}, failing(store))).rejects.toBe(store);
  });
});

describe("callModel when the budget cannot be read", () => {
  it("goes on with the call and logs it", async () => {
    const events: string[] = [];
    const unreadable = Object.assign(new MemoryTokenBudget(10_000), {
      remaining: () => Promise.reject(new Error("Redis is away")),
    });
    const outcome = await callModel(
      answering(unreadable),
      { attempt: 1 },
      (event) => events.push(event),
      async () => ({
        value: "ok",
        usage,
      }),
    );
    expect(outcome).toEqual({ kind: "done", value: "ok" });
    expect(events).toEqual(["model_budget_not_read", "model_called"]);
  });
});

describe("callModel and the tokens of an unusable reply", () => {
  it("counts them at what a call may cost at most: the reply was written and paid for", async () => {
    const budget = new MemoryTokenBudget(10_000);
    const invalid = new BriefingError("MODEL_OUTPUT_INVALID", "not JSON");
    await expect(callModel(answering(budget), { attempt: 1 }, () => {}, failing(invalid))).rejects.toBe(
      invalid,
    );
    expect(await budget.remaining()).toBe(8_500);
  });
});

describe("callModel's events, which the metrics count", () => {
  it("logs each call with its kind and tokens, and each fallback with its reason", async () => {
    const events: Array<[string, Record<string, unknown> | undefined]> = [];
    const log = (event: string, fields?: Record<string, unknown>) => void events.push([event, fields]);
    await callModel(answering(), { attempt: 1 }, log, async () => ({ value: 1, usage }), "digest");
    await callModel(
      answering(),
      { attempt: 3 },
      log,
      failing(new BriefingError("MODEL_UNAVAILABLE", "down")),
      "summarize",
    );
    expect(events.map(([event, fields]) => [event, fields?.kind])).toEqual([
      ["model_called", "digest"],
      ["model_failed", "summarize"],
      ["model_fell_back", "summarize"],
    ]);
    expect(events[0]?.[1]).toMatchObject({ promptTokens: 900, completionTokens: 100 });
    expect(events[2]?.[1]).toMatchObject({ reason: "failed" });
  });
});
