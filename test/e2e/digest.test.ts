import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPaths } from "../../src/adapters/files/load-paths.ts";
import { type RunningServices, startServe } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { localTime } from "../../src/core/subscriptions/index.ts";
import { freePort } from "../../src/store/embedded-redis-server.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { fireNextRun, pendingRun } from "../support/digest-driver.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { hostileArticles } from "../support/hostile-article.ts";
import { untilIdle } from "../support/queue-idle.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { SEEDS_DIRECTORY } from "../support/seed-library.ts";
import { sendSlashCommand, slashCommandFields } from "../support/slack-signing.ts";
import { until } from "../support/until.ts";

const SECRET = "digest-signing-secret";
const NAMESPACE = "digests";
let redis: ThrowawayRedis;
let client: Redis;
let slack: FakeSlack;
let queue: Queue;
const running: RunningServices[] = [];
const urls: string[] = [];
let dataDirectory: string;
const logs: string[] = [];

async function startAnotherServe(): Promise<void> {
  const port = await freePort();
  urls.push(`http://127.0.0.1:${port}/slack/events`);
  const config = loadConfig({
    REDIS_URL: redis.url,
    BRIEFBOT_NAMESPACE: NAMESPACE,
    BRIEFBOT_DATA_DIR: dataDirectory,
    PORT: String(port),
    SLACK_BOT_TOKEN: "xoxb-digest",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    JOB_LOCK_MS: "5000",
  });
  running.push(await startServe(config, (event, fields) => logs.push(`${event} ${JSON.stringify(fields)}`)));
}

beforeAll(async () => {
  redis = await startRedis();
  slack = await FakeSlack.start({ token: "xoxb-digest" });
  dataDirectory = await mkdtemp(join(tmpdir(), "briefbot-digest-"));
  client = new Redis(redis.url);
  await new RedisArticleStore(client, NAMESPACE).put((await loadPaths([SEEDS_DIRECTORY])).articles);
  // Two `serve` instances on one Redis: each runs the Slack adapter, the workers and the schedulers.
  await startAnotherServe();
  await startAnotherServe();
  queue = new Queue("digest", { connection: client, prefix: `{${NAMESPACE}}` });
}, 60_000);

afterAll(async () => {
  for (const services of running) await services.stop();
  await queue?.close();
  client?.disconnect();
  await slack?.close();
  await redis?.stop();
  await rm(dataDirectory, { recursive: true, force: true });
});

async function command(channel: string, text: string, serve = 0): Promise<string> {
  const response = await sendSlashCommand(
    urls[serve] ?? "",
    SECRET,
    slashCommandFields({ channel_id: channel, text }),
  );
  expect(response.status).toBe(200);
  return String((JSON.parse(response.text) as { text?: string }).text ?? "");
}

const postsIn = (channel: string) =>
  slack.callsTo("chat.postMessage").filter((call) => call.body.channel === channel);
const subscriptionOf = (channel: string) => `slack-sub-T0TEAM-${channel}`;

function storiesOf(post: { body: Record<string, unknown> }): string[] {
  const blocks = post.body.blocks as Array<{ type: string; text?: { text: string } }>;
  return blocks
    .filter((block) => block.type === "section" && /^\*\d+\. /u.test(block.text?.text ?? ""))
    .map((block) => block.text?.text ?? "");
}

