import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPaths } from "../../src/adapters/files/load-paths.ts";
import { FakeDiscord } from "../support/fake-discord.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { runCli } from "../support/run-cli.ts";
import { SEEDS_DIRECTORY } from "../support/seed-library.ts";
import { type ServeOverRedis, serveOverRedis } from "../support/serve-over-redis.ts";
import {
  blockActionsPayload,
  sendBlockActions,
  sendSlashCommand,
  slashCommandFields,
} from "../support/slack-signing.ts";
import { until } from "../support/until.ts";

const SECRET = "e2e-feedback-secret";
const NAMESPACE = "e2e-feedback";
let redis: ThrowawayRedis;
let slack: FakeSlack;
let discord: FakeDiscord;
let serve: ServeOverRedis;
const logs: string[] = [];

beforeAll(async () => {
  redis = await startRedis();
  slack = await FakeSlack.start({ token: "xoxb-feedback" });
  discord = await FakeDiscord.start();
  serve = await serveOverRedis(
    redis,
    NAMESPACE,
    (await loadPaths([SEEDS_DIRECTORY])).articles,
    {
      SLACK_BOT_TOKEN: "xoxb-feedback",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: "discord-feedback-token",
      DISCORD_API_URL: discord.apiUrl,
    },
    logs,
  );
}, 60_000);

afterAll(async () => {
  await serve?.stop();
  await slack?.close();
  await discord?.close();
  await redis?.stop();
});

/** The values of the buttons of a Slack message's actions blocks. */
function slackButtons(blocks: unknown): string[] {
  const actions = (blocks as Array<{ type: string; elements?: Array<{ value?: string }> }>).filter(
    (block) => block.type === "actions",
  );
  return actions.flatMap((block) => block.elements ?? []).map((button) => button.value ?? "");
}

/** The custom ids of a Discord message's buttons. */
function discordButtons(body: unknown): string[] {
  const rows = (body as { components?: Array<{ components: Array<{ custom_id: string }> }> }).components;
  return (rows ?? []).flatMap((row) => row.components.map((button) => button.custom_id));
}

describe("serve: 👍/👎 from a chat answer to `briefbot feedback`", () => {
  it("records a Slack vote once per user, refuses another workspace's click, and reports it", async () => {
    await sendSlashCommand(
      serve.eventsUrl,
      SECRET,
      slashCommandFields({ channel_id: "C1FEEDBACK", text: "what will Trend Micro provide?" }),
    );
    await until(() => slack.callsTo("chat.postMessage").some((call) => call.body.channel === "C1FEEDBACK"));
    const posted = slack.callsTo("chat.postMessage").filter((call) => call.body.channel === "C1FEEDBACK");
    const [jobId] = slackButtons(posted.at(-1)?.body.blocks);
    expect(jobId).toMatch(/^slack-cmd-/u);

    const click = async (fields: { actionId: string; teamId?: string; userId?: string }) => {
      const responseUrl = slack.responseUrl();
      const payload = blockActionsPayload({
        value: jobId ?? "",
        channelId: "C1FEEDBACK",
        responseUrl,
        ...fields,
      });
      const response = await sendBlockActions(serve.eventsUrl, SECRET, payload);
      expect(response.status).toBe(200);
      expect(response.elapsedMs).toBeLessThan(3_000);
      await until(() => slack.responsesTo(responseUrl).length > 0);
      return slack.responsesTo(responseUrl)[0]?.body.text;
    };
    expect(await click({ actionId: "briefbot_feedback_down" })).toMatch(/^Thanks/u);
    await click({ actionId: "briefbot_feedback_up" });
    expect(await click({ actionId: "briefbot_feedback_up", teamId: "T0ELSEWHERE", userId: "U0X" })).toBe(
      "This answer cannot be rated from here.",
    );

    const report = await runCli(["feedback", "--json", "--since", "1d"], {
      REDIS_URL: redis.url,
      BRIEFBOT_NAMESPACE: NAMESPACE,
    });
    expect(report.code).toBe(0);
    const json = JSON.parse(report.stdout);
    expect(json.total).toEqual({ up: 0, down: 1 });
    expect(json.byPlatform.slack).toEqual({ up: 0, down: 1 });
    expect(json.worst).toHaveLength(1);
    expect(json.worst[0]).toMatchObject({
      question: "what will Trend Micro provide?",
      jobId,
      up: 0,
      down: 1,
    });
    expect(json.worst[0].sourceIds.length).toBeGreaterThan(0);
  });

  it("puts the buttons on a Discord answer and records a click on them", async () => {
    const messageId = discord.sendMessageCreate({
      content: "What will Trend Micro provide?",
      mentionsBot: true,
    });
    const answer = await discord.waitForCall("POST", /^\/channels\/\d+\/messages$/u, 20_000);
    const ids = discordButtons(answer.body);
    expect(ids).toEqual([
      `briefbot-feedback:up:discord-msg-${messageId}`,
      `briefbot-feedback:down:discord-msg-${messageId}`,
    ]);
    const { token } = discord.sendButtonClick({ customId: ids[0] ?? "" });
    await until(() => String(discord.originalResponse(token)?.content ?? "").startsWith("Thanks"));
    const json = JSON.parse(
      (await runCli(["feedback", "--json"], { REDIS_URL: redis.url, BRIEFBOT_NAMESPACE: NAMESPACE })).stdout,
    );
    expect(json.byPlatform.discord).toEqual({ up: 1, down: 0 });
  });
});
