import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPaths } from "../../src/adapters/files/load-paths.ts";
import { slackJobId } from "../../src/adapters/slack/job-ids.ts";
import { FakeOpenAI } from "../support/fake-openai.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { jsonReply, passageWith, quoteFrom } from "../support/model-prompt.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { SEEDS_DIRECTORY } from "../support/seed-library.ts";
import { type ServeOverRedis, serveOverRedis } from "../support/serve-over-redis.ts";
import { sendEvent } from "../support/slack-signing.ts";
import { until } from "../support/until.ts";

const SECRET = "assistant-signing-secret";
const NAMESPACE = "assistant";
const DM = "D0ASSIST";
const THREAD = "1700000900.000100";
let redis: ThrowawayRedis;
let slack: FakeSlack;
let openai: FakeOpenAI;
let serve: ServeOverRedis;
const logs: string[] = [];

beforeAll(async () => {
  redis = await startRedis();
  slack = await FakeSlack.start({ token: "xoxb-assistant" });
  // One bullet the articles support, one citing a passage it was not given, one misquoting its passage.
  openai = await FakeOpenAI.start({
    respond: (request) => {
      const threat = passageWith(request, /threat information/iu);
      if (!threat) throw new Error("the model was not given the threat information passage");
      return jsonReply([
        {
          text: "Trend Micro will share its threat information analysis with Interpol for the next three years.",
          citations: [{ passage: threat.id, quote: quoteFrom(threat, /share its threat information/iu, 8) }],
        },
        {
          text: "Trend Micro will open an office in Lyon.",
          citations: [{ passage: "P99", quote: "an office in Lyon" }],
        },
        {
          text: "Trend Micro will share its threat information with Europol.",
          citations: [{ passage: threat.id, quote: "share its threat information with Europol" }],
        },
      ]);
    },
  });
  serve = await serveOverRedis(
    redis,
    NAMESPACE,
    (await loadPaths([SEEDS_DIRECTORY])).articles,
    {
      SLACK_BOT_TOKEN: "xoxb-assistant",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      OPENAI_BASE_URL: openai.baseUrl,
      OPENAI_MODEL: "fake-model",
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

describe("Slack's agent view, end to end", () => {
  it("shows status, then streams only the verified bullets and ends with the sources", async () => {
    const eventId = `Ev${randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`;
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
        text: "What will Trend Micro provide?",
        ts: "1700000901.000100",
        thread_ts: THREAD,
        event_ts: "1700000901.000100",
      },
    });
    expect(response.status).toBe(200);
    const jobId = slackJobId("slack-ev", eventId);
    await until(async () => (await delivery(jobId))?.complete === true, "the streamed answer", 20_000);
    const inDm = slack.calls.filter((call) => call.body.channel === DM || call.body.channel_id === DM);
    const methods = inDm.map((call) => call.method);
    expect(methods[0]).toBe("assistant.threads.setStatus");
    expect(methods.filter((method) => method === "chat.postMessage")).toHaveLength(0);
    expect(methods.filter((method) => method === "chat.startStream")).toHaveLength(1);
    expect(methods.at(-1)).toBe("chat.stopStream");
    // Nothing that failed verification is ever sent to Slack, in any call, not even for a moment.
    expect(JSON.stringify(inDm.map((call) => call.body))).not.toMatch(/Lyon|Europol/u);
    const ts = (await delivery(jobId))?.messageIds[0] ?? "";
    const shown = slack.message(DM, ts);
    expect(String(shown?.markdown)).toContain("threat information analysis with Interpol");
    expect(JSON.stringify(shown?.blocks)).toContain("*Sources*");
  }, 30_000);
});