describe("digests: subscribe in Slack, post on the scheduler's time", () => {
  it("subscribes a channel, posts its first digest of the seeds at 08:00 Amsterdam time, once for two serve processes", async () => {
    const reply = await command("C0DAILY", "digest daily 08:00 Europe/Amsterdam", 1);
    expect(reply).toContain("daily at 08:00 (Europe/Amsterdam)");
    const run = await pendingRun(queue, subscriptionOf("C0DAILY"));
    expect(run).toBeDefined();
    expect((await queue.getJobSchedulers()).length).toBe(1);
    const scheduled = run?.opts.prevMillis ?? 0;
    expect(localTime(scheduled, "Europe/Amsterdam").time).toBe("08:00");
    expect(scheduled).toBeGreaterThan(Date.now());

    const firedAt = await fireNextRun(queue, subscriptionOf("C0DAILY"));
    expect(firedAt).toBe(scheduled);
    await until(() => postsIn("C0DAILY").length >= 1, "the digest post");
    await untilIdle(queue, "the run done", { delayed: "scheduled" });
    const posts = postsIn("C0DAILY");
    expect(posts).toHaveLength(1);
    const stories = storiesOf(posts[0] ?? { body: {} });
    expect(stories.length).toBeGreaterThanOrEqual(1);
    expect(stories.length).toBeLessThanOrEqual(2);
    for (const story of stories) expect(story).toMatch(/\d+ sources · [a-z]{2}, [a-z]{2}/u);
    const text = JSON.stringify(posts[0]?.body.blocks);
    expect(text).toMatch(/\[1\]/u);

    // The next run is the next day at 08:00 local; with nothing new it says so, in one line.
    const next = await pendingRun(queue, subscriptionOf("C0DAILY"));
    expect((next?.opts.prevMillis ?? 0) - scheduled).toBeGreaterThanOrEqual(23 * 3600 * 1000);
    await fireNextRun(queue, subscriptionOf("C0DAILY"));
    await until(() => postsIn("C0DAILY").length >= 2, "the second day's post");
    expect(String(postsIn("C0DAILY")[1]?.body.text)).toMatch(
      /^No new articles since \d{4}-\d\d-\d\d 08:00 Europe\/Amsterdam\./u,
    );
  }, 60_000);

  it("covers only what arrived since the last digest, and catches up after downtime without repeating", async () => {
    await command("C0CATCH", "digest daily 07:15 UTC");
    await fireNextRun(queue, subscriptionOf("C0CATCH"));
    await until(() => postsIn("C0CATCH").length >= 1, "the first digest");
    const firstText = JSON.stringify(postsIn("C0CATCH")[0]?.body);
    expect(firstText).toContain("Trend Micro");

    // The bot is "down" through a day's run: the run waits in Redis; two articles arrive meanwhile.
    await new RedisArticleStore(client, NAMESPACE).put(hostileArticles());
    await fireNextRun(queue, subscriptionOf("C0CATCH"));
    await until(() => postsIn("C0CATCH").length >= 2, "the catch-up digest");
    const catchUp = JSON.stringify(postsIn("C0CATCH")[1]?.body);
    expect(catchUp).toContain("Harbour");
    expect(catchUp).not.toContain("Trend Micro");
    // Nothing in the article can ping anyone: Slack's special sequences arrive escaped.
    expect(catchUp).not.toMatch(/<!channel>|<!here>|<@U123>/u);
    expect(catchUp).toContain("&lt;!channel&gt;");

    await fireNextRun(queue, subscriptionOf("C0CATCH"));
    await until(() => postsIn("C0CATCH").length >= 3, "the third day's post");
    expect(String(postsIn("C0CATCH")[2]?.body.text)).toMatch(/^No new articles since/u);
  }, 60_000);

  it("answers digest now, status and off, and names a bad time zone", async () => {
    expect(await command("C0MANUAL", "digest now")).toContain("has no digest yet");
    expect(await command("C0MANUAL", "digest daily 08:00 Mars/Olympus")).toContain(
      '"Mars/Olympus" is not a time zone',
    );
    expect(await command("C0MANUAL", "digest daily 8:00 europe/amsterdam harbour --quiet")).toContain(
      'about "harbour"',
    );
    expect(await command("C0MANUAL", "digest status")).toMatch(
      /daily at 08:00 \(Europe\/Amsterdam\) about "harbour", and nothing on days without news\. Next digest: \d{4}-\d\d-\d\d 08:00 Europe\/Amsterdam\./u,
    );
    expect(await command("C0MANUAL", "digest now")).toContain("Composing the digest now");
    await until(() => postsIn("C0MANUAL").length >= 1, "the digest asked for now");
    const now = JSON.stringify(postsIn("C0MANUAL")[0]?.body);
    expect(now).toContain("Digest: harbour");
    expect(now).toContain("Harbour");
    expect(now).not.toContain("Trend Micro");

    // Quiet and nothing new: nothing is posted.
    await fireNextRun(queue, subscriptionOf("C0MANUAL"));
    await untilIdle(queue, "the quiet run done", { delayed: "scheduled" });
    expect(postsIn("C0MANUAL")).toHaveLength(1);

    expect(await command("C0MANUAL", "digest off")).toContain("off");
    expect(await pendingRun(queue, subscriptionOf("C0MANUAL"))).toBeUndefined();
    expect(await command("C0MANUAL", "digest status")).toContain("has no digest");
  }, 60_000);

  it("summarizes the stored articles on a topic, cited", async () => {
    const ack = await command("C0SUMMARY", "summarize Trend Micro INTERPOL");
    expect(ack).toMatch(/^Summarizing/u);
    await until(() => postsIn("C0SUMMARY").length >= 1, "the summary");
    const summary = JSON.stringify(postsIn("C0SUMMARY")[0]?.body.blocks);
    expect(summary).toContain("Summary: Trend Micro INTERPOL");
    expect(summary).toMatch(/\[1\]/u);
    expect(summary).toContain("*Sources*");
  }, 30_000);
});
