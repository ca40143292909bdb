import { describe, expect, it } from "vitest";
import type { DeliveryRecord } from "../../../src/core/chat.ts";
import { type PlaceholderPoster, showProgressIn } from "../../../src/flows/deliver/progress-placeholder.ts";

/** A placeholder poster over an in-memory channel; `canPost` false stands for a channel the bot is not in. */
function memoryPlaceholders(canPost = true) {
  const shown = new Map<string, string>();
  const calls: string[] = [];
  const poster: PlaceholderPoster<string> = {
    platform: "discord",
    async postPlaceholder(text) {
      calls.push(`post ${text}`);
      if (!canPost) return undefined;
      shown.set("p1", text);
      return "p1";
    },
    async editPlaceholder(id, text) {
      calls.push(`edit ${id} ${text}`);
      shown.set(id, text);
    },
  };
  return { poster, shown, calls };
}

describe("showProgressIn", () => {
  it("posts the placeholder once, then edits it", async () => {
    const { poster, shown, calls } = memoryPlaceholders();
    const first = await showProgressIn(poster, "Reading…", undefined);
    expect(first).toEqual({ platform: "discord", messageIds: [], partsPosted: 0, placeholderId: "p1" });
    const second = await showProgressIn(poster, "Writing…", first);
    expect(second).toEqual(first);
    expect(calls).toEqual(["post Reading…", "edit p1 Writing…"]);
    expect(shown.get("p1")).toBe("Writing…");
  });

  it("returns the record without a placeholder where none can be posted", async () => {
    const { poster } = memoryPlaceholders(false);
    expect(await showProgressIn(poster, "Reading…", undefined)).toEqual({
      platform: "discord",
      messageIds: [],
      partsPosted: 0,
    });
  });

  it("does nothing once the answer has started to be posted", async () => {
    const { poster, calls } = memoryPlaceholders();
    const posted: DeliveryRecord = {
      platform: "discord",
      messageIds: ["p1"],
      partsPosted: 1,
      placeholderId: "p1",
    };
    expect(await showProgressIn(poster, "Reading…", posted)).toEqual(posted);
    expect(calls).toEqual([]);
  });
});
