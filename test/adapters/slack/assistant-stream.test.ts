import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SlackReplier } from "../../../src/adapters/slack/slack-replier.ts";
import type { DeliveryRecord, SlackTarget } from "../../../src/core/chat.ts";
import type { Answer } from "../../../src/core/types.ts";
import { FakeSlack } from "../../support/fake-slack.ts";

const TOKEN = "xoxb-test-token";
const CHANNEL = "D0ASSIST";
const THREAD = "1700000900.000100";

let slack: FakeSlack;
let replier: SlackReplier;

beforeAll(async () => {
  slack = await FakeSlack.start({ token: TOKEN });
});

afterAll(async () => {
  await slack.close();
});

beforeEach(() => {
  slack.calls.length = 0;
  replier = new SlackReplier({ token: TOKEN, apiUrl: slack.apiUrl, channelIntervalMs: 0 });
});

const assistantThread: SlackTarget = {
  platform: "slack",
  teamId: "T0TEAM",
  channelId: CHANNEL,
  userId: "U0ASKER",
  threadTs: THREAD,
  assistantThread: true,
};

const passage = "Trend Micro will provide training. It will share threat data with <!channel> *analysts*.";

function answer(bullets: string[]): Answer {
  return {
    question: "What will Trend Micro provide?",
    status: "answered",
    bullets: bullets.map((text) => ({ text, citations: [1] })),
    sources: [
      {
        n: 1,
        articleId: "a1",
        title: "Trend Micro and Interpol",
        source: "ZDNet",
        url: "https://www.zdnet.com/a1",
        published: "2014-10-02",
        language: "en",
        passageId: "a1#0",
        passage,
      },
    ],
  };
}

const twoBullets = answer([
  "Trend Micro will provide training.",
  "It will share threat data with <!channel> *analysts*.",
]);

async function deliver(
  target: SlackTarget,
  delivered: Answer,
  already?: DeliveryRecord,
  jobId = "slack-ev-Ev1",
) {
  const records: DeliveryRecord[] = [];
  const record = await replier.deliverAnswer(
    target,
    delivered,
    already,
    async (step) => {
      records.push(step);
    },
    jobId,
  );
  return { record, records };
}

function streamed(ts: string): Record<string, unknown> | undefined {
  return slack.message(CHANNEL, ts);
}

