import { LogLevel } from "@slack/bolt";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSlackApp, type SlackApp } from "../../../src/adapters/slack/create-slack-app.ts";
import { SlackReplier } from "../../../src/adapters/slack/slack-replier.ts";
import { MemoryConversationMemory, MemoryQuestionQueue } from "../../../src/core/memory/index.ts";
import type { Answer } from "../../../src/core/types.ts";
import { askRequestSchema } from "../../../src/queue/ask-job-schema.ts";
import { FakeSlack } from "../../support/fake-slack.ts";
import { sendSlashCommand, slashCommandFields } from "../../support/slack-signing.ts";
import { until } from "../../support/until.ts";

const TOKEN = "xoxb-test-token";
const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

let slack: FakeSlack;
let running: SlackApp | undefined;

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

const answer: Answer = {
  question: "What will Trend Micro provide?",
  status: "answered",
  bullets: [
    { text: "Trend Micro will share its threat information analysis with Interpol.", citations: [1] },
  ],
  sources: [
    {
      n: 1,
      articleId: "a1",
      title: "Trend Micro to share threat information with Interpol",
      source: null,
      url: null,
      published: null,
      language: "en",
      passageId: "a1#0",
      passage: "Trend Micro will share its threat information analysis with Interpol.",
    },
  ],
};

describe("/brief private <question> on Slack", () => {
  it("queues the question for the asker alone, and the answer goes to them through the response_url only", async () => {
    const queue = new MemoryQuestionQueue();
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
    const responseUrl = slack.responseUrl();
    const ack = await sendSlashCommand(
      `http://127.0.0.1:${port}/slack/events`,
      SECRET,
      slashCommandFields({ text: "private What will Trend Micro provide?", response_url: responseUrl }),
    );
    expect(ack.status).toBe(200);
    expect(JSON.parse(ack.text)).toMatchObject({ response_type: "ephemeral" });
    await until(() => queue.jobs.size === 1, "the private question");
    const [request] = queue.requests;
    if (!request) throw new Error("no job");
    expect(askRequestSchema.parse(request)).toEqual(request);
    expect(request).toMatchObject({
      question: "What will Trend Micro provide?",
      target: { platform: "slack", private: true, responseUrl },
    });

    slack.calls.length = 0;
    const replier = new SlackReplier({ token: TOKEN, apiUrl: slack.apiUrl, channelIntervalMs: 0 });
    const progress = await replier.showProgress(request.target, "Reading…", undefined, request.jobId);
    expect(progress.placeholderId).toBeUndefined();
    await replier.deliverAnswer(request.target, answer, undefined, async () => {}, request.jobId);
    expect(slack.callsTo("chat.postMessage")).toEqual([]);
    const responses = slack.responsesTo(responseUrl);
    expect(responses).toHaveLength(1);
    expect(responses[0]?.body).toMatchObject({ response_type: "ephemeral" });
    // A re-run does not look for ephemeral parts in the channel's history: none are there.
    await replier.deliverAnswer(
      request.target,
      answer,
      { platform: "slack", messageIds: [], partsPosted: 0 },
      async () => {},
      request.jobId,
    );
    expect(slack.callsTo("conversations.history")).toEqual([]);
  });
});
