import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPaths } from "../../src/adapters/files/load-paths.ts";
import { slackJobId } from "../../src/adapters/slack/job-ids.ts";
import { renderStreamedAnswer } from "../../src/adapters/slack/slack-stream-render.ts";
import type { Answer } from "../../src/core/types.ts";
import { type ChatRequestBody, FakeOpenAI, type FakeReply } from "../support/fake-openai.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { jsonReply, passageWith, quoteFrom } from "../support/model-prompt.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { SEEDS_DIRECTORY } from "../support/seed-library.ts";
import { type ServeOverRedis, serveOverRedis } from "../support/serve-over-redis.ts";
import { sendEvent } from "../support/slack-signing.ts";
import { until } from "../support/until.ts";

const SECRET = "as-verified-signing-secret";
const NAMESPACE = "as-verified";
const DM = "D0VERIFY";
const SHARE =
  "Trend Micro will share its threat information analysis with Interpol for the next three years.";
const LYON = "Trend Micro will open an office in Lyon.";
const TRAINING = "Trend Micro will assist Interpol with a cybercrime investigation training program.";
let redis: ThrowawayRedis;
let slack: FakeSlack;
let openai: FakeOpenAI;
let serve: ServeOverRedis;
let reply: (request: ChatRequestBody) => FakeReply;
const logs: string[] = [];

function passages(request: ChatRequestBody) {
  const threat = passageWith(request, /share its threat information analysis/iu);
  const training = passageWith(request, /cybercrime investigation training program/iu);
  if (!threat || !training) throw new Error("the model was not given the passages the test cites");
  return { threat, training };
}

beforeAll(async () => {
  redis = await startRedis();
  slack = await FakeSlack.start({ token: "xoxb-as-verified" });
  openai = await FakeOpenAI.start({ respond: (request) => reply(request) });
  serve = await serveOverRedis(
    redis,
    NAMESPACE,
    (await loadPaths([SEEDS_DIRECTORY])).articles,
    {
      SLACK_BOT_TOKEN: "xoxb-as-verified",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      OPENAI_BASE_URL: openai.baseUrl,
      OPENAI_MODEL: "fake-model",
      LLM_STREAM: "true",
    },
    logs,
  );
}, 60_000);

afterAll(async () => {
  await serve?.stop();
  await slack?.close();
  await openai?.close();
  await redis?.stop();
});

async function delivery(jobId: string): Promise<{ complete: boolean; messageIds: string[] } | undefined> {
  const json = await redis.client().get(`{${NAMESPACE}}:delivery:${jobId}`);
  return json === null ? undefined : JSON.parse(json);
}

/** Asks in a new assistant thread; resolves once the answer is delivered, with the thread and the stream's ts. */
async function ask(question: string, thread: string): Promise<{ jobId: string; ts: string }> {
  const eventId = `Ev${randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`;
  const ts = `${thread.split(".")[0]}.000200`;
  const response = await sendEvent(serve.eventsUrl, SECRET, {
    token: "legacy-verification-token",
    team_id: "T0TEAM",
    api_app_id: "A0BRIEF",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: "message",
      channel_type: "im",
      channel: DM,
      user: "U0ASKER",
      text: question,
      ts,
      thread_ts: thread,
      event_ts: ts,
    },
  });
  expect(response.status).toBe(200);
  const jobId = slackJobId("slack-ev", eventId);
  await until(async () => (await delivery(jobId))?.complete === true, "the streamed answer", 20_000);
  return { jobId, ts: (await delivery(jobId))?.messageIds[0] ?? "" };
}

/** What the stream calls sent for the stream `ts`, in order, with when Slack received each. */
function streamed(ts: string, startedAt: number) {
  return slack.calls
    .filter((call) => call.at >= startedAt && call.body.channel === DM)
    .filter((call) => call.method === "chat.startStream" || call.body.ts === ts)
    .map((call) => ({ method: call.method, text: String(call.body.markdown_text ?? ""), at: call.at }));
}

