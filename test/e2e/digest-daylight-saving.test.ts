import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadPaths } from "../../src/adapters/files/load-paths.ts";
import { type RunningServices, startServe } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { freePort } from "../../src/store/embedded-redis-server.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { fireNextRun } from "../support/digest-driver.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { SEEDS_DIRECTORY } from "../support/seed-library.ts";
import { sendSlashCommand, slashCommandFields } from "../support/slack-signing.ts";
import { until } from "../support/until.ts";

const SECRET = "dst-signing-secret";
const NAMESPACE = "dst";
let redis: ThrowawayRedis;
let client: Redis;
let slack: FakeSlack;
let queue: Queue;
let services: RunningServices;
let eventsUrl: string;
let dataDirectory: string;

beforeAll(async () => {
  // The whole process believes it is the Friday before Amsterdam's clocks go forward (2027-03-28, 02:00 → 03:00).
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2027-03-26T12:00:00Z") });
  redis = await startRedis();
  slack = await FakeSlack.start({ token: "xoxb-dst" });
  dataDirectory = await mkdtemp(join(tmpdir(), "briefbot-dst-"));
  client = new Redis(redis.url);
  await new RedisArticleStore(client, NAMESPACE).put((await loadPaths([SEEDS_DIRECTORY])).articles);
  const port = await freePort();
  eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  services = await startServe(
    loadConfig({
      REDIS_URL: redis.url,
      BRIEFBOT_NAMESPACE: NAMESPACE,
      BRIEFBOT_DATA_DIR: dataDirectory,
      PORT: String(port),
      SLACK_BOT_TOKEN: "xoxb-dst",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
    }),
    () => {},
  );
  queue = new Queue("digest", { connection: client, prefix: `{${NAMESPACE}}` });
}, 60_000);

afterAll(async () => {
  await services?.stop();
  await queue?.close();
  client?.disconnect();
  await slack?.close();
  await redis?.stop();
  await rm(dataDirectory, { recursive: true, force: true });
  vi.useRealTimers();
});

describe("digests across a daylight-saving change", () => {
  it("posts at 08:00 Amsterdam time the day before, the day of and the day after the change", async () => {
    const response = await sendSlashCommand(
      eventsUrl,
      SECRET,
      slashCommandFields({ channel_id: "C0DST", text: "digest daily 08:00 Europe/Amsterdam" }),
    );
    expect(response.status).toBe(200);
    const subscription = "slack-sub-T0TEAM-C0DST";
    const runs: string[] = [];
    for (let day = 0; day < 3; day++)
      runs.push(new Date(await fireNextRun(queue, subscription)).toISOString());
    // 08:00 CET is 07:00Z; from the change on, 08:00 CEST is 06:00Z.
    expect(runs).toEqual([
      "2027-03-27T07:00:00.000Z",
      "2027-03-28T06:00:00.000Z",
      "2027-03-29T06:00:00.000Z",
    ]);
    await until(() => slack.callsTo("chat.postMessage").length >= 3, "three digests");
    const posts = slack.callsTo("chat.postMessage").map((call) => String(call.body.text));
    expect(posts[0]).toMatch(/^Daily digest: \d stor(y|ies) from 5 new articles/u);
    expect(posts[1]).toBe("No new articles since 2027-03-27 08:00 Europe/Amsterdam.");
    expect(posts[2]).toBe("No new articles since 2027-03-28 08:00 Europe/Amsterdam.");
  }, 60_000);
});
