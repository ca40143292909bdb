import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPaths } from "../../src/adapters/files/load-paths.ts";
import { type RunningServices, startServe } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { freePort } from "../../src/store/embedded-redis-server.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { parsePrometheusText, type Sample, sampleValue } from "../support/prometheus-text.ts";
import { untilIdle, watchQueue } from "../support/queue-idle.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { SEEDS_DIRECTORY } from "../support/seed-library.ts";
import { appMentionEnvelope, sendEvent } from "../support/slack-signing.ts";
import { until } from "../support/until.ts";

const SECRET = "metrics-signing-secret";
const NAMESPACE = "metrics";
let redis: ThrowawayRedis;
let slack: FakeSlack;
let services: RunningServices;
let asks: Queue;
let eventsUrl: string;
let dataDirectory: string;
const events: Array<{ event: string; fields: Record<string, unknown> }> = [];

beforeAll(async () => {
  redis = await startRedis();
  slack = await FakeSlack.start({ token: "xoxb-metrics" });
  asks = watchQueue(redis.client(), "ask", NAMESPACE);
  dataDirectory = await mkdtemp(join(tmpdir(), "briefbot-metrics-"));
  const client = new Redis(redis.url);
  await new RedisArticleStore(client, NAMESPACE).put((await loadPaths([SEEDS_DIRECTORY])).articles);
  client.disconnect();
  const port = await freePort();
  eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  services = await startServe(
    loadConfig({
      REDIS_URL: redis.url,
      BRIEFBOT_NAMESPACE: NAMESPACE,
      BRIEFBOT_DATA_DIR: dataDirectory,
      PORT: String(port),
      SLACK_BOT_TOKEN: "xoxb-metrics",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      JOB_LOCK_MS: "5000",
    }),
    (event, fields = {}) => events.push({ event, fields }),
  );
}, 60_000);

afterAll(async () => {
  await services?.stop();
  await asks?.close();
  await slack?.close();
  await redis?.stop();
  await rm(dataDirectory, { recursive: true, force: true });
});

async function scrape(): Promise<{ body: string; samples: Sample[] }> {
  const ops = services.ops;
  if (!ops) throw new Error("the operations endpoints do not listen");
  const response = await fetch(`http://${ops.host}:${ops.port}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  const body = await response.text();
  return { body, samples: parsePrometheusText(body) };
}

let mentions = 0;
async function mention(channel: string, question: string): Promise<string> {
  mentions++;
  const eventId = `EvMETRICS${mentions}`;
  const response = await sendEvent(
    eventsUrl,
    SECRET,
    appMentionEnvelope({
      eventId,
      text: `<@${slack.botUserId}> ${question}`,
      user: "U0READER",
      channel,
      ts: `1700000300.00010${mentions}`,
    }),
  );
  expect(response.status).toBe(200);
  return eventId;
}

const happened = (event: string, match: Record<string, unknown> = {}) =>
  events.filter(
    (logged) =>
      logged.event === event && Object.entries(match).every(([key, value]) => logged.fields[key] === value),
  );

describe("GET /metrics on a running serve", () => {
  it("shows the queues, the index and the process before any question", async () => {
    const { samples } = await scrape();
    for (const queue of ["ask", "digest", "feed", "retention"]) {
      expect(sampleValue(samples, "briefbot_queue_depth", { queue, state: "waiting" })).toBe(0);
      expect(sampleValue(samples, "briefbot_queue_oldest_waiting_seconds", { queue })).toBe(0);
    }
    expect(sampleValue(samples, "briefbot_articles_indexed")).toBeGreaterThan(0);
    expect(sampleValue(samples, "briefbot_passages_indexed")).toBeGreaterThan(0);
    expect(sampleValue(samples, "briefbot_index_sync_lag")).toBe(0);
    expect(sampleValue(samples, "briefbot_process_cpu_seconds_total")).toBeGreaterThan(0);
  });

  it("moves the counters as questions are answered, find nothing, are rate-limited and fail", async () => {
    // Answered, after Slack rate-limits the first post (one retry).
    slack.failNext("chat.postMessage", { kind: "rate_limited", retryAfterSeconds: 1 });
    await mention("C1ANSWERED", "who is the CEO of Trend Micro?");
    await until(() => happened("answer_posted", { outcome: "answered" }).length > 0, "the answer", 20_000);
    // Nothing in the articles about it.
    await mention("C2NOTHING", "What did Microsoft announce about Windows licensing?");
    await until(
      () => happened("answer_posted", { outcome: "no_evidence" }).length > 0,
      "the no-evidence reply",
    );
    // Slack refuses every post to the channel: the job fails for good.
    slack.failNext("chat.postMessage", { kind: "slack_error", error: "is_archived" }, 5);
    await mention("C3ARCHIVED", "who is the CEO of Trend Micro?");
    await until(() => happened("job_failed", { retrying: false }).length > 0, "the failed job");
    await untilIdle(asks, "every job done");
    slack.clearFailures("chat.postMessage");

    const { body, samples } = await scrape();
    const questions = "briefbot_questions_total";
    expect(sampleValue(samples, questions, { platform: "slack", outcome: "answered" })).toBe(1);
    expect(sampleValue(samples, questions, { platform: "slack", outcome: "no_evidence" })).toBe(1);
    expect(sampleValue(samples, questions, { platform: "slack", outcome: "failed" })).toBe(1);
    const phases = "briefbot_answer_phase_seconds_count";
    expect(sampleValue(samples, phases, { phase: "ack", platform: "slack" })).toBe(3);
    for (const phase of ["queue_wait", "answer", "post"])
      expect(sampleValue(samples, phases, { phase, platform: "slack" })).toBe(2);
    expect(
      sampleValue(samples, "briefbot_job_retries_total", { queue: "ask", code: "PLATFORM_RATE_LIMITED" }),
    ).toBe(1);
    expect(
      sampleValue(samples, "briefbot_job_failures_total", { queue: "ask", code: "PLATFORM_REJECTED" }),
    ).toBe(1);
    expect(sampleValue(samples, "briefbot_rate_limited_total", { platform: "slack" })).toBeGreaterThanOrEqual(
      1,
    );
    expect(sampleValue(samples, "briefbot_queue_depth", { queue: "ask", state: "failed" })).toBe(1);
    // Channel and job ids are never labels.
    expect(body).not.toMatch(/C1ANSWERED|C3ARCHIVED|EvMETRICS/);
    // The log events that fed them carry the fields the log sink needs.
    expect(happened("answer_posted")[0]?.fields).toMatchObject({
      platform: "slack",
      channel: expect.any(String),
      jobId: expect.any(String),
      queueWaitMs: expect.any(Number),
      answerMs: expect.any(Number),
      postMs: expect.any(Number),
    });
    expect(happened("job_failed", { retrying: false })[0]?.fields).toMatchObject({
      queue: "ask",
      platform: "slack",
      channel: "C3ARCHIVED",
      code: "PLATFORM_REJECTED",
    });
  }, 60_000);
});