describe("Slack's agent view, bullets streamed as they pass verification", () => {
  it("appends each verified bullet while the model still writes, and never the one that fails", async () => {
    reply = (request) => {
      const { threat, training } = passages(request);
      // The middle bullet quotes its passage word for word, but the passage does not say it: "unsupported".
      return jsonReply(
        [
          {
            text: SHARE,
            citations: [
              { passage: threat.id, quote: quoteFrom(threat, /share its threat information/iu, 8) },
            ],
          },
          {
            text: LYON,
            citations: [
              { passage: threat.id, quote: quoteFrom(threat, /share its threat information/iu, 6) },
            ],
          },
          {
            text: TRAINING,
            citations: [
              { passage: training.id, quote: quoteFrom(training, /cybercrime investigation training/iu, 6) },
            ],
          },
        ],
        { chunkSize: 16, chunkDelayMs: 25 },
      );
    };
    const startedAt = Date.now();
    const { ts } = await ask("What will Trend Micro provide?", "1700000950.000100");
    const calls = streamed(ts, startedAt);
    expect(calls.map((call) => call.method)).toEqual([
      "chat.startStream",
      "chat.appendStream",
      "chat.stopStream",
    ]);
    expect(calls[0]?.text).toContain("threat information analysis with Interpol");
    expect(calls[1]?.text).toContain("cybercrime investigation training program");
    // The first bullet reached Slack before the model had finished writing.
    const modelEnded = openai.streamsEndedAt.at(-1) ?? 0;
    expect(calls[0]?.at).toBeLessThan(modelEnded);
    // The bullet that failed verification was never sent, in any call, not even for a moment.
    const everything = JSON.stringify(
      slack.calls.filter((call) => call.at >= startedAt).map((call) => call.body),
    );
    expect(everything).not.toMatch(/Lyon/u);
    const shown = slack.message(DM, ts);
    expect(String(shown?.markdown)).toMatch(/Interpol[\s\S]*training program/u);
    expect(JSON.stringify(shown?.blocks)).toContain("*Sources*");
  }, 30_000);

  it("rewrites the stream into the final answer when that differs from what was streamed", async () => {
    const share = "Trend Micro will share threat information with Interpol.";
    reply = (request) => {
      const { threat, training } = passages(request);
      const service = passageWith(request, /through its Threat Intelligence Service/iu);
      if (!service) throw new Error("the model was not given the Threat Intelligence Service passage");
      // The third bullet says the first again, citing another passage: the answer merges them into one bullet
      // citing both, which changes the first bullet's markers after it was streamed.
      return jsonReply(
        [
          {
            text: share,
            citations: [
              { passage: threat.id, quote: quoteFrom(threat, /share its threat information/iu, 8) },
            ],
          },
          {
            text: TRAINING,
            citations: [
              { passage: training.id, quote: quoteFrom(training, /cybercrime investigation training/iu, 6) },
            ],
          },
          {
            text: share,
            citations: [
              { passage: service.id, quote: quoteFrom(service, /share its threat information/iu, 8) },
            ],
          },
        ],
        { chunkSize: 16, chunkDelayMs: 10 },
      );
    };
    const startedAt = Date.now();
    const { jobId, ts } = await ask("What will Trend Micro share?", "1700000960.000100");
    const stored = await redis.client().get(`{${NAMESPACE}}:delivery:${jobId}:answer`);
    const answer = JSON.parse(stored ?? "{}") as Answer;
    expect(answer.bullets).toHaveLength(2);
    expect(answer.bullets[0]?.citations).toEqual([1, 2]);
    const methods = streamed(ts, startedAt).map((call) => call.method);
    // The two bullets as they passed, then the stream stopped and its message rewritten to the final answer.
    expect(methods).toEqual(["chat.startStream", "chat.appendStream", "chat.stopStream", "chat.update"]);
    // What stays in the thread is the final answer, exactly as it streams when nothing was shown early.
    const final = renderStreamedAnswer(answer, jobId);
    const shown = slack.message(DM, ts);
    expect(shown?.markdown).toBeUndefined();
    const blocks = shown?.blocks as Array<{ type: string; text?: unknown }>;
    expect(blocks[0]).toEqual({ type: "markdown", text: final.chunks.join("") });
    expect(blocks.slice(1)).toEqual(final.closing);
  }, 30_000);
});
