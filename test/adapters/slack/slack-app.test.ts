import { LogLevel } from "@slack/bolt";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSlackApp, type SlackApp } from "../../../src/adapters/slack/create-slack-app.ts";
import type { AskRequest, QuestionQueue } from "../../../src/core/chat.ts";
import { MemoryConversationMemory, MemoryQuestionQueue } from "../../../src/core/memory/index.ts";
import { askRequestSchema } from "../../../src/queue/ask-job-schema.ts";
import { FakeSlack } from "../../support/fake-slack.ts";
import {
  appMentionEnvelope,
  sendEvent,
  sendSlashCommand,
  slashCommandFields,
  urlVerificationPayload,
} from "../../support/slack-signing.ts";
import { until } from "../../support/until.ts";

const TOKEN = "xoxb-test-token";
const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

let slack: FakeSlack;
let queue: MemoryQuestionQueue;
let memory: MemoryConversationMemory;
let running: SlackApp | undefined;
let eventsUrl: string;
let logged: string[];

beforeAll(async () => {
  slack = await FakeSlack.start({ token: TOKEN });
});

afterAll(async () => {
  await slack.close();
});

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function startApp(
  overrides: { questions?: QuestionQueue; articleCount?: () => number | Promise<number> } = {},
): Promise<void> {
  running = createSlackApp({
    botToken: TOKEN,
    signingSecret: SECRET,
    port: 0,
    host: "127.0.0.1",
    apiUrl: slack.apiUrl,
    questions: overrides.questions ?? queue,
    memory,
    articleCount: overrides.articleCount ?? (() => 1_234),
    log: (event) => logged.push(event),
    logLevel: LogLevel.ERROR,
  });
  const { port } = await running.start();
  eventsUrl = `http://127.0.0.1:${port}/slack/events`;
}

beforeEach(async () => {
  slack.calls.length = 0;
  slack.responses.length = 0;
  queue = new MemoryQuestionQueue();
  memory = new MemoryConversationMemory();
  logged = [];
});

function onlyJob(): AskRequest {
  expect(queue.jobs.size).toBe(1);
  const [request] = queue.jobs.values();
  if (!request) throw new Error("no job");
  return request;
}

/** Lets the app finish what it does after acknowledging. */
async function settle(): Promise<void> {
  await new Promise((wake) => setTimeout(wake, 150));
}

