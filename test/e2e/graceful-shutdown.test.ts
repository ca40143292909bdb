import type { Queue } from "bullmq";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadPaths } from "../../src/adapters/files/load-paths.ts";
import type { AskRequest } from "../../src/core/chat.ts";
import { BullQuestionQueue } from "../../src/queue/bull-question-queue.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { redisConnection } from "../../src/store/redis-connections.ts";
import { FakeOpenAI } from "../support/fake-openai.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { untilIdle, watchQueue } from "../support/queue-idle.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { SEEDS_DIRECTORY } from "../support/seed-library.ts";
import {
  assertServiceLogsClean,
  httpGet,
  loggedFields,
  type ServiceProcess,
  spawnService,
} from "../support/service-process.ts";
import { until } from "../support/until.ts";

const NAMESPACE = "graceful";
let redis: ThrowawayRedis;
let slack: FakeSlack;
let openai: FakeOpenAI;
let asks: Queue;
let questions: BullQuestionQueue;
const workers: ServiceProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  slack = await FakeSlack.start({ token: "xoxb-graceful" });
  openai = await FakeOpenAI.start();
  asks = watchQueue(redis.client(), "ask", NAMESPACE);
  questions = new BullQuestionQueue(redisConnection(redis.url, "producer"), NAMESPACE);
  await new RedisArticleStore(redis.client(), NAMESPACE).put((await loadPaths([SEEDS_DIRECTORY])).articles);
}, 30_000);

afterEach(() => {
  for (const worker of workers.splice(0)) worker.child.kill("SIGKILL");
});

afterAll(async () => {
  await questions?.close();
  await asks?.close();
  await openai?.close();
  await slack?.close();
  await redis?.stop();
});

/** A `briefbot worker` process answering with the fake model; resolves once it takes jobs. */
async function startWorker(graceMs: number): Promise<ServiceProcess> {
  const worker = spawnService("worker", {
    REDIS_URL: redis.url,
    BRIEFBOT_NAMESPACE: NAMESPACE,
    SLACK_BOT_TOKEN: "xoxb-graceful",
    SLACK_SIGNING_SECRET: "graceful-secret",
    SLACK_API_URL: slack.apiUrl,
    OPENAI_BASE_URL: openai.baseUrl,
    OPENAI_MODEL: "fake-model",
    LLM_TIMEOUT_MS: "30000",
    LLM_ATTEMPTS: "1",
    JOB_LOCK_MS: "2000",
    HTTP_PORT: "0",
    SHUTDOWN_GRACE_MS: String(graceMs),
  });
  workers.push(worker);
  await worker.logged("worker_started");
  return worker;
}

function ask(channel: string): AskRequest {
  return {
    jobId: `slack-cmd-${channel}`,
    question: "Who is the CEO of Trend Micro?",
    target: { platform: "slack", channelId: channel, userId: "U1" },
    requestedAt: Date.now(),
  };
}

const postsIn = (channel: string) =>
  slack.callsTo("chat.postMessage").filter((call) => call.body.channel === channel);

/** The question is being answered: its job is running, in the model call. */
async function untilInFlight(calls: number): Promise<void> {
  await until(() => openai.chatCalls().length > calls, "the job to reach the model", 20_000);
  expect((await questions.counts()).active).toBe(1);
}

/** The one message in the channel reads as an answer now (the placeholder was edited into it, or posted so). */
function answeredOnce(channel: string): void {
  const posts = postsIn(channel);
  expect(posts).toHaveLength(1);
  const ts = (posts[0]?.reply as { ts?: string } | undefined)?.ts;
  const shown = ts === undefined ? posts[0]?.body : slack.message(channel, ts);
  expect(JSON.stringify(shown)).toMatch(/Eva Chen/);
}

async function exitedWithin(worker: ServiceProcess, ms: number): Promise<number | null> {
  const startedAt = performance.now();
  const code = await worker.exited;
  expect(performance.now() - startedAt).toBeLessThan(ms);
  return code;
}

