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
import { FakeDiscord } from "../support/fake-discord.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { hostileArticles } from "../support/hostile-article.ts";
import { untilIdle, watchQueue } from "../support/queue-idle.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { SEEDS_DIRECTORY } from "../support/seed-library.ts";
import {
  appMentionEnvelope,
  sendEvent,
  sendSlashCommand,
  slashCommandFields,
} from "../support/slack-signing.ts";
import { pause, until } from "../support/until.ts";

const SECRET = "e2e-signing-secret";
let redis: ThrowawayRedis;
let slack: FakeSlack;
let discord: FakeDiscord;
let services: RunningServices;
let asks: Queue;
let eventsUrl: string;
let dataDirectory: string;
const logs: string[] = [];

beforeAll(async () => {
  redis = await startRedis();
  slack = await FakeSlack.start({ token: "xoxb-e2e" });
  discord = await FakeDiscord.start();
  asks = watchQueue(redis.client(), "ask", "e2e");
  dataDirectory = await mkdtemp(join(tmpdir(), "briefbot-e2e-"));
  const client = new Redis(redis.url);
  const store = new RedisArticleStore(client, "e2e");
  await store.put([...(await loadPaths([SEEDS_DIRECTORY])).articles, ...hostileArticles()]);
  client.disconnect();
  const port = await freePort();
  eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  const config = loadConfig({
    REDIS_URL: redis.url,
    BRIEFBOT_NAMESPACE: "e2e",
    BRIEFBOT_DATA_DIR: dataDirectory,
    PORT: String(port),
    SLACK_BOT_TOKEN: "xoxb-e2e",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: "discord-e2e-token",
    DISCORD_API_URL: discord.apiUrl,
    JOB_LOCK_MS: "5000",
  });
  services = await startServe(config, (event, fields) => logs.push(`${event} ${JSON.stringify(fields)}`));
}, 60_000);

afterAll(async () => {
  await services?.stop();
  await asks?.close();
  await slack?.close();
  await discord?.close();
  await redis?.stop();
  await rm(dataDirectory, { recursive: true, force: true });
});

const postsIn = (channel: string) =>
  slack.callsTo("chat.postMessage").filter((call) => call.body.channel === channel);
const serialized = (value: unknown) => JSON.stringify(value);

describe("serve: Slack over the shared queue", () => {
  it("acks a signed /brief within 3 s and posts a cited answer in the channel", async () => {
    const response = await sendSlashCommand(
      eventsUrl,
      SECRET,
      slashCommandFields({ channel_id: "C1PROVIDE", text: "what will Trend Micro provide?" }),
    );
    expect(response.status).toBe(200);
    expect(response.elapsedMs).toBeLessThan(3_000);
    expect(response.text).toMatch(/Searching/);
    await until(() => postsIn("C1PROVIDE").length > 0, "the answer in C1PROVIDE");
    const post = serialized(postsIn("C1PROVIDE"));
    expect(post).toMatch(/Trend Micro/);
    expect(post).toMatch(/\[1\]/);
  });

  it("refuses a forged request with 401 and queues nothing", async () => {
    const response = await sendSlashCommand(
      eventsUrl,
      SECRET,
      slashCommandFields({ channel_id: "C2FORGED", text: "who is the CEO of Trend Micro?" }),
      { signWith: "not-the-secret" },
    );
    expect(response.status).toBe(401);
    // That nothing happens can only be shown by waiting a while (bounded).
    await pause(500);
    expect(postsIn("C2FORGED")).toEqual([]);
  });

  it("answers an event delivered four times exactly once, in its thread", async () => {
    const envelope = appMentionEnvelope({
      eventId: "EvE2EREPEAT",
      text: `<@${slack.botUserId}> who is the CEO of Trend Micro?`,
      user: "U0READER",
      channel: "C3REPEAT",
      ts: "1700000200.000100",
    });
    for (let attempt = 0; attempt < 4; attempt++) {
      const response = await sendEvent(
        eventsUrl,
        SECRET,
        envelope,
        attempt === 0 ? {} : { retryNum: attempt },
      );
      expect(response.status).toBe(200);
    }
    await until(() => postsIn("C3REPEAT").length > 0, "the mention's answer");
    await untilIdle(asks, "the mention's job done");
    expect(postsIn("C3REPEAT")).toHaveLength(1);
    expect(postsIn("C3REPEAT")[0]?.body.thread_ts).toBe("1700000200.000100");
    expect(serialized(postsIn("C3REPEAT"))).toMatch(/Eva Chen/);
  });

  it("retries a 429 and a 500 from Slack, then posts once", async () => {
    slack.failNext("chat.postMessage", { kind: "rate_limited", retryAfterSeconds: 1 });
    slack.failNext("chat.postMessage", { kind: "server_error" });
    await sendSlashCommand(
      eventsUrl,
      SECRET,
      slashCommandFields({ channel_id: "C4RETRY", text: "who is the CEO of Trend Micro?" }),
    );
    // Every attempt is recorded, refused or not: the one Slack accepted is the post.
    const accepted = () => postsIn("C4RETRY").filter((call) => (call.reply as { ok?: unknown })?.ok === true);
    await until(() => accepted().length > 0, "the answer after retries", 20_000);
    await untilIdle(asks, "the job and its retries done");
    expect(accepted()).toHaveLength(1);
    expect(postsIn("C4RETRY")).toHaveLength(3);
  });

  it("tells the user when Slack keeps refusing, and logs it", async () => {
    slack.failNext("chat.postMessage", { kind: "slack_error", error: "invalid_blocks" }, 10);
    const responseUrl = slack.responseUrl("refused");
    await sendSlashCommand(
      eventsUrl,
      SECRET,
      slashCommandFields({
        channel_id: "C5REFUSED",
        text: "who is the CEO of Trend Micro?",
        response_url: responseUrl,
      }),
    );
    await until(() => slack.responsesTo(responseUrl).length > 0, "a failure notice at the response_url");
    expect(serialized(slack.responsesTo(responseUrl))).toMatch(/could not answer/);
    expect(logs.some((line) => line.startsWith("job_failed") && line.includes("PLATFORM_REJECTED"))).toBe(
      true,
    );
    slack.clearFailures("chat.postMessage");
  });

  it("never lets an article ping anyone", async () => {
    await sendSlashCommand(
      eventsUrl,
      SECRET,
      slashCommandFields({ channel_id: "C6HOSTILE", text: "Why did the Rotterdam harbour close?" }),
    );
    await until(() => postsIn("C6HOSTILE").length > 0, "the hostile-article answer");
    const post = serialized(postsIn("C6HOSTILE"));
    expect(post).toMatch(/storm/);
    expect(post).not.toMatch(/<!channel>|<!here>|<@U123>/);
    expect(post).toMatch(/&lt;!channel&gt;/);
  });
});

