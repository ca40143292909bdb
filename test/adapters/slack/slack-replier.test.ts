import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { renderSlackAnswer } from "../../../src/adapters/slack/render-answer.ts";
import { SlackReplier } from "../../../src/adapters/slack/slack-replier.ts";
import type { DeliveryRecord, SlackTarget } from "../../../src/core/chat.ts";
import type { Answer } from "../../../src/core/types.ts";
import { briefingFailure } from "../../support/briefing-failure.ts";
import { FakeSlack } from "../../support/fake-slack.ts";

const TOKEN = "xoxb-test-token";

let slack: FakeSlack;
let replier: SlackReplier;
const logged: Array<{ event: string; fields: Record<string, unknown> }> = [];

beforeAll(async () => {
  slack = await FakeSlack.start({ token: TOKEN });
});

afterAll(async () => {
  await slack.close();
});

beforeEach(() => {
  slack.calls.length = 0;
  slack.responses.length = 0;
  logged.length = 0;
  replier = new SlackReplier({
    token: TOKEN,
    apiUrl: slack.apiUrl,
    channelIntervalMs: 0,
    log: (event, fields) => logged.push({ event, fields }),
  });
});

/** An answer long enough to need several messages. */
function longAnswer(): Answer {
  const sentence =
    "Trend Micro will deliver training programmes to Interpol and police organisations. ".repeat(20);
  return {
    question: "What will Trend Micro provide?",
    status: "answered",
    bullets: Array.from({ length: 40 }, (_, index) => ({
      text: `Fact ${index + 1}. ${sentence}`,
      citations: [1],
    })),
    sources: [
      {
        n: 1,
        articleId: "a1",
        title: "Trend Micro to share threat information with Interpol",
        source: "ZDNet",
        url: "https://www.zdnet.com/a1",
        published: "2014-10-02",
        language: "en",
        passageId: "a1#0",
        passage: sentence,
      },
    ],
  };
}

const thread: SlackTarget = {
  platform: "slack",
  channelId: "C0NEWS",
  userId: "U0ASKER",
  threadTs: "1700000100.000100",
};

async function deliver(target: SlackTarget, answer: Answer, already?: DeliveryRecord) {
  const progress: DeliveryRecord[] = [];
  const record = await replier.deliverAnswer(target, answer, already, async (step) => {
    progress.push(step);
  });
  return { record, progress };
}

describe("SlackReplier after a crash between posting a part and recording it", () => {
  /** Posts the job's parts until `crashAfter` of them are posted, recording only up to `recorded` of them. */
  async function crashedRun(target: SlackTarget, jobId: string, recorded: number): Promise<DeliveryRecord> {
    let last: DeliveryRecord | undefined;
    await replier
      .deliverAnswer(
        target,
        longAnswer(),
        undefined,
        async (step) => {
          if (step.partsPosted > recorded) throw new Error("killed before recording");
          last = step;
        },
        jobId,
      )
      .catch(() => {});
    if (!last) throw new Error("nothing recorded");
    return last;
  }

  it.each([
    ["in a thread (conversations.replies)", thread, "conversations.replies"],
    ["in a channel (conversations.history)", { ...thread, threadTs: undefined }, "conversations.history"],
  ] as const)(
    "finds the unrecorded part by its metadata %s instead of posting it again",
    async (_, target, lookup) => {
      const own: SlackTarget = { platform: "slack", channelId: `C-${lookup}`, userId: "U1" };
      const where = target.threadTs ? { ...own, threadTs: target.threadTs } : own;
      const parts = renderSlackAnswer(longAnswer()).length;
      const recorded = await crashedRun(where, "job-7", 1);
      expect(recorded.partsPosted).toBe(1);
      expect(slack.callsTo("chat.postMessage")).toHaveLength(2);
      const second = slack.callsTo("chat.postMessage")[1];
      expect(second?.body.metadata).toEqual({
        event_type: "briefbot_part",
        event_payload: { job: "job-7", part: 1 },
      });

      const record = await replier.deliverAnswer(where, longAnswer(), recorded, async () => {}, "job-7");
      expect(slack.callsTo(lookup)).toHaveLength(1);
      expect(slack.callsTo("chat.postMessage")).toHaveLength(parts);
      expect(record.partsPosted).toBe(parts);
      expect(new Set(record.messageIds).size).toBe(parts);
      expect(logged.map((line) => line.event)).toContain("slack_part_found");
    },
  );

  it("posts the part when Slack cannot be asked (no history scope), rather than lose it", async () => {
    const target: SlackTarget = { platform: "slack", channelId: "C-noscope", userId: "U1" };
    const recorded = await crashedRun(target, "job-8", 0);
    slack.failNext("conversations.history", { kind: "slack_error", error: "missing_scope" });
    const record = await replier.deliverAnswer(target, longAnswer(), recorded, async () => {}, "job-8");
    expect(record.partsPosted).toBe(renderSlackAnswer(longAnswer()).length);
    expect(logged.map((line) => line.event)).toContain("slack_lookup_failed");
  });
});

