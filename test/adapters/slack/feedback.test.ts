import { LogLevel } from "@slack/bolt";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SlackActionsBlock } from "../../../src/adapters/slack/blocks.ts";
import { createSlackApp, type SlackApp } from "../../../src/adapters/slack/create-slack-app.ts";
import { FEEDBACK_ACTIONS } from "../../../src/adapters/slack/feedback-buttons.ts";
import { SlackReplier } from "../../../src/adapters/slack/slack-replier.ts";
import type { SlackTarget } from "../../../src/core/chat.ts";
import type { FeedbackStore } from "../../../src/core/feedback/index.ts";
import { MemoryConversationMemory, MemoryQuestionQueue } from "../../../src/core/memory/index.ts";
import type { Answer } from "../../../src/core/types.ts";
import { answeredQuestion } from "../../../src/flows/feedback/answered-question.ts";
import { RedisFeedbackStore } from "../../../src/store/redis-feedback-store.ts";
import { FakeSlack } from "../../support/fake-slack.ts";
import { redisPerFile } from "../../support/redis-server.ts";
import { blockActionsPayload, sendBlockActions } from "../../support/slack-signing.ts";
import { until } from "../../support/until.ts";

const TOKEN = "xoxb-test-token";
const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const redis = redisPerFile();

let slack: FakeSlack;
let running: SlackApp | undefined;
let feedback: FeedbackStore;
let eventsUrl: string;
let logged: string[];
let namespace = 0;

const answer: Answer = {
  question: "What will Trend Micro provide?",
  status: "answered",
  bullets: [{ text: "Threat intelligence and training to INTERPOL.", citations: [1, 2] }],
  sources: [1, 2].map((n) => ({
    n,
    articleId: `article-${n}`,
    title: `Article ${n}`,
    source: "ZDNet",
    url: null,
    published: "2014-10-02",
    language: "en",
    passageId: `article-${n}#0`,
    passage: "Trend Micro will provide threat intelligence and training.",
  })),
};

const target: SlackTarget = { platform: "slack", teamId: "T0TEAM", channelId: "C0NEWS", userId: "U0ASKER" };

beforeAll(async () => {
  slack = await FakeSlack.start({ token: TOKEN });
});

afterAll(async () => {
  await slack.close();
});

beforeEach(async () => {
  slack.calls.length = 0;
  slack.responses.length = 0;
  logged = [];
  namespace += 1;
  feedback = new RedisFeedbackStore(redis.client(), `feedback-test-${namespace}`);
  running = createSlackApp({
    botToken: TOKEN,
    signingSecret: SECRET,
    port: 0,
    host: "127.0.0.1",
    apiUrl: slack.apiUrl,
    questions: new MemoryQuestionQueue(),
    memory: new MemoryConversationMemory(),
    feedback,
    articleCount: () => 5,
    log: (event) => logged.push(event),
    logLevel: LogLevel.ERROR,
  });
  const { port } = await running.start();
  eventsUrl = `http://127.0.0.1:${port}/slack/events`;
});

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/** Posts the answer as the worker does, and returns the job id its 👍 button carries. */
async function postedAnswer(jobId: string, question = answer.question): Promise<string> {
  const replier = new SlackReplier({ token: TOKEN, apiUrl: slack.apiUrl, channelIntervalMs: 0 });
  await feedback.rememberAnswer(answeredQuestion(jobId, question, answer, target, Date.now()));
  await replier.deliverAnswer(target, answer, undefined, async () => {}, jobId);
  const posted = slack.callsTo("chat.postMessage").at(-1)?.body.blocks as Array<{ type: string }>;
  const actions = posted.find((block): block is SlackActionsBlock => block.type === "actions");
  const up = actions?.elements.find((button) => button.action_id === FEEDBACK_ACTIONS.up);
  if (!up) throw new Error("the answer has no 👍 button");
  return up.value;
}

async function click(fields: Partial<Parameters<typeof blockActionsPayload>[0]> & { value: string }) {
  const responseUrl = slack.responseUrl();
  const response = await sendBlockActions(
    eventsUrl,
    SECRET,
    blockActionsPayload({ actionId: FEEDBACK_ACTIONS.up, responseUrl, ...fields }),
  );
  return { response, responseUrl };
}

