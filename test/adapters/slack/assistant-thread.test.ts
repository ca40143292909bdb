import { randomUUID } from "node:crypto";
import { LogLevel } from "@slack/bolt";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ASSISTANT_GREETING,
  ASSISTANT_PROMPTS,
  assistantGreeting,
  assistantPrompts,
} from "../../../src/adapters/slack/assistant.ts";
import { createSlackApp, type SlackApp } from "../../../src/adapters/slack/create-slack-app.ts";
import { MemoryConversationMemory, MemoryQuestionQueue } from "../../../src/core/memory/index.ts";
import { FakeSlack } from "../../support/fake-slack.ts";
import { sendEvent } from "../../support/slack-signing.ts";
import { until } from "../../support/until.ts";

const TOKEN = "xoxb-test-token";
const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const BOT = "UBRIEFBOT";
const DM = "D0ASSIST";
const THREAD = "1700000900.000100";

let slack: FakeSlack;
let queue: MemoryQuestionQueue;
let running: SlackApp | undefined;

let eventsUrl: string;

function envelope(event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: "legacy-verification-token",
    team_id: "T0TEAM",
    api_app_id: "A0BRIEF",
    event,
    type: "event_callback",
    event_id: `Ev${randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: "T0TEAM", user_id: BOT, is_bot: true }],
  };
}

function threadStarted(user = "U0ASKER", thread = THREAD): Record<string, unknown> {
  return envelope({
    type: "assistant_thread_started",
    assistant_thread: { user_id: user, context: {}, channel_id: DM, thread_ts: thread },
    event_ts: "1700000900.000200",
  });
}

function assistantMessage(
  text: string,
  ts: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return envelope({
    type: "message",
    channel_type: "im",
    channel: DM,
    user: "U0ASKER",
    text,
    ts,
    thread_ts: THREAD,
    event_ts: ts,
    ...extra,
  });
}

async function settle(): Promise<void> {
  await new Promise((wake) => setTimeout(wake, 200));
}

beforeAll(async () => {
  slack = await FakeSlack.start({ token: TOKEN, botUserId: BOT });
});

afterAll(async () => {
  await slack.close();
});

beforeEach(async () => {
  slack.calls.length = 0;
  queue = new MemoryQuestionQueue();
  running = createSlackApp({
    botToken: TOKEN,
    signingSecret: SECRET,
    port: 0,
    host: "127.0.0.1",
    apiUrl: slack.apiUrl,
    questions: queue,
    memory: new MemoryConversationMemory(),
    articleCount: () => 5,
    logLevel: LogLevel.ERROR,
  });
  const { port } = await running.start();
  eventsUrl = `http://127.0.0.1:${port}/slack/events`;
});

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe("Slack's agent view through the real Bolt receiver", () => {
  it("greets a new assistant thread and offers three suggested prompts", async () => {
    const response = await sendEvent(eventsUrl, SECRET, threadStarted());
    expect(response.status).toBe(200);
    await until(() => slack.callsTo("assistant.threads.setSuggestedPrompts").length === 1, "the prompts");
    expect(slack.callsTo("chat.postMessage")[0]?.body).toMatchObject({ channel: DM, thread_ts: THREAD });
    const prompts = slack.callsTo("assistant.threads.setSuggestedPrompts")[0]?.body;
    expect(prompts).toMatchObject({ channel_id: DM, thread_ts: THREAD });
    expect(JSON.parse(String(prompts?.prompts))).toEqual(ASSISTANT_PROMPTS);
    expect(queue.jobs.size).toBe(0);
  });

  it("greets and offers prompts in the user's Slack locale, asking Slack once per user", async () => {
    slack.setUserLocale("U0DUTCH", "nl-NL");
    slack.setUserLocale("U0FRENCH", "fr-CA");
    await sendEvent(eventsUrl, SECRET, threadStarted("U0DUTCH", "1700000910.000100"));
    await until(() => slack.callsTo("assistant.threads.setSuggestedPrompts").length === 1, "the prompts");
    await sendEvent(eventsUrl, SECRET, threadStarted("U0DUTCH", "1700000920.000100"));
    await sendEvent(eventsUrl, SECRET, threadStarted("U0FRENCH", "1700000930.000100"));
    await until(() => slack.callsTo("assistant.threads.setSuggestedPrompts").length === 3, "the prompts");
    const greetings = slack.callsTo("chat.postMessage").map((call) => call.body.text);
    expect(greetings).toEqual([assistantGreeting("nl"), assistantGreeting("nl"), assistantGreeting("fr")]);
    const prompts = slack.callsTo("assistant.threads.setSuggestedPrompts").map((call) => call.body.prompts);
    expect(JSON.parse(String(prompts[0]))).toEqual(assistantPrompts("nl"));
    expect(JSON.parse(String(prompts[2]))).toEqual(assistantPrompts("fr"));
    expect(assistantPrompts("nl")[0]?.title).toBe("Wat is er nieuw?");
    const lookups = slack.callsTo("users.info").map((call) => call.body);
    expect(lookups).toEqual([
      expect.objectContaining({ user: "U0DUTCH", include_locale: "true" }),
      expect.objectContaining({ user: "U0FRENCH", include_locale: "true" }),
    ]);
  });

  it("greets in English when the locale is another language, or Slack will not tell it", async () => {
    slack.setUserLocale("U0GERMAN", "de-DE");
    await sendEvent(eventsUrl, SECRET, threadStarted("U0GERMAN", "1700000940.000100"));
    await until(() => slack.callsTo("assistant.threads.setSuggestedPrompts").length === 1, "the prompts");
    slack.failNext("users.info", { kind: "slack_error", error: "missing_scope" });
    await sendEvent(eventsUrl, SECRET, threadStarted("U0NOSCOPE", "1700000950.000100"));
    await until(() => slack.callsTo("assistant.threads.setSuggestedPrompts").length === 2, "the prompts");
    expect(slack.callsTo("chat.postMessage").map((call) => call.body.text)).toEqual([
      ASSISTANT_GREETING,
      ASSISTANT_GREETING,
    ]);
    const prompts = slack.callsTo("assistant.threads.setSuggestedPrompts").map((call) => call.body.prompts);
    expect(prompts.map((json) => JSON.parse(String(json)))).toEqual([ASSISTANT_PROMPTS, ASSISTANT_PROMPTS]);
  });

  it("queues a question in the thread once, marked as an assistant thread, and shows a status", async () => {
    await sendEvent(
      eventsUrl,
      SECRET,
      assistantMessage("What did Trend Micro sign with Interpol?", "1700000901.000100"),
    );
    await until(() => queue.jobs.size === 1, "the question");
    await until(() => slack.callsTo("assistant.threads.setStatus").length === 1, "the status");
    await settle();
    // Bolt gives the message to the Assistant alone: the DM handler does not queue it a second time.
    // Every ask counts: the same event id would make a second handler's job a duplicate, hiding it in `jobs`.
    expect(queue.asked).toHaveLength(1);
    expect(queue.requests[0]?.target).toEqual({
      platform: "slack",
      teamId: "T0TEAM",
      channelId: DM,
      userId: "U0ASKER",
      threadTs: THREAD,
      assistantThread: true,
    });
    expect(slack.callsTo("assistant.threads.setStatus")[0]?.body).toMatchObject({
      channel_id: DM,
      thread_ts: THREAD,
      status: "Searching the articles…",
    });
    expect(slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("reads a second question with the thread's first, and ignores its own streamed answers", async () => {
    await sendEvent(
      eventsUrl,
      SECRET,
      assistantMessage("What did Trend Micro sign with Interpol?", "1700000901.000100"),
    );
    await until(() => queue.jobs.size === 1, "the question");
    await sendEvent(
      eventsUrl,
      SECRET,
      assistantMessage("The answer", "1700000901.000150", { user: BOT, bot_id: "BBRIEFBOT" }),
    );
    await sendEvent(eventsUrl, SECRET, assistantMessage("and for how long?", "1700000901.000200"));
    await until(() => queue.jobs.size === 2, "the follow-up");
    await settle();
    expect(queue.jobs.size).toBe(2);
    expect(queue.requests[1]?.previousQuestion).toBe("What did Trend Micro sign with Interpol?");
  });

  it("still answers a direct message outside any thread through the message handler, as a plain target", async () => {
    const direct = assistantMessage("What did Trend Micro sign with Interpol?", "1700000902.000100");
    delete (direct.event as Record<string, unknown>).thread_ts;
    await sendEvent(eventsUrl, SECRET, direct);
    await until(() => queue.jobs.size === 1, "the direct question");
    expect(queue.requests[0]?.target).not.toHaveProperty("assistantThread");
    expect(slack.callsTo("assistant.threads.setStatus")).toHaveLength(0);
  });
});
