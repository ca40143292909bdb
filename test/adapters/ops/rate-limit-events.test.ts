import { afterEach, describe, expect, it } from "vitest";
import { DiscordReplier } from "../../../src/adapters/discord/discord-replier.ts";
import { SlackReplier } from "../../../src/adapters/slack/slack-replier.ts";
import { FakeDiscord } from "../../support/fake-discord.ts";
import { FakeSlack } from "../../support/fake-slack.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function recorder() {
  const events: Array<{ event: string; fields: Record<string, unknown> }> = [];
  const log = (event: string, fields: Record<string, unknown> = {}) => void events.push({ event, fields });
  return { events, log, limited: () => events.filter(({ event }) => event === "platform_rate_limited") };
}

describe("platform_rate_limited: each 429 from a chat platform is logged for the metrics", () => {
  it("Slack", async () => {
    const slack = await FakeSlack.start({ token: "xoxb-limits" });
    cleanups.push(() => slack.close());
    const { log, limited } = recorder();
    const replier = new SlackReplier({ token: "xoxb-limits", apiUrl: slack.apiUrl, log });
    slack.failNext("chat.postEphemeral", { kind: "rate_limited", retryAfterSeconds: 2 });
    await replier
      .notifyFailure({ platform: "slack", channelId: "C1LIMIT", userId: "U1" }, "Sorry")
      .catch(() => {});
    expect(limited()).toEqual([
      { event: "platform_rate_limited", fields: { platform: "slack", retryAfterSeconds: 2 } },
    ]);
  });

  it("Discord", async () => {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.close());
    const { log, limited } = recorder();
    const replier = new DiscordReplier({
      token: "fake-bot-token",
      apiUrl: fake.apiUrl,
      timeoutMs: 2_000,
      log,
    });
    fake.failNext(1, { status: 429, retryAfterSeconds: 3 }, { method: "POST" });
    await replier
      .notifyFailure({ platform: "discord", channelId: fake.channelId, userId: fake.reader.id }, "Sorry")
      .catch(() => {});
    expect(limited()).toHaveLength(1);
    expect(limited()[0]?.fields).toMatchObject({ platform: "discord" });
  });
});
