import { LogLevel } from "@slack/bolt";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSlackApp, type SlackApp } from "../../../src/adapters/slack/create-slack-app.ts";
import { MemoryConversationMemory, MemoryQuestionQueue } from "../../../src/core/memory/index.ts";
import { FakeSlack } from "../../support/fake-slack.ts";
import { type AppMentionFields, appMentionEnvelope, sendEvent } from "../../support/slack-signing.ts";
import { until } from "../../support/until.ts";

const TOKEN = "xoxb-test-token";
const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const BOT = "UBRIEFBOT";
const THREAD = "1700000500.000100";
const IDLE_MS = 30 * 60_000;

let slack: FakeSlack;
let queue: MemoryQuestionQueue;
let memory: MemoryConversationMemory;
let running: SlackApp | undefined;
let eventsUrl: string;
let clock: number;

/** The same event as a plain `message`, as Slack also delivers every message in a channel the bot is in. */
function messageEnvelope(fields: AppMentionFields): Record<string, unknown> {
  const envelope = appMentionEnvelope(fields);
  const event = envelope.event as Record<string, unknown>;
  event.type = "message";
  event.channel_type = "channel";
  return envelope;
}

beforeAll(async () => {
  slack = await FakeSlack.start({ token: TOKEN, botUserId: BOT });
});

afterAll(async () => {
  await slack.close();
});

beforeEach(async () => {
  queue = new MemoryQuestionQueue();
  memory = new MemoryConversationMemory();
  clock = 1_000_000;
  running = createSlackApp({
    botToken: TOKEN,
    signingSecret: SECRET,
    port: 0,
    host: "127.0.0.1",
    apiUrl: slack.apiUrl,
    questions: queue,
    memory,
    followUpIdleMs: IDLE_MS,
    articleCount: () => 5,
    now: () => clock,
    logLevel: LogLevel.ERROR,
  });
  const { port } = await running.start();
  eventsUrl = `http://127.0.0.1:${port}/slack/events`;
});

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function askInThread(): Promise<void> {
  const fields = { text: `<@${BOT}> What did Trend Micro sign with Interpol?`, user: "U0ASKER", ts: THREAD };
  await sendEvent(eventsUrl, SECRET, appMentionEnvelope(fields));
  await sendEvent(eventsUrl, SECRET, messageEnvelope(fields));
  await until(() => memory.threads.size === 1, "the mention to be remembered");
}

async function settle(): Promise<void> {
  await new Promise((wake) => setTimeout(wake, 200));
}

describe("follow-ups in a Slack thread without tagging the bot", () => {
  it("answers an untagged question in the thread once, read with the thread's earlier questions", async () => {
    await askInThread();
    clock += 60_000;
    const reply = { text: "and for how long?", user: "U0ASKER", ts: "1700000600.000100", threadTs: THREAD };
    await sendEvent(eventsUrl, SECRET, messageEnvelope(reply));
    await until(() => queue.jobs.size === 2, "the follow-up to be queued");
    await settle();
    const followUp = queue.requests[1];
    expect(followUp).toMatchObject({
      question: "and for how long?",
      previousQuestion: "What did Trend Micro sign with Interpol?",
      target: { platform: "slack", channelId: "C0NEWS", threadTs: THREAD },
    });
    expect(queue.jobs.size).toBe(2);

    clock += 60_000;
    const third = { text: "where?", user: "U0OTHER", ts: "1700000700.000100", threadTs: THREAD };
    await sendEvent(eventsUrl, SECRET, messageEnvelope(third));
    await until(() => queue.jobs.size === 3, "the second follow-up to be queued");
    expect(queue.requests[2]?.previousQuestion).toBe(
      "and for how long? (What did Trend Micro sign with Interpol?)",
    );
  });

  it("answers a tagged reply once although it arrives as both app_mention and message", async () => {
    await askInThread();
    const tagged = {
      text: `<@${BOT}> and in 2014?`,
      user: "U0ASKER",
      ts: "1700000600.000200",
      threadTs: THREAD,
    };
    await sendEvent(eventsUrl, SECRET, messageEnvelope(tagged));
    await sendEvent(eventsUrl, SECRET, appMentionEnvelope(tagged));
    await until(() => queue.jobs.size === 2, "the tagged reply to be queued");
    await settle();
    expect(queue.jobs.size).toBe(2);
  });

  it("leaves alone talk that is not a question, a thread gone idle, and threads it never answered in", async () => {
    await askInThread();
    await sendEvent(
      eventsUrl,
      SECRET,
      messageEnvelope({
        text: "thanks, that helps",
        user: "U0ASKER",
        ts: "1700000600.000300",
        threadTs: THREAD,
      }),
    );
    await sendEvent(
      eventsUrl,
      SECRET,
      messageEnvelope({
        text: "what about Europol?",
        user: "U0ASKER",
        ts: "1700000600.000400",
        threadTs: "1690000000.000001",
      }),
    );
    await sendEvent(
      eventsUrl,
      SECRET,
      messageEnvelope({ text: "What is the IGCI?", user: "U0ASKER", ts: "1700000600.000500" }),
    );
    clock += IDLE_MS + 1;
    await sendEvent(
      eventsUrl,
      SECRET,
      messageEnvelope({
        text: "and who leads it?",
        user: "U0ASKER",
        ts: "1700000600.000600",
        threadTs: THREAD,
      }),
    );
    await settle();
    expect(queue.jobs.size).toBe(1);
  });

  it("answers every question in a direct message, in the conversation, with its earlier questions", async () => {
    const direct = (text: string, ts: string) => {
      const envelope = messageEnvelope({ text, user: "U0ASKER", ts, channel: "D0DIRECT" });
      (envelope.event as Record<string, unknown>).channel_type = "im";
      return envelope;
    };
    await sendEvent(
      eventsUrl,
      SECRET,
      direct("What did Trend Micro sign with Interpol?", "1700000800.000100"),
    );
    await until(() => queue.jobs.size === 1, "the direct question");
    clock += 60_000;
    await sendEvent(eventsUrl, SECRET, direct("and for how long?", "1700000800.000200"));
    await until(() => queue.jobs.size === 2, "the direct follow-up");
    expect(queue.requests[0]?.target).toMatchObject({ channelId: "D0DIRECT", userId: "U0ASKER" });
    expect(queue.requests[0]?.target).not.toHaveProperty("threadTs");
    expect(queue.requests[1]?.previousQuestion).toBe("What did Trend Micro sign with Interpol?");
  });
});