describe("a worker stopped with SIGTERM", () => {
  it("finishes the job in flight within SHUTDOWN_GRACE_MS, answers once, and exits 0; readiness fails at once", async () => {
    const worker = await startWorker(30_000);
    const port = await worker.opsPort();
    expect((await httpGet(port, "/readyz")).status).toBe(200);
    const calls = openai.chatCalls().length;
    // The model takes about three seconds to answer.
    openai.script({ kind: "content", content: "ok", chunkSize: 1, chunkDelayMs: 1_500 });
    await questions.ask(ask("CFINISH"));
    await untilInFlight(calls);
    worker.child.kill("SIGTERM");
    await until(
      async () =>
        (await httpGet(port, "/readyz").then(
          (r) => r.status,
          () => "closed",
        )) !== 200,
      "readiness to fail",
      2_000,
    );
    expect(await exitedWithin(worker, 20_000)).toBe(0);
    expect(loggedFields(worker.log(), "workers_stopped")).toBeDefined();
    expect(loggedFields(worker.log(), "jobs_handed_back")).toBeUndefined();
    await untilIdle(asks, "the job finished");
    expect((await questions.counts()).completed).toBeGreaterThanOrEqual(1);
    answeredOnce("CFINISH");
  }, 60_000);

  it("hands the job back after a tiny grace; another worker answers it, once", async () => {
    const first = await startWorker(100);
    const calls = openai.chatCalls().length;
    openai.script({ kind: "hang" });
    await questions.ask(ask("CHANDBACK"));
    await untilInFlight(calls);
    first.child.kill("SIGTERM");
    expect(await exitedWithin(first, 10_000)).toBe(0);
    expect(loggedFields(first.log(), "jobs_handed_back")).toMatchObject({ graceMs: 100 });
    expect(slackShowsAnswer("CHANDBACK")).toBe(false);
    await startWorker(8_000);
    await until(() => slackShowsAnswer("CHANDBACK"), "the answer from the second worker", 30_000);
    await untilIdle(asks, "the job run again to its end");
    answeredOnce("CHANDBACK");
  }, 90_000);

  it("exits at once (130) on a second signal; the job is then taken over and answered once", async () => {
    const first = await startWorker(60_000);
    const calls = openai.chatCalls().length;
    openai.script({ kind: "hang" });
    await questions.ask(ask("CTWICE"));
    await untilInFlight(calls);
    first.child.kill("SIGTERM");
    await first.logged("stopping");
    first.child.kill("SIGTERM");
    expect(await exitedWithin(first, 5_000)).toBe(130);
    expect(loggedFields(first.log(), "stopping_now")).toBeDefined();
    await startWorker(8_000);
    await until(() => slackShowsAnswer("CTWICE"), "the answer from the second worker", 30_000);
    await untilIdle(asks, "the job run again to its end");
    answeredOnce("CTWICE");
  }, 90_000);
});

describe("a worker stopped with SIGTERM while it starts", () => {
  it("exits 0, not by the signal's default action", async () => {
    const worker = spawnService("worker", {
      REDIS_URL: redis.url,
      BRIEFBOT_NAMESPACE: NAMESPACE,
      HTTP_PORT: "0",
      SHUTDOWN_GRACE_MS: "5000",
    });
    workers.push(worker);
    // The endpoints listen before the index loads: the start is under way.
    await worker.logged("ops_listening");
    worker.child.kill("SIGTERM");
    expect(await exitedWithin(worker, 15_000)).toBe(0);
    expect(loggedFields(worker.log(), "stopping")).toBeDefined();
  }, 30_000);
});

/** Whether the channel's one message reads as the answer by now. */
function slackShowsAnswer(channel: string): boolean {
  return postsIn(channel).some((post) => {
    const ts = (post.reply as { ts?: string } | undefined)?.ts;
    const shown = ts === undefined ? post.body : slack.message(channel, ts);
    return JSON.stringify(shown).includes("Eva Chen");
  });
}

afterAll(() => assertServiceLogsClean());
