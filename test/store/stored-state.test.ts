import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { DeliveryState } from "../../src/core/chat.ts";
import type { Answer } from "../../src/core/types.ts";
import { RedisDeliveryLog } from "../../src/store/redis-delivery-log.ts";
import { RedisSubscriptionStore } from "../../src/store/redis-subscription-store.ts";
import { RedisTokenBudget } from "../../src/store/redis-token-budget.ts";
import { briefingFailure } from "../support/briefing-failure.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";

let redis: ThrowawayRedis;
let client: Redis;
let run = 0;

beforeAll(async () => {
  redis = await startRedis();
  client = redis.client();
});
afterAll(async () => {
  await redis?.stop();
});

function namespace(): string {
  return `stored${run++}`;
}

const ANSWER: Answer = {
  question: "Who leads Trend Micro?",
  status: "answered",
  bullets: [{ text: "Eva Chen leads Trend Micro.", citations: [1] }],
  sources: [
    {
      n: 1,
      articleId: "a1",
      title: "Trend Micro",
      source: null,
      url: null,
      published: "2024-01-02",
      language: "en",
      passageId: "a1#0",
      passage: "Eva Chen leads Trend Micro.",
    },
  ],
};

describe("RedisDeliveryLog read-back", () => {
  it("reads back what it stored, fields it does not know included", async () => {
    const ns = namespace();
    const log = new RedisDeliveryLog(client, ns);
    const state = { platform: "slack", messageIds: ["1.2"], partsPosted: 1, complete: false, extra: 7 };
    await log.record("job-1", state as DeliveryState);
    expect(await log.get("job-1")).toEqual(state);
    expect(await log.answerFor("job-2", () => ANSWER)).toEqual(ANSWER);
    expect(await log.answerFor("job-2", () => ({ ...ANSWER, question: "other" }))).toEqual(ANSWER);
  });

  it("turns a delivery record that is not JSON into STORE_CORRUPT naming its key", async () => {
    const ns = namespace();
    await client.set(`{${ns}}:delivery:job-1`, '{"platform":"slack",');
    const error = await briefingFailure(new RedisDeliveryLog(client, ns).get("job-1"));
    expect(error).toMatchObject({
      code: "STORE_CORRUPT",
      location: `{${ns}}:delivery:job-1`,
      retryable: false,
    });
    expect(error.name).toBe("BriefingError[STORE_CORRUPT]");
    expect(error.userMessage()).toBe("Some of Briefbot's stored data could not be read.");
  });

  it("turns a delivery record of another shape into STORE_CORRUPT saying what is wrong", async () => {
    const ns = namespace();
    await client.set(`{${ns}}:delivery:job-1`, JSON.stringify({ platform: "irc", messageIds: "m1" }));
    const error = await briefingFailure(new RedisDeliveryLog(client, ns).get("job-1"));
    expect(error.code).toBe("STORE_CORRUPT");
    expect(error.message).toMatch(/platform/u);
    expect(error.message).toMatch(/messageIds/u);
  });

  it("checks a stored answer against the answer's shape", async () => {
    const ns = namespace();
    await client.set(`{${ns}}:delivery:job-1:answer`, JSON.stringify({ question: "q", bullets: "none" }));
    const error = await briefingFailure(new RedisDeliveryLog(client, ns).answerFor("job-1", () => ANSWER));
    expect(error).toMatchObject({ code: "STORE_CORRUPT", location: `{${ns}}:delivery:job-1:answer` });
  });

  it("checks a computed value against the schema given, and is JSON without one", async () => {
    const ns = namespace();
    const log = new RedisDeliveryLog(client, ns);
    const plan = z.object({ coverTo: z.number() });
    await client.set(`{${ns}}:delivery:job-1:plan`, JSON.stringify({ coverTo: "ten" }));
    const shaped = await briefingFailure(log.computedOnce("job-1", "plan", () => ({ coverTo: 1 }), plan));
    expect(shaped.code).toBe("STORE_CORRUPT");
    await client.set(`{${ns}}:delivery:job-2:plan`, "{coverTo:");
    const unparsed = await briefingFailure(log.computedOnce("job-2", "plan", () => ({ coverTo: 1 })));
    expect(unparsed.code).toBe("STORE_CORRUPT");
    expect(await log.computedOnce("job-3", "plan", () => ({ coverTo: 3 }), plan)).toEqual({ coverTo: 3 });
    expect(await log.computedOnce("job-3", "plan", () => ({ coverTo: 4 }), plan)).toEqual({ coverTo: 3 });
  });
});

describe("counters read back from Redis", () => {
  it("makes a token count that is not a number STORE_CORRUPT", async () => {
    const ns = namespace();
    const now = () => Date.UTC(2026, 0, 5, 12);
    const budget = new RedisTokenBudget(client, ns, 1_000, now);
    await budget.spend({ promptTokens: 100, completionTokens: 20 });
    expect(await budget.remaining()).toBe(880);
    await client.set(`{${ns}}:llm-tokens:2026-01-05`, "lots");
    expect((await briefingFailure(budget.remaining())).code).toBe("STORE_CORRUPT");
  });

  it("makes a digest cursor or subscription that does not read back STORE_CORRUPT", async () => {
    const ns = namespace();
    const store = new RedisSubscriptionStore(client, ns);
    await client.hset(`{${ns}}:sub-progress:slack-T1-C1`, "cursor", "twelve");
    expect((await briefingFailure(store.progress("slack-T1-C1"))).code).toBe("STORE_CORRUPT");
    await client.set(`{${ns}}:sub:slack-T1-C1`, JSON.stringify({ id: "slack-T1-C1" }));
    const error = await briefingFailure(store.get("slack-T1-C1"));
    expect(error).toMatchObject({ code: "STORE_CORRUPT", location: "slack-T1-C1" });
  });
});
