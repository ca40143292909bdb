import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPaths } from "../../src/adapters/files/load-paths.ts";
import { freePort } from "../../src/store/embedded-redis-server.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { fireNextRun } from "../support/digest-driver.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { untilIdle } from "../support/queue-idle.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { SEEDS_DIRECTORY } from "../support/seed-library.ts";
import { serviceArgs } from "../support/service-commands.ts";
import { sendSlashCommand, slashCommandFields } from "../support/slack-signing.ts";
import { until } from "../support/until.ts";

const SECRET = "two-process-secret";
const NAMESPACE = "twoserve";
let redis: ThrowawayRedis;
let client: Redis;
let slack: FakeSlack;
let queue: Queue;
let dataDirectory: string;
const children: Array<{ process: ChildProcess; log: () => string; url: string }> = [];

async function startServeProcess(): Promise<void> {
  const port = await freePort();
  const child = spawn(process.execPath, serviceArgs("serve"), {
    env: {
      PATH: process.env.PATH ?? "",
      REDIS_URL: redis.url,
      BRIEFBOT_NAMESPACE: NAMESPACE,
      BRIEFBOT_DATA_DIR: dataDirectory,
      PORT: String(port),
      SLACK_BOT_TOKEN: "xoxb-two",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    log += chunk.toString("utf8");
  });
  children.push({ process: child, log: () => log, url: `http://127.0.0.1:${port}/slack/events` });
  await until(() => log.includes("adapter_started"), `serve to start (log: ${log.slice(-300)})`, 30_000);
}

beforeAll(async () => {
  redis = await startRedis();
  slack = await FakeSlack.start({ token: "xoxb-two" });
  dataDirectory = await mkdtemp(join(tmpdir(), "briefbot-two-"));
  client = new Redis(redis.url);
  await new RedisArticleStore(client, NAMESPACE).put((await loadPaths([SEEDS_DIRECTORY])).articles);
  queue = new Queue("digest", { connection: client, prefix: `{${NAMESPACE}}` });
  await Promise.all([startServeProcess(), startServeProcess()]);
}, 60_000);

afterAll(async () => {
  await Promise.all(
    children.map(
      ({ process: child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
  await queue?.close();
  client?.disconnect();
  await slack?.close();
  await redis?.stop();
  await rm(dataDirectory, { recursive: true, force: true });
});

describe("two briefbot serve processes on one Redis", () => {
  it("keep one scheduler per channel and post each day's digest once", async () => {
    const response = await sendSlashCommand(
      children[0]?.url ?? "",
      SECRET,
      slashCommandFields({ channel_id: "C0TWO", text: "digest daily 06:45 Asia/Tokyo" }),
    );
    expect(response.status).toBe(200);
    // The second process subscribes the same channel again (as a restart would re-upsert it): still one scheduler.
    await sendSlashCommand(
      children[1]?.url ?? "",
      SECRET,
      slashCommandFields({ channel_id: "C0TWO", text: "digest daily 06:45 Asia/Tokyo" }),
    );
    expect(await queue.getJobSchedulers()).toHaveLength(1);

    const subscription = "slack-sub-T0TEAM-C0TWO";
    await fireNextRun(queue, subscription);
    await fireNextRun(queue, subscription);
    await until(() => slack.callsTo("chat.postMessage").length >= 2, "two days' digests");
    await untilIdle(queue, "both runs done", { delayed: "scheduled" });
    const posts = slack.callsTo("chat.postMessage").map((call) => String(call.body.text));
    expect(posts).toHaveLength(2);
    expect(posts[0]).toMatch(/^Daily digest: \d stor(y|ies) from 5 new articles/u);
    expect(posts[1]).toMatch(/^No new articles since \d{4}-\d\d-\d\d 06:45 Asia\/Tokyo\.$/u);
    // One line per run, whether the line is JSON or `time event key=value…`.
    const runs = children.map(
      (child) =>
        child
          .log()
          .split("\n")
          .filter((line) => /\bdigest_posted\b/u.test(line)).length,
    );
    expect(runs.reduce((sum, count) => sum + count, 0)).toBe(2);
  }, 60_000);
});