describe("SlackReplier against a fake Slack Web API", () => {
  it("posts every part in order into the thread, recording each as it goes", async () => {
    const answer = longAnswer();
    const parts = renderSlackAnswer(answer);
    expect(parts.length).toBeGreaterThan(1);

    const { record, progress } = await deliver(thread, answer);

    const posts = slack.callsTo("chat.postMessage");
    expect(posts).toHaveLength(parts.length);
    posts.forEach((post, index) => {
      expect(post.token).toBe(TOKEN);
      expect(post.body).toMatchObject({
        channel: "C0NEWS",
        thread_ts: "1700000100.000100",
        unfurl_links: "false",
      });
      expect(post.body.blocks).toEqual(parts[index]?.blocks);
      expect(post.body.text).toBe(parts[index]?.text);
    });
    expect(record.partsPosted).toBe(parts.length);
    expect(record.messageIds).toHaveLength(parts.length);
    expect(progress.map((step) => step.partsPosted)).toEqual([0, ...parts.map((_, index) => index + 1)]);
  });

  it("resumes after the parts already posted without posting them again", async () => {
    const answer = longAnswer();
    const parts = renderSlackAnswer(answer);
    const already: DeliveryRecord = { platform: "slack", messageIds: ["1699999999.000001"], partsPosted: 1 };

    const { record } = await deliver(thread, answer, already);

    const posts = slack.callsTo("chat.postMessage");
    expect(posts).toHaveLength(parts.length - 1);
    expect(posts[0]?.body.blocks).toEqual(parts[1]?.blocks);
    expect(record.messageIds[0]).toBe("1699999999.000001");
    expect(record.partsPosted).toBe(parts.length);

    slack.calls.length = 0;
    await deliver(thread, answer, record);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("turns HTTP 429 into PLATFORM_RATE_LIMITED with Slack's Retry-After, without retrying itself", async () => {
    slack.failNext("chat.postMessage", { kind: "rate_limited", retryAfterSeconds: 1 });
    const error = await briefingFailure(deliver(thread, longAnswer()));
    expect(error.code).toBe("PLATFORM_RATE_LIMITED");
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(1_000);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("turns an HTTP 500 into PLATFORM_UNAVAILABLE, without retrying itself", async () => {
    slack.failNext("chat.postMessage", { kind: "server_error", status: 500 });
    const error = await briefingFailure(deliver(thread, longAnswer()));
    expect(error.code).toBe("PLATFORM_UNAVAILABLE");
    expect(error.retryable).toBe(true);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("turns invalid_auth into PLATFORM_REJECTED (not retried)", async () => {
    slack.failNext("chat.postMessage", { kind: "slack_error", error: "invalid_auth" });
    const error = await briefingFailure(deliver(thread, longAnswer()));
    expect(error.code).toBe("PLATFORM_REJECTED");
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("invalid_auth");
  });

  it("records the parts posted before a failure, so the retry continues from there", async () => {
    const answer = longAnswer();
    const parts = renderSlackAnswer(answer);
    const recorded: DeliveryRecord[] = [];
    // The fake fails the first call; post the first part, then script a failure for the second.
    const first = replier.deliverAnswer(thread, answer, undefined, async (step) => {
      recorded.push(step);
      if (step.partsPosted === 1) slack.failNext("chat.postMessage", { kind: "server_error" });
    });
    expect((await briefingFailure(first)).code).toBe("PLATFORM_UNAVAILABLE");
    expect(recorded.at(-1)?.partsPosted).toBe(1);

    slack.calls.length = 0;
    const { record } = await deliver(thread, answer, recorded.at(-1));
    expect(slack.callsTo("chat.postMessage")).toHaveLength(parts.length - 1);
    expect(record.partsPosted).toBe(parts.length);
  });

  it("falls back to the response_url when the bot is not in the channel, and keeps to it", async () => {
    const responseUrl = slack.responseUrl();
    const target: SlackTarget = { platform: "slack", channelId: "G0PRIVATE", userId: "U0ASKER", responseUrl };
    const answer = longAnswer();
    const parts = renderSlackAnswer(answer);
    slack.failNext("chat.postMessage", { kind: "slack_error", error: "not_in_channel" });

    const { record } = await deliver(target, answer);

    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
    const responses = slack.responsesTo(responseUrl);
    expect(responses).toHaveLength(parts.length);
    responses.forEach((response, index) => {
      expect(response.body).toEqual({ response_type: "in_channel", ...parts[index] });
    });
    expect(record.partsPosted).toBe(parts.length);
    expect(logged.map((entry) => entry.event)).toContain("slack_post_via_response_url");
  });

  it("refuses not_in_channel without a response_url (PLATFORM_REJECTED)", async () => {
    slack.failNext("chat.postMessage", { kind: "slack_error", error: "channel_not_found" });
    const error = await briefingFailure(deliver(thread, longAnswer()));
    expect(error.code).toBe("PLATFORM_REJECTED");
  });

  it("maps a rate-limited response_url like the Web API", async () => {
    const responseUrl = slack.responseUrl();
    slack.failNext("chat.postMessage", { kind: "slack_error", error: "not_in_channel" });
    slack.failNext("response_url", { kind: "rate_limited", retryAfterSeconds: 3 });
    const error = await briefingFailure(deliver({ ...thread, responseUrl }, longAnswer()));
    expect(error.code).toBe("PLATFORM_RATE_LIMITED");
    expect(error.retryAfterMs).toBe(3_000);
  });

  it("paces posts to one channel", async () => {
    const paced = new SlackReplier({ token: TOKEN, apiUrl: slack.apiUrl, channelIntervalMs: 150 });
    const answer = longAnswer();
    await paced.deliverAnswer(thread, answer, undefined, async () => {});
    const times = slack.callsTo("chat.postMessage").map((call) => call.at);
    expect(times.length).toBeGreaterThan(1);
    for (let index = 1; index < times.length; index++) {
      expect((times[index] ?? 0) - (times[index - 1] ?? 0)).toBeGreaterThanOrEqual(140);
    }
  });
});

describe("SlackReplier.notifyFailure", () => {
  it("tells the asker privately through the response_url when there is one", async () => {
    const responseUrl = slack.responseUrl();
    await replier.notifyFailure({ ...thread, responseUrl }, "Sorry, <!channel> could not answer & retry.");
    const [response] = slack.responsesTo(responseUrl);
    expect(response?.body).toMatchObject({ response_type: "ephemeral" });
    expect(JSON.stringify(response?.body)).toContain("Sorry, &lt;!channel&gt; could not answer &amp; retry.");
    expect(slack.callsTo("chat.postEphemeral")).toHaveLength(0);
  });

  it("posts an ephemeral message in the thread otherwise, or when the response_url is used up", async () => {
    const responseUrl = slack.responseUrl();
    slack.failNext("response_url", { kind: "server_error", status: 404 });
    await replier.notifyFailure({ ...thread, responseUrl }, "Sorry.");
    const [ephemeral] = slack.callsTo("chat.postEphemeral");
    expect(ephemeral?.body).toMatchObject({
      channel: "C0NEWS",
      user: "U0ASKER",
      thread_ts: "1700000100.000100",
    });
  });

  it("never throws, even when Slack refuses everything", async () => {
    slack.failNext("chat.postEphemeral", { kind: "slack_error", error: "invalid_auth" });
    await expect(replier.notifyFailure(thread, "Sorry.")).resolves.toBeUndefined();
    await expect(
      replier.notifyFailure({ platform: "discord", channelId: "1", userId: "2" }, "Sorry."),
    ).resolves.toBeUndefined();
    expect(logged.filter((entry) => entry.event === "slack_notify_failed")).toHaveLength(2);
  });
});

describe("SlackReplier progress placeholders", () => {
  const shortAnswer = (): Answer => ({ ...longAnswer(), bullets: longAnswer().bullets.slice(0, 1) });

  it("posts a placeholder in the thread, edits it, then edits the answer's first part into it", async () => {
    let record = await replier.showProgress(thread, "Reading 4 passages…", undefined);
    const ts = record.placeholderId ?? "";
    expect(ts).not.toBe("");
    expect(slack.callsTo("chat.postMessage")[0]?.body.thread_ts).toBe(thread.threadTs);
    record = await replier.showProgress(thread, "Writing the answer… <!channel>", record);
    expect(slack.message(thread.channelId, ts)?.text).toBe("Writing the answer… &lt;!channel&gt;");
    const delivered = await replier.deliverAnswer(thread, shortAnswer(), record, async () => {});
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
    expect(delivered).toMatchObject({ messageIds: [ts], partsPosted: 1, placeholderId: ts });
    expect(slack.message(thread.channelId, ts)?.blocks).toEqual(renderSlackAnswer(shortAnswer())[0]?.blocks);
  });

  it("posts the answer anew when the placeholder was deleted", async () => {
    const record = await replier.showProgress(thread, "Reading…", undefined);
    const gone = { ...record, placeholderId: "1699999999.000001" };
    const delivered = await replier.deliverAnswer(thread, shortAnswer(), gone, async () => {});
    expect(slack.callsTo("chat.postMessage")).toHaveLength(2);
    expect(delivered.messageIds[0]).not.toBe("1699999999.000001");
  });

  it("shows a failure in the placeholder when nothing else was posted", async () => {
    const record = await replier.showProgress(thread, "Reading…", undefined);
    await replier.notifyFailure(thread, "Sorry, I could not answer.", record);
    expect(slack.message(thread.channelId, record.placeholderId ?? "")?.text).toBe(
      "Sorry, I could not answer.",
    );
    expect(slack.callsTo("chat.postEphemeral")).toHaveLength(0);
  });

  it("does nothing once the answer has started to be posted", async () => {
    const posted: DeliveryRecord = { platform: "slack", messageIds: ["1.1"], partsPosted: 1 };
    expect(await replier.showProgress(thread, "Reading…", posted)).toEqual(posted);
    expect(slack.calls).toHaveLength(0);
  });
});
