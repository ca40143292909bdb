import { afterEach, describe, expect, it } from "vitest";
import { loadPaths } from "../../src/adapters/files/load-paths.ts";
import { startWorker } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import type { AskRequest } from "../../src/core/chat.ts";
import { BriefingError } from "../../src/core/errors.ts";
import { BullQuestionQueue } from "../../src/queue/bull-question-queue.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { redisConnection } from "../../src/store/redis-connections.ts";
import { RecordingReplier } from "../support/recording-replier.ts";
import { redisPerFile } from "../support/redis-server.ts";
import { SEEDS_DIRECTORY } from "../support/seed-library.ts";
import { until } from "../support/until.ts";

const redis = redisPerFile();
let run = 0;
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Nothing of the queue waits, runs or waits for a retry: what was posted is all that will be. */
async function untilIdle(queue: BullQuestionQueue): Promise<void> {
  await until(async () => {
    const counts = await queue.counts();
    return counts.waiting + counts.active + counts.delayed === 0;
  }, "the queue to be idle");
}

/** A worker as `briefbot worker` builds it (app.ts), posting to a recording replier instead of Slack. */
async function setUp() {
  const namespace = `q${process.pid}-${run++}`;
  const store = new RedisArticleStore(redis.client(), namespace);
  await store.put((await loadPaths([SEEDS_DIRECTORY])).articles);
  const replier = new RecordingReplier();
  const config = loadConfig({ REDIS_URL: redis.url, BRIEFBOT_NAMESPACE: namespace });
  const services = await startWorker(config, () => {}, { repliers: { slack: replier } });
  const queue = new BullQuestionQueue(redisConnection(redis.url, "producer"), namespace);
  cleanups.push(async () => {
    await services.stop();
    await queue.close();
  });
  return { queue, replier, store };
}

function request(jobId: string, question = "Who is the CEO of Trend Micro?"): AskRequest {
  return {
    jobId,
    question,
    target: { platform: "slack", channelId: "C1", userId: "U1" },
    requestedAt: Date.now(),
  };
}

describe("the shared ask queue", () => {
  it("answers a question once however often the platform delivers it", async () => {
    const { queue, replier } = await setUp();
    const results = [];
    for (let delivery = 0; delivery < 4; delivery++) {
      results.push(await queue.ask({ ...request("slack-ev-Ev1"), requestedAt: Date.now() + delivery }));
    }
    expect(results.map((result) => result.enqueued)).toEqual([true, false, false, false]);
    await until(() => replier.posted.length >= 2, "the answer's two parts");
    await untilIdle(queue);
    expect(replier.posted.map((post) => post.part)).toEqual([0, 1]);
    expect(replier.posted[0]?.text).toMatch(/Eva Chen/);
  });

  it("rejects job ids BullMQ cannot take", async () => {
    const { queue } = await setUp();
    await expect(queue.ask(request("12345"))).rejects.toThrow();
    await expect(queue.ask(request("slack:ev"))).rejects.toThrow();
  });

  it("retries a rate-limited post after Retry-After and resumes without reposting", async () => {
    const { queue, replier } = await setUp();
    replier.plannedErrors.push({
      beforePart: 1,
      error: new BriefingError("PLATFORM_RATE_LIMITED", "429", { retryAfterMs: 200 }),
    });
    await queue.ask(request("slack-ev-Ev2"));
    await until(() => replier.posted.length >= 2, "the answer's two parts");
    await untilIdle(queue);
    expect(replier.posted.map((post) => post.part)).toEqual([0, 1]);
    expect(replier.failures).toEqual([]);
  });

  it("tells the asker once when the platform refuses for good, and does not retry", async () => {
    const { queue, replier } = await setUp();
    replier.plannedErrors.push({
      beforePart: 0,
      error: new BriefingError("PLATFORM_REJECTED", "invalid_auth"),
    });
    await queue.ask(request("slack-ev-Ev3"));
    await until(() => replier.failures.length >= 1, "the failure notice");
    await untilIdle(queue);
    expect(replier.failures).toHaveLength(1);
    expect(replier.failures[0]).toMatch(/could not answer/);
    expect(replier.posted).toEqual([]);
  });

  it("answers from an article ingested after the worker started", async () => {
    const { queue, replier, store } = await setUp();
    await queue.ask(request("slack-ev-Ev4", "Who is the CEO of Trend Micro?"));
    await until(() => replier.posted.length >= 1, "the first answer");
    const { parseDocument } = await import("../../src/core/ingest/index.ts");
    const text = JSON.stringify({
      id: "harbour",
      title: "Harbour closed",
      text: "The Rotterdam harbour closed on Monday because of a storm with winds of 120 km/h.",
      language: "en",
    });
    await store.put(parseDocument({ name: "new.jsonl", content: new TextEncoder().encode(text) }).articles);
    await queue.ask(request("slack-ev-Ev5", "Why did the Rotterdam harbour close?"));
    await until(() => replier.posted.some((post) => post.text.includes("storm")), "the storm answer");
  });
});