describe("serve: Discord over the same queue", () => {
  it("answers a mention with exactly one reply that parses no mentions", async () => {
    await until(() => discord.identifies.length > 0, "the Discord client to identify");
    const messageId = discord.sendMessageCreate({
      content: "who is the CEO of Trend Micro?",
      mentionsBot: true,
    });
    const reply = await discord.waitForCall("POST", /\/channels\/\d+\/messages/, 15_000);
    await untilIdle(asks, "the mention's job done");
    const replies = discord
      .callsTo("POST", /\/channels\/\d+\/messages/)
      .filter((call) => serialized(call.body).includes(messageId));
    expect(replies).toHaveLength(1);
    expect(reply.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(serialized(reply.body)).toMatch(/Eva Chen/);
  });

  it("defers /brief at once, then a worker answers through the interaction follow-up", async () => {
    const { id, token } = discord.sendInteraction({ question: "who is the CEO of Trend Micro?" });
    const deferred = await discord.waitForCall("POST", new RegExp(`/interactions/${id}/`), 3_000);
    expect(deferred.body).toMatchObject({ type: 5 });
    const answer = await discord.waitForCall(
      "PATCH",
      new RegExp(`/webhooks/\\d+/${token}/messages/@original`),
      15_000,
    );
    expect(serialized(answer.body)).toMatch(/Eva Chen/);
    expect(answer.body).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it("sets up a channel digest with /brief digest: (privately) and posts it with digest:now", async () => {
    const subscribe = discord.sendInteraction({ options: { digest: "daily 09:30 UTC" } });
    const deferred = await discord.waitForCall("POST", new RegExp(`/interactions/${subscribe.id}/`), 3_000);
    expect(deferred.body).toMatchObject({ type: 5, data: { flags: 64 } });
    const confirmed = await discord.waitForCall(
      "PATCH",
      new RegExp(`/webhooks/\\d+/${subscribe.token}/messages/@original`),
      5_000,
    );
    expect(serialized(confirmed.body)).toContain("daily at 09:30 (UTC)");

    const before = discord.callsTo("POST", /\/channels\/\d+\/messages/).length;
    const now = discord.sendInteraction({ options: { digest: "now" } });
    await discord.waitForCall("PATCH", new RegExp(`/webhooks/\\d+/${now.token}/messages/@original`), 5_000);
    await until(
      () => discord.callsTo("POST", /\/channels\/\d+\/messages/).length > before,
      "the digest in the channel",
    );
    const digest = discord.callsTo("POST", /\/channels\/\d+\/messages/)[before];
    expect(serialized(digest?.body)).toMatch(/Daily digest: \d stor(y|ies) from \d+ new articles/u);
    expect(digest?.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(serialized(digest?.body)).not.toMatch(/@(everyone|here)|<@[!&]?\d/u);
  });

  it("ignores messages from bots", async () => {
    const replies = () => discord.callsTo("POST", /\/channels\/\d+\/messages/);
    const before = replies().length;
    discord.sendMessageCreate({
      content: "who is the CEO of Trend Micro?",
      mentionsBot: true,
      authorBot: true,
    });
    // A person's mention after it: once that is answered and the queue is idle, a queued bot message would
    // have been answered too (events are handled in order).
    const person = discord.sendMessageCreate({
      content: "who is the CEO of Trend Micro?",
      mentionsBot: true,
    });
    await until(() => replies().length > before, "the answer to the person");
    await untilIdle(asks, "every mention's job done");
    const answered = replies().slice(before);
    expect(answered).toHaveLength(1);
    expect(serialized(answered[0]?.body)).toContain(person);
  });

  it("never lets an article ping anyone", async () => {
    const before = discord.callsTo("POST", /\/channels\/\d+\/messages/).length;
    discord.sendMessageCreate({ content: "Why did the Rotterdam harbour close?", mentionsBot: true });
    await until(
      () => discord.callsTo("POST", /\/channels\/\d+\/messages/).length > before,
      "the Discord answer",
    );
    const reply = discord.callsTo("POST", /\/channels\/\d+\/messages/).at(-1);
    expect(reply?.body).toMatchObject({ allowed_mentions: { parse: [] } });
    const text = serialized(reply?.body);
    expect(text).toMatch(/storm/);
    expect(text).not.toMatch(/(?<!\u200b)@(?:everyone|here)|<@!?\d+>|<@&\d+>/u);
  });
});