describe("SlackReplier in an assistant thread (Slack's agent view)", () => {
  it("shows progress as the thread's status, then streams each delivered bullet and ends with the sources", async () => {
    const progress = await replier.showProgress(
      assistantThread,
      "Searching the articles…",
      undefined,
      "slack-ev-Ev1",
    );
    const { record, records } = await deliver(assistantThread, twoBullets, progress);
    const methods = slack.calls.map((call) => call.method);
    expect(methods).toEqual([
      "assistant.threads.setStatus",
      "chat.startStream",
      "chat.appendStream",
      "chat.stopStream",
    ]);
    expect(slack.callsTo("assistant.threads.setStatus")[0]?.body).toMatchObject({
      channel_id: CHANNEL,
      thread_ts: THREAD,
      status: "Searching the articles…",
    });
    expect(slack.callsTo("chat.startStream")[0]?.body).toMatchObject({
      channel: CHANNEL,
      thread_ts: THREAD,
      recipient_user_id: "U0ASKER",
      recipient_team_id: "T0TEAM",
    });
    const ts = record.messageIds[0] ?? "";
    const shown = streamed(ts);
    expect(shown?.streaming).toBe(false);
    const markdown = String(shown?.markdown);
    expect(markdown.split("\n").filter(Boolean)).toHaveLength(2);
    expect(markdown).toContain("Trend Micro will provide training.");
    // Article text can neither ping nor format: its markup characters are escaped.
    expect(markdown).toContain("\\<!channel\\> \\*analysts\\*");
    expect(markdown).toContain("[\\[1\\]](https://www.zdnet.com/a1)");
    expect(JSON.stringify(shown?.blocks)).toContain("*Sources*");
    expect(JSON.stringify(shown?.blocks)).toContain("briefbot_feedback_up");
    expect(shown?.metadata).toMatchObject({ event_payload: { job: "slack-ev-Ev1", part: 2 } });
    expect(record).toMatchObject({ messageIds: [ts], partsPosted: 3 });
    expect(records.map((step) => step.partsPosted)).toEqual([1, 2, 3]);
  });

  it("streams a no-evidence answer's message, and posts nothing with chat.postMessage", async () => {
    const none: Answer = {
      ...answer([]),
      status: "no_evidence",
      message: "The articles don't say.",
      sources: [],
    };
    const { record } = await deliver(assistantThread, none);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(0);
    expect(slack.calls.map((call) => call.method)).toEqual(["chat.startStream", "chat.stopStream"]);
    expect(String(streamed(record.messageIds[0] ?? "")?.markdown)).toContain("The articles don't say");
    expect(record.partsPosted).toBe(2);
  });

  it("continues the same stream after a crash, without repeating what was appended", async () => {
    const three = answer(["First point.", "Second point.", "Third point."]);
    slack.failNext("chat.appendStream", { kind: "server_error" }, 1);
    const first = await deliver(assistantThread, three).catch(() => undefined);
    expect(first).toBeUndefined();
    const started = slack.callsTo("chat.startStream")[0]?.reply as { ts: string };
    const crashed: DeliveryRecord = { platform: "slack", messageIds: [started.ts], partsPosted: 1 };
    const { record } = await deliver(assistantThread, three, crashed);
    expect(slack.callsTo("chat.startStream")).toHaveLength(1);
    const markdown = String(streamed(started.ts)?.markdown);
    expect(markdown.match(/point\./gu)).toHaveLength(3);
    expect(record).toMatchObject({ messageIds: [started.ts], partsPosted: 4 });
  });

  it("posts the rest as an ordinary message in the thread when the stream cannot be continued", async () => {
    const three = answer(["First point.", "Second point.", "Third point."]);
    slack.failNext("chat.appendStream", { kind: "slack_error", error: "message_not_in_streaming_state" });
    const { record } = await deliver(assistantThread, three);
    const posted = slack.callsTo("chat.postMessage");
    expect(posted).toHaveLength(1);
    const blocks = JSON.stringify(posted[0]?.body.blocks);
    expect(blocks).toContain("Second point.");
    expect(blocks).toContain("Third point.");
    expect(blocks).not.toContain("First point.");
    expect(blocks).toContain("*Sources*");
    expect(posted[0]?.body.thread_ts).toBe(THREAD);
    expect(record.partsPosted).toBe(4);
    expect(record.messageIds).toHaveLength(2);
  });

  it("does not post the sources again when an earlier attempt had stopped the stream unrecorded", async () => {
    const { record: done } = await deliver(assistantThread, twoBullets, undefined, "slack-ev-Ev9");
    const unrecorded: DeliveryRecord = { ...done, partsPosted: 2 };
    slack.calls.length = 0;
    const { record } = await deliver(assistantThread, twoBullets, unrecorded, "slack-ev-Ev9");
    expect(slack.callsTo("chat.postMessage")).toHaveLength(0);
    expect(record.partsPosted).toBe(3);
  });

  it("tells a failure in the thread, and keeps posting (not streaming) for any other target", async () => {
    await replier.notifyFailure(assistantThread, "Sorry, I could not answer.", {
      platform: "slack",
      messageIds: [],
      partsPosted: 0,
      placeholderId: "assistant_status",
    });
    expect(slack.callsTo("chat.update")).toHaveLength(0);
    expect(slack.callsTo("chat.postMessage")[0]?.body).toMatchObject({ channel: CHANNEL, thread_ts: THREAD });
    slack.calls.length = 0;
    const { assistantThread: _, ...plainThread } = assistantThread;
    await deliver(plainThread, twoBullets);
    expect(slack.callsTo("chat.startStream")).toHaveLength(0);
    expect(slack.callsTo("chat.postMessage").length).toBeGreaterThan(0);
  });
});