describe("/brief over signed HTTP, through the real Bolt receiver", () => {
  beforeEach(async () => {
    await startApp();
  });

  it("acks within 3 s with an ephemeral 'Searching N articles…', then queues one valid AskRequest", async () => {
    const responseUrl = slack.responseUrl();
    const fields = slashCommandFields({ text: "what will Trend Micro provide?", response_url: responseUrl });

    const response = await sendSlashCommand(eventsUrl, SECRET, fields);

    expect(response.status).toBe(200);
    expect(response.elapsedMs).toBeLessThan(3_000);
    expect(JSON.parse(response.text)).toMatchObject({
      response_type: "ephemeral",
      text: "Searching 1,234 articles…",
    });
    await until(() => queue.jobs.size === 1);
    const request = onlyJob();
    expect(askRequestSchema.parse(request)).toEqual(request);
    expect(request.jobId).toMatch(/^slack-cmd-[A-Za-z0-9_-]+$/u);
    expect(request.jobId).toBe(`slack-cmd-${fields.trigger_id?.replaceAll(".", "_")}`);
    expect(request).toMatchObject({
      question: "what will Trend Micro provide?",
      target: { platform: "slack", teamId: "T0TEAM", channelId: "C0NEWS", userId: "U0ASKER", responseUrl },
    });
    expect(request.target).not.toHaveProperty("threadTs");
  });

  it("refuses a bad signature and a timestamp over five minutes off, either way, with 401, queueing nothing", async () => {
    const fields = slashCommandFields({ text: "what will Trend Micro provide?" });
    const forged = await sendSlashCommand(eventsUrl, SECRET, fields, { signWith: "not-the-secret" });
    const stale = await sendSlashCommand(eventsUrl, SECRET, fields, {
      timestampSeconds: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    const future = await sendSlashCommand(eventsUrl, SECRET, fields, {
      timestampSeconds: Math.floor(Date.now() / 1000) + 10 * 60,
    });
    const slightlyAhead = await sendSlashCommand(
      eventsUrl,
      SECRET,
      slashCommandFields({ text: "what will Trend Micro provide?" }),
      { timestampSeconds: Math.floor(Date.now() / 1000) + 60 },
    );
    expect(forged.status).toBe(401);
    expect(stale.status).toBe(401);
    expect(future.status).toBe(401);
    expect(slightlyAhead.status).toBe(200);
    await settle();
    expect(queue.asked).toHaveLength(1);
  });

  it("answers /brief help and an empty /brief with usage, queueing nothing", async () => {
    for (const text of ["help", "", "   "]) {
      const response = await sendSlashCommand(eventsUrl, SECRET, slashCommandFields({ text }));
      expect(response.status).toBe(200);
      const body = JSON.parse(response.text) as {
        response_type: string;
        blocks: Array<{ text: { text: string } }>;
      };
      expect(body.response_type).toBe("ephemeral");
      expect(body.blocks[0]?.text.text).toContain("/brief what will Trend Micro provide?");
    }
    await settle();
    expect(queue.asked).toHaveLength(0);
  });

  it("refuses a question over 1,000 characters with a clear message", async () => {
    const response = await sendSlashCommand(
      eventsUrl,
      SECRET,
      slashCommandFields({ text: "why ".repeat(300) }),
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toMatchObject({ response_type: "ephemeral" });
    expect(response.text).toContain("keep it under 1,000");
    await settle();
    expect(queue.asked).toHaveLength(0);
  });

  it("decodes Slack's escaping in the question", async () => {
    await sendSlashCommand(
      eventsUrl,
      SECRET,
      slashCommandFields({ text: "what about R&amp;D &lt;2014&gt;?" }),
    );
    await until(() => queue.jobs.size === 1);
    expect(onlyJob().question).toBe("what about R&D <2014>?");
  });

  it("tells the user through the response_url when the queue is down, and logs it", async () => {
    queue.unreachable = true;
    const responseUrl = slack.responseUrl();
    const response = await sendSlashCommand(
      eventsUrl,
      SECRET,
      slashCommandFields({ text: "what will Trend Micro provide?", response_url: responseUrl }),
    );
    expect(response.status).toBe(200);
    await until(() => slack.responsesTo(responseUrl).length === 1);
    const [notice] = slack.responsesTo(responseUrl);
    expect(notice?.body).toMatchObject({ response_type: "ephemeral" });
    expect(String(notice?.body.text)).toContain("could not queue your question");
    expect(logged).toContain("slack_queue_failed");
  });
});

describe("createSlackApp start-up", () => {
  it("checks the bot token with auth.test and names a refused token", async () => {
    const app = createSlackApp({
      botToken: "xoxb-wrong",
      signingSecret: SECRET,
      port: 0,
      host: "127.0.0.1",
      apiUrl: slack.apiUrl,
      questions: new MemoryQuestionQueue(),
      memory: new MemoryConversationMemory(),
      articleCount: () => 0,
      logLevel: LogLevel.ERROR,
    });
    await expect(app.start()).rejects.toMatchObject({ code: "CONFIG_INVALID" });
    expect(slack.callsTo("auth.test").at(-1)?.token).toBe("xoxb-wrong");
  });

  it("needs a signing secret (HTTP) or an app token (Socket Mode)", () => {
    expect(() =>
      createSlackApp({
        botToken: TOKEN,
        questions: new MemoryQuestionQueue(),
        memory: new MemoryConversationMemory(),
        articleCount: () => 0,
      }),
    ).toThrow(/SLACK_SIGNING_SECRET/u);
    const socket = createSlackApp({
      botToken: TOKEN,
      appToken: "xapp-1-A0BRIEF-1-abc",
      apiUrl: slack.apiUrl,
      questions: new MemoryQuestionQueue(),
      memory: new MemoryConversationMemory(),
      articleCount: () => 0,
      logLevel: LogLevel.ERROR,
    });
    expect(socket.mode).toBe("socket");
  });
});

describe("/brief acknowledges before anything slow", () => {
  it("does not wait for a hanging queue", async () => {
    let release: () => void = () => {};
    const hanging: QuestionQueue = {
      ask: () =>
        new Promise((resolve) => {
          release = () => resolve({ enqueued: true });
        }),
    };
    await startApp({ questions: hanging });
    const response = await sendSlashCommand(
      eventsUrl,
      SECRET,
      slashCommandFields({ text: "what will Trend Micro provide?" }),
    );
    expect(response.status).toBe(200);
    expect(response.elapsedMs).toBeLessThan(1_000);
    release();
  });

  it("does not wait long for a slow article count", async () => {
    await startApp({ articleCount: () => new Promise<number>(() => {}) });
    const response = await sendSlashCommand(
      eventsUrl,
      SECRET,
      slashCommandFields({ text: "what will Trend Micro provide?" }),
    );
    expect(response.elapsedMs).toBeLessThan(1_500);
    expect(JSON.parse(response.text)).toMatchObject({ text: "Searching the articles…" });
    await until(() => queue.jobs.size === 1);
  });
});

describe("app_mention events over signed HTTP", () => {
  beforeEach(async () => {
    await startApp();
  });

  it("answers Slack's url_verification challenge", async () => {
    const response = await sendEvent(
      eventsUrl,
      SECRET,
      urlVerificationPayload("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"),
    );
    expect(response.status).toBe(200);
    expect(response.text).toContain("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  });

  it("turns a mention into one request answered in its thread, the mention removed", async () => {
    const envelope = appMentionEnvelope({
      eventId: "Ev0MENTION1",
      text: `<@${slack.botUserId}> What will Trend Micro provide?`,
      user: "U0ASKER",
      ts: "1700000200.000100",
    });
    const response = await sendEvent(eventsUrl, SECRET, envelope);
    expect(response.status).toBe(200);
    expect(response.elapsedMs).toBeLessThan(3_000);
    await until(() => queue.jobs.size === 1);
    const request = onlyJob();
    expect(askRequestSchema.parse(request)).toEqual(request);
    expect(request).toMatchObject({
      jobId: "slack-ev-Ev0MENTION1",
      question: "What will Trend Micro provide?",
      target: {
        platform: "slack",
        teamId: "T0TEAM",
        channelId: "C0NEWS",
        userId: "U0ASKER",
        threadTs: "1700000200.000100",
      },
    });
    expect(request.previousQuestion).toBeUndefined();
    expect(memory.threads.get("slack:C0NEWS:1700000200.000100")?.questions.at(-1)).toBe(
      "What will Trend Micro provide?",
    );
  });

  it("gives the same job id to an event Slack delivers four times, so one job is queued", async () => {
    const envelope = appMentionEnvelope({
      eventId: "Ev0RETRIED",
      text: `<@${slack.botUserId}> What will Trend Micro provide?`,
      user: "U0ASKER",
    });
    for (const retryNum of [undefined, 1, 2, 3]) {
      const response = await sendEvent(
        eventsUrl,
        SECRET,
        envelope,
        retryNum === undefined ? {} : { retryNum },
      );
      expect(response.status).toBe(200);
      expect(response.elapsedMs).toBeLessThan(3_000);
    }
    await until(() => queue.asked.length === 4);
    expect(new Set(queue.asked.map((request) => request.jobId))).toEqual(new Set(["slack-ev-Ev0RETRIED"]));
    expect(queue.jobs.size).toBe(1);
  });

  it("does not answer the `message` event that accompanies a mention", async () => {
    const text = `<@${slack.botUserId}> What will Trend Micro provide?`;
    const mention = appMentionEnvelope({
      eventId: "Ev0BOTH1",
      text,
      user: "U0ASKER",
      ts: "1700000300.000100",
    });
    const message = {
      ...appMentionEnvelope({ eventId: "Ev0BOTH2", text, user: "U0ASKER", ts: "1700000300.000100" }),
    };
    message.event = { ...(message.event as object), type: "message", channel_type: "channel" };
    await sendEvent(eventsUrl, SECRET, message);
    await sendEvent(eventsUrl, SECRET, mention);
    await until(() => queue.asked.length >= 1);
    await settle();
    expect(queue.asked).toHaveLength(1);
    expect(onlyJob().jobId).toBe("slack-ev-Ev0BOTH1");
  });

  it("passes the thread's previous question with a follow-up mention", async () => {
    await sendEvent(
      eventsUrl,
      SECRET,
      appMentionEnvelope({
        eventId: "Ev0FIRST",
        text: `<@${slack.botUserId}> What will Trend Micro provide?`,
        user: "U0ASKER",
        ts: "1700000400.000100",
      }),
    );
    await until(() => memory.threads.size === 1);
    await sendEvent(
      eventsUrl,
      SECRET,
      appMentionEnvelope({
        eventId: "Ev0SECOND",
        text: `<@${slack.botUserId}> and in Singapore?`,
        user: "U0OTHER",
        ts: "1700000450.000200",
        threadTs: "1700000400.000100",
      }),
    );
    await until(() => queue.jobs.size === 2);
    const followUp = queue.jobs.get("slack-ev-Ev0SECOND");
    expect(followUp).toMatchObject({
      question: "and in Singapore?",
      previousQuestion: "What will Trend Micro provide?",
      target: { threadTs: "1700000400.000100", userId: "U0OTHER" },
    });
    expect(memory.threads.get("slack:C0NEWS:1700000400.000100")?.questions.at(-1)).toBe("and in Singapore?");
  });

  it("ignores mentions written by bots, this one included", async () => {
    const text = `<@${slack.botUserId}> What will Trend Micro provide?`;
    await sendEvent(
      eventsUrl,
      SECRET,
      appMentionEnvelope({ eventId: "Ev0BOT1", text, botId: "B0OTHER", user: "U0OTHERBOT" }),
    );
    await sendEvent(
      eventsUrl,
      SECRET,
      appMentionEnvelope({ eventId: "Ev0BOT2", text, user: slack.botUserId }),
    );
    await settle();
    expect(queue.asked).toHaveLength(0);
  });

  it("shows usage privately in the thread for an empty mention", async () => {
    await sendEvent(
      eventsUrl,
      SECRET,
      appMentionEnvelope({
        eventId: "Ev0EMPTY",
        text: `<@${slack.botUserId}>`,
        user: "U0ASKER",
        ts: "1700000500.000100",
      }),
    );
    await until(() => slack.callsTo("chat.postEphemeral").length === 1);
    const [help] = slack.callsTo("chat.postEphemeral");
    expect(help?.body).toMatchObject({ channel: "C0NEWS", user: "U0ASKER", thread_ts: "1700000500.000100" });
    expect(JSON.stringify(help?.body.blocks)).toContain("/brief help");
    expect(queue.asked).toHaveLength(0);
  });

  it("tells the author privately when the queue is down", async () => {
    queue.unreachable = true;
    await sendEvent(
      eventsUrl,
      SECRET,
      appMentionEnvelope({
        eventId: "Ev0DOWN",
        text: `<@${slack.botUserId}> What will Trend Micro provide?`,
        user: "U0ASKER",
      }),
    );
    await until(() => slack.callsTo("chat.postEphemeral").length === 1);
    expect(String(slack.callsTo("chat.postEphemeral")[0]?.body.text)).toContain(
      "could not queue your question",
    );
    expect(logged).toContain("slack_queue_failed");
    expect(memory.threads.size).toBe(0);
  });
});
