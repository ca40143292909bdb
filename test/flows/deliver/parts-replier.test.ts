import { describe, expect, it } from "vitest";
import type { DiscordTarget, ReplyTarget } from "../../../src/core/chat.ts";
import type { Answer } from "../../../src/core/types.ts";
import type { PartPoster } from "../../../src/flows/deliver/deliver-parts.ts";
import type { NoticeWay } from "../../../src/flows/deliver/failure-notice.ts";
import { PartsReplier } from "../../../src/flows/deliver/parts-replier.ts";
import type { PlaceholderPoster } from "../../../src/flows/deliver/progress-placeholder.ts";
import { briefingFailure } from "../../support/briefing-failure.ts";
import { MemoryPoster } from "./memory-poster.ts";

/** A replier over an in-memory "discord": parts are strings, one per bullet. */
class MemoryReplier extends PartsReplier<string, DiscordTarget> {
  readonly platform = "discord" as const;
  readonly poster = new MemoryPoster();
  readonly told: string[] = [];
  readonly logged: Array<{ event: string; fields: Record<string, unknown> }>;
  failEdits = false;

  constructor() {
    const logged: Array<{ event: string; fields: Record<string, unknown> }> = [];
    super(
      {
        answer: (answer) => answer.bullets.map((bullet) => bullet.text),
        digest: (digest) => digest.digest.stories.map((story) => story.headline),
        progress: (text) => `progress: ${text}`,
        notice: (text) => `notice: ${text}`,
      },
      (event, fields) => logged.push({ event, fields }),
    );
    this.logged = logged;
  }

  protected partPoster(): PartPoster<string> {
    return this.poster;
  }

  protected placeholderPoster(): PlaceholderPoster<string> {
    return {
      platform: "discord",
      postPlaceholder: async (text) => {
        this.poster.messages.set("p1", text);
        return "p1";
      },
      editPlaceholder: async (id, text) => {
        if (this.failEdits) throw new Error("edit refused");
        this.poster.messages.set(id, text);
      },
    };
  }

  protected noticeWays(target: DiscordTarget, notice: string): NoticeWay[] {
    return [{ tell: async () => void this.told.push(`${target.channelId}: ${notice}`) }];
  }
}

const target: DiscordTarget = { platform: "discord", channelId: "c1", userId: "u1" };
const answer: Answer = {
  question: "q",
  status: "answered",
  bullets: [
    { text: "first", citations: [] },
    { text: "second", citations: [] },
  ],
  sources: [],
};

describe("PartsReplier", () => {
  it("renders, shows progress in a placeholder and replaces it with the first part", async () => {
    const replier = new MemoryReplier();
    const progress = await replier.showProgress(target, "Reading…", undefined);
    expect(replier.poster.messages.get("p1")).toBe("progress: Reading…");
    const record = await replier.deliverAnswer(target, answer, progress, async () => {});
    expect(record).toMatchObject({ messageIds: ["p1", "m1"], partsPosted: 2, placeholderId: "p1" });
    expect([...replier.poster.messages.values()]).toEqual(["first", "second"]);
  });

  it("refuses another platform's target before posting anything", async () => {
    const replier = new MemoryReplier();
    const slack: ReplyTarget = { platform: "slack", channelId: "C1", userId: "U1" };
    const error = await briefingFailure(replier.deliverAnswer(slack, answer, undefined, async () => {}));
    expect(error.code).toBe("INTERNAL");
    expect(error.message).toBe("The Discord replier got a slack target");
    expect(replier.poster.calls).toEqual([]);
  });

  it("tells a failure in the placeholder while nothing else is posted, else the platform's way", async () => {
    const replier = new MemoryReplier();
    const progress = await replier.showProgress(target, "Reading…", undefined);
    await replier.notifyFailure(target, "Sorry.", progress);
    expect(replier.poster.messages.get("p1")).toBe("notice: Sorry.");
    expect(replier.told).toEqual([]);

    await replier.notifyFailure(target, "Sorry again.", { ...progress, messageIds: ["p1"], partsPosted: 1 });
    expect(replier.told).toEqual(["c1: notice: Sorry again."]);
  });

  it("logs each failed way as <platform>_notify_failed and never throws", async () => {
    const replier = new MemoryReplier();
    const progress = await replier.showProgress(target, "Reading…", undefined);
    replier.failEdits = true;
    await replier.notifyFailure(target, "Sorry.", progress);
    expect(replier.told).toEqual(["c1: notice: Sorry."]);
    await expect(
      replier.notifyFailure({ platform: "slack", channelId: "C1", userId: "U1" }, "Sorry."),
    ).resolves.toBeUndefined();
    expect(replier.logged).toEqual([
      {
        event: "discord_notify_failed",
        fields: { channelId: "c1", via: "placeholder", error: "edit refused" },
      },
      {
        event: "discord_notify_failed",
        fields: { channelId: "C1", error: "The Discord replier got a slack target" },
      },
    ]);
  });
});
