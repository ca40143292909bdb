import { type ChildProcess, spawn } from "node:child_process";
import type { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadPaths } from "../../src/adapters/files/load-paths.ts";
import type { AskRequest } from "../../src/core/chat.ts";
import { parseDocument } from "../../src/core/ingest/index.ts";
import { BullQuestionQueue } from "../../src/queue/bull-question-queue.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { redisConnection } from "../../src/store/redis-connections.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { untilIdle, watchQueue } from "../support/queue-idle.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { SEEDS_DIRECTORY } from "../support/seed-library.ts";
import { serviceArgs } from "../support/service-commands.ts";
import { until } from "../support/until.ts";

const NAMESPACE = "crash";
let redis: ThrowawayRedis;
let slack: FakeSlack;
let asks: Queue;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  slack = await FakeSlack.start({ token: "xoxb-crash" });
  asks = watchQueue(redis.client(), "ask", NAMESPACE);
  const client = new Redis(redis.url);
  await new RedisArticleStore(client, NAMESPACE).put((await loadPaths([SEEDS_DIRECTORY])).articles);
  client.disconnect();
}, 30_000);

afterEach(() => {
  for (const worker of workers.splice(0)) worker.kill("SIGKILL");
});

afterAll(async () => {
  await asks?.close();
  await slack?.close();
  await redis?.stop();
});

/** A `briefbot worker` process, as it runs on another machine; resolves once it takes jobs. */
async function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, serviceArgs("worker"), {
    env: {
      PATH: process.env.PATH ?? "",
      REDIS_URL: redis.url,
      BRIEFBOT_NAMESPACE: NAMESPACE,
      // Several workers on one machine: each its own free operations port.
      HTTP_PORT: "0",
      SLACK_BOT_TOKEN: "xoxb-crash",
      SLACK_SIGNING_SECRET: "crash-secret",
      SLACK_API_URL: slack.apiUrl,
      JOB_LOCK_MS: "2000",
      WORKER_CONCURRENCY: "2",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  workers.push(child);
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    log += chunk.toString("utf8");
  });
  await until(
    () => log.includes("worker_started"),
    `the worker to start (log so far: ${log.slice(-300)})`,
    20_000,
  );
  return child;
}

function ask(channel: string, question = "Who is the CEO of Trend Micro?"): AskRequest {
  return {
    jobId: `slack-cmd-${channel}`,
    question,
    target: { platform: "slack", channelId: channel, userId: "U1" },
    requestedAt: Date.now(),
  };
}

const postsIn = (channel: string) =>
  slack.callsTo("chat.postMessage").filter((call) => call.body.channel === channel);

function manyArticles(count: number) {
  const paragraph =
    "The regional council discussed the harbour budget, the new ferry timetable and the repairs to the dike near the old lighthouse, and agreed to publish a report before the summer.";
  const jsonl = Array.from({ length: count }, (_, index) =>
    JSON.stringify({
      id: `filler-${index}`,
      title: `Council notes ${index}`,
      text: `${paragraph} Item ${index}. ${paragraph.repeat(3)}`,
      language: "en",
    }),
  ).join("\n");
  return parseDocument({ name: "filler.jsonl", content: new TextEncoder().encode(jsonl) }).articles;
}

describe("crash recovery", () => {
  it("runs a job again after its worker is killed mid-job, and posts exactly one answer", async () => {
    // Many articles, so that the job takes long enough to be killed in the middle; stored while the worker starts.
    const client = new Redis(redis.url);
    const [first] = await Promise.all([
      startWorker(),
      new RedisArticleStore(client, NAMESPACE).put(manyArticles(6_000)),
    ]);
    client.disconnect();
    const queue = new BullQuestionQueue(redisConnection(redis.url, "producer"), NAMESPACE);
    try {
      await queue.ask(ask("CKILL"));
      await until(async () => (await queue.counts()).active > 0, "the job to become active");
      first.kill("SIGKILL");
      expect(postsIn("CKILL")).toEqual([]);
      await startWorker();
      await until(() => postsIn("CKILL").length > 0, "the answer after the crash", 30_000);
      await untilIdle(asks, "the job run again to its end");
      expect(postsIn("CKILL")).toHaveLength(1);
      expect(JSON.stringify(postsIn("CKILL")[0]?.body)).toMatch(/Eva Chen/);
    } finally {
      await queue.close();
    }
  }, 90_000);

  it("answers every question queued across a Redis restart, none twice", async () => {
    const channels = ["CR1", "CR2", "CR3", "CR4", "CR5"];
    const before = new BullQuestionQueue(redisConnection(redis.url, "producer"), NAMESPACE);
    try {
      for (const channel of channels) await before.ask(ask(channel));
    } finally {
      await before.close();
    }
    await redis.restart();
    await startWorker();
    const after = new BullQuestionQueue(redisConnection(redis.url, "producer"), NAMESPACE);
    try {
      const more = ["CR6", "CR7", "CR8"];
      for (const channel of more) await after.ask(ask(channel));
      await redis.restart();
      const all = [...channels, ...more];
      await until(
        () => all.every((channel) => postsIn(channel).length > 0),
        "every queued question answered",
        45_000,
      );
      await untilIdle(asks, "every queued question run to its end");
      for (const channel of all) expect(postsIn(channel), channel).toHaveLength(1);
    } finally {
      await after.close();
    }
  }, 90_000);
});