async function privateReply(responseUrl: string): Promise<Record<string, unknown>> {
  await until(() => slack.responsesTo(responseUrl).length > 0);
  const [reply] = slack.responsesTo(responseUrl);
  return reply?.body ?? {};
}

describe("👍/👎 on Slack answers, through the real Bolt receiver", () => {
  it("puts the buttons on the answer's last message, acks a click within 3 s and records it once per user", async () => {
    const jobId = await postedAnswer("slack-ev-Ev0FEEDBACK1");
    expect(jobId).toBe("slack-ev-Ev0FEEDBACK1");

    const first = await click({ value: jobId, actionId: FEEDBACK_ACTIONS.down });
    expect(first.response.status).toBe(200);
    expect(first.response.elapsedMs).toBeLessThan(3_000);
    expect(await privateReply(first.responseUrl)).toMatchObject({
      response_type: "ephemeral",
      replace_original: false,
      text: expect.stringMatching(/^Thanks/u),
    });
    const again = await click({ value: jobId, actionId: FEEDBACK_ACTIONS.up });
    await privateReply(again.responseUrl);
    const other = await click({ value: jobId, userId: "U0OTHER" });
    await privateReply(other.responseUrl);

    const votes = await feedback.votesSince(0);
    expect(votes.map(({ userId, vote }) => ({ userId, vote }))).toEqual([
      { userId: "U0READER", vote: "down" },
      { userId: "U0OTHER", vote: "up" },
    ]);
    expect(votes[0]).toMatchObject({
      jobId,
      question: answer.question,
      sourceIds: ["article-1", "article-2"],
      platform: "slack",
      tenantId: "T0TEAM",
      channelId: "C0NEWS",
    });
  });

  it("thanks in the language of the answer's question (Dutch, French), and refuses in English", async () => {
    const dutch = await postedAnswer("slack-ev-Ev0FEEDBACKNL", "Wat gaat Trend Micro aan INTERPOL leveren?");
    const first = await click({ value: dutch });
    expect(await privateReply(first.responseUrl)).toMatchObject({ text: "Bedankt voor je feedback!" });
    const again = await click({ value: dutch, actionId: FEEDBACK_ACTIONS.down });
    expect(await privateReply(again.responseUrl)).toMatchObject({
      text: expect.stringMatching(/^Bedankt: /u),
    });

    const french = await postedAnswer("slack-ev-Ev0FEEDBACKFR", "Que va fournir Trend Micro à INTERPOL ?");
    const vote = await click({ value: french });
    expect((await privateReply(vote.responseUrl)).text).toMatch(/^Merci/u);

    const forged = await click({ value: "slack-ev-Ev0NEVERPOSTEDNL" });
    expect(await privateReply(forged.responseUrl)).toMatchObject({
      text: "This answer cannot be rated from here.",
    });
  });

  it("refuses a click from another workspace, another channel, or on a forged answer id: nothing recorded", async () => {
    const jobId = await postedAnswer("slack-ev-Ev0FEEDBACK2");
    const attempts = [
      { value: jobId, teamId: "T0OTHERTEAM" },
      { value: jobId, channelId: "C0ELSEWHERE" },
      { value: "slack-ev-Ev0NEVERPOSTED" },
      { value: `${jobId}:forged` },
      { value: "" },
    ];
    for (const attempt of attempts) {
      const { response, responseUrl } = await click(attempt);
      expect(response.status).toBe(200);
      expect(await privateReply(responseUrl)).toMatchObject({
        text: "This answer cannot be rated from here.",
      });
    }
    expect(await feedback.votesSince(0)).toEqual([]);
    expect(logged.filter((event) => event === "feedback_refused")).toHaveLength(attempts.length);
  });

  it("refuses a click whose signature is not Slack's, before anything runs", async () => {
    const jobId = await postedAnswer("slack-ev-Ev0FEEDBACK3");
    const responseUrl = slack.responseUrl();
    const forged = await sendBlockActions(
      eventsUrl,
      SECRET,
      blockActionsPayload({ actionId: FEEDBACK_ACTIONS.up, value: jobId, responseUrl }),
      { signWith: "not-the-secret" },
    );
    expect(forged.status).toBe(401);
    expect(await feedback.votesSince(0)).toEqual([]);
  });
});
