import { describe, expect, it } from "vitest";
import { renderSlackDigest } from "../../../src/adapters/slack/render-digest.ts";
import { hostileDigest } from "../digest-fixture.ts";
import { allTexts, expectNoSlackControlSequences, expectWithinSlackLimits } from "./slack-limits.ts";

describe("Slack digest rendering", () => {
  it("shows each story's headline, sources and languages, and cited sentences", () => {
    const messages = renderSlackDigest(hostileDigest(2, 3));
    expectWithinSlackLimits(messages);
    const text = allTexts(messages).join("\n");
    expect(text).toContain("2 stories from 6 new articles since 2026-11-22 08:00 Europe/Amsterdam");
    expect(text).toMatch(/\*1\. Story 1 .*\*\n_3 sources · en, fr, nl_/u);
    expect(text).toContain("<https://news.example.com/0/2|[2]>");
  });

  it("keeps every message within Slack's limits and escapes article text, however big the digest", () => {
    const messages = renderSlackDigest(hostileDigest(8, 40, 12));
    expect(messages.length).toBeGreaterThan(1);
    expectWithinSlackLimits(messages);
    expectNoSlackControlSequences(messages);
    expect(allTexts(messages).join("")).not.toMatch(/<!channel>|<@U123>/u);
  });

  it("posts the notice alone when there are no stories", () => {
    const empty = { ...hostileDigest(0, 0), notice: "No new articles since 2026-11-22 08:00 UTC." };
    const messages = renderSlackDigest(empty);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toBe("No new articles since 2026-11-22 08:00 UTC.");
  });

  it("frames the digest in the language most of its articles are in", () => {
    const dutch = allTexts(renderSlackDigest({ ...hostileDigest(2, 3), language: "nl" })).join("\n");
    expect(dutch).toContain("2 verhalen uit 6 nieuwe artikelen sinds 2026-11-22 08:00 Europe/Amsterdam");
    expect(dutch).toMatch(/3 bronnen · en, fr, nl/u);
    const french = allTexts(renderSlackDigest({ ...hostileDigest(2, 3), language: "fr" })).join("\n");
    expect(french).toContain("2 sujets tirés de 6 nouveaux articles depuis");
    const empty = renderSlackDigest({ ...hostileDigest(0, 0), language: "fr" });
    expect(empty[0]?.text).toBe("Aucun nouvel article.");
  });
});
