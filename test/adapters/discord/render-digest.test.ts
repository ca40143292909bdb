import { describe, expect, it } from "vitest";
import { renderDiscordDigest } from "../../../src/adapters/discord/render-digest.ts";
import { hostileDigest } from "../digest-fixture.ts";
import { expectWithinDiscordLimits } from "./discord-limits.ts";

describe("Discord digest rendering", () => {
  it("puts a header line and one embed per story", () => {
    const messages = renderDiscordDigest(hostileDigest(2, 3));
    expect(messages).toHaveLength(1);
    for (const message of messages) expectWithinDiscordLimits(message);
    expect(messages[0]?.content).toMatch(
      /: 2 stories from 6 new articles since 2026-11-22 08:00 Europe\/Amsterdam$/u,
    );
    expect(messages[0]?.embeds?.[0]?.title).toMatch(/^1\. Story 1 /u);
    expect(messages[0]?.embeds?.[0]?.description).toMatch(/^\*3 sources · en, fr, nl\*/u);
  });

  it("splits a big digest within Discord's limits, and nothing in it can ping", () => {
    const messages = renderDiscordDigest(hostileDigest(8, 40, 12));
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expectWithinDiscordLimits(message);
    const text = JSON.stringify(messages);
    expect(text).not.toMatch(/@(everyone|here)|<@[!&]?\d/u);
  });
});
