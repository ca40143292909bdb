import { describe, expect, it } from "vitest";
import type { DeliveryRecord } from "../../../src/core/chat.ts";
import { deliverParts } from "../../../src/flows/deliver/deliver-parts.ts";
import { MemoryPoster } from "./memory-poster.ts";

const PARTS = ["one", "two", "three"];

async function deliver(poster: MemoryPoster, already?: DeliveryRecord, parts = PARTS) {
  const recorded: DeliveryRecord[] = [];
  const record = await deliverParts(poster, parts, already, async (step) => {
    recorded.push(step);
  });
  return { record, recorded };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("deliverParts", () => {
  it("records that it started, then posts every part in order and records after each one", async () => {
    const poster = new MemoryPoster();
    const { record, recorded } = await deliver(poster);
    expect(poster.calls.map((call) => call.kind === "post" && call.part)).toEqual(PARTS);
    expect(record).toEqual({ platform: "slack", messageIds: ["m1", "m2", "m3"], partsPosted: 3 });
    expect(recorded.map((step) => step.partsPosted)).toEqual([0, 1, 2, 3]);
    expect(recorded[0]?.messageIds).toEqual([]);
    expect(recorded[1]?.messageIds).toEqual(["m1"]);
  });

  it("hands out copies of the record, never the one it goes on filling", async () => {
    const poster = new MemoryPoster();
    const { record, recorded } = await deliver(poster);
    expect(recorded[1]?.messageIds).toEqual(["m1"]);
    expect(recorded.some((step) => step === record || step.messageIds === record.messageIds)).toBe(false);
  });

  it("resumes after the parts already posted, keeping their ids, and does not change what it was given", async () => {
    const poster = new MemoryPoster();
    const already: DeliveryRecord = { platform: "slack", messageIds: ["earlier"], partsPosted: 1 };
    const { record } = await deliver(poster, already);
    expect(poster.calls).toEqual([
      { kind: "post", part: "two", index: 1, postedBefore: 1 },
      { kind: "post", part: "three", index: 2, postedBefore: 2 },
    ]);
    expect(record.messageIds).toEqual(["earlier", "m1", "m2"]);
    expect(already).toEqual({ platform: "slack", messageIds: ["earlier"], partsPosted: 1 });
  });

  it("posts nothing when everything was posted", async () => {
    const poster = new MemoryPoster();
    const already: DeliveryRecord = { platform: "slack", messageIds: ["a", "b", "c"], partsPosted: 3 };
    const { record, recorded } = await deliver(poster, already);
    expect(poster.calls).toEqual([]);
    expect(recorded).toEqual([]);
    expect(record).toEqual(already);
  });

  it("after a failure half-way, a re-run with the last record posts only the rest", async () => {
    const poster = new MemoryPoster();
    poster.failBefore.set(1, new Error("rate limited"));
    const first: DeliveryRecord[] = [];
    const error = await rejection(
      deliverParts(poster, PARTS, undefined, async (step) => {
        first.push(step);
      }),
    );
    expect(error).toBeInstanceOf(Error);
    expect(first.map((step) => step.partsPosted)).toEqual([0, 1]);

    const { record } = await deliver(poster, first.at(-1));
    expect(record).toMatchObject({ messageIds: ["m1", "m2", "m3"], partsPosted: 3 });
    expect([...poster.messages.values()]).toEqual(PARTS);
  });

  it("stops when recording fails, so a part is never posted without the one before it recorded", async () => {
    const poster = new MemoryPoster();
    const error = await rejection(
      deliverParts(poster, PARTS, undefined, async () => {
        throw new Error("store down");
      }),
    );
    expect((error as Error).message).toBe("store down");
    expect(poster.calls).toHaveLength(0);
  });

  it("on a re-run, looks for the first unrecorded part before posting it, and only that one", async () => {
    const poster = new MemoryPoster();
    const looked: number[] = [];
    const finding = Object.assign(poster, {
      find: async (index: number) => {
        looked.push(index);
        return index === 1 ? "posted-before-the-crash" : undefined;
      },
    });
    const already: DeliveryRecord = { platform: "slack", messageIds: ["m0"], partsPosted: 1 };
    const { record } = await deliver(finding, already);
    expect(looked).toEqual([1]);
    expect(poster.calls.map((call) => call.kind === "post" && call.part)).toEqual(["three"]);
    expect(record.messageIds).toEqual(["m0", "posted-before-the-crash", "m1"]);
  });

  it("never looks on a first run", async () => {
    const poster = new MemoryPoster();
    const looked: number[] = [];
    const finding = Object.assign(poster, {
      find: async (index: number) => {
        looked.push(index);
        return undefined;
      },
    });
    await deliver(finding);
    expect(looked).toEqual([]);
  });
});

describe("deliverParts with a progress placeholder", () => {
  it("edits the first part into the placeholder and posts the rest", async () => {
    const poster = new MemoryPoster();
    poster.messages.set("p1", "Reading…");
    const { record } = await deliver(poster, {
      platform: "slack",
      messageIds: [],
      partsPosted: 0,
      placeholderId: "p1",
    });
    expect(poster.calls.map((call) => call.kind)).toEqual(["replace", "post", "post"]);
    expect(poster.messages.get("p1")).toBe("one");
    expect(record).toEqual({
      platform: "slack",
      messageIds: ["p1", "m1", "m2"],
      partsPosted: 3,
      placeholderId: "p1",
    });
  });

  it("posts the first part anew when the placeholder is gone", async () => {
    const poster = new MemoryPoster();
    const { record } = await deliver(poster, {
      platform: "slack",
      messageIds: [],
      partsPosted: 0,
      placeholderId: "deleted",
    });
    expect(poster.calls.map((call) => call.kind)).toEqual(["replace", "post", "post", "post"]);
    expect(record.messageIds).toEqual(["m1", "m2", "m3"]);
  });

  it("posts part 0 where the placeholder takes no part, and fails on any other edit error", async () => {
    const poster = new MemoryPoster();
    poster.passOver.add("@original");
    const passed = await deliver(poster, {
      platform: "slack",
      messageIds: [],
      partsPosted: 0,
      placeholderId: "@original",
    });
    expect(passed.record.messageIds).toEqual(["m1", "m2", "m3"]);

    const failing = new MemoryPoster();
    failing.placeholderGone = () => false;
    const error = await rejection(
      deliver(failing, { platform: "slack", messageIds: [], partsPosted: 0, placeholderId: "p1" }),
    );
    expect((error as Error).message).toContain("p1");
    expect(failing.calls.map((call) => call.kind)).toEqual(["replace"]);
  });

  it("leaves the placeholder alone when resuming after the first part", async () => {
    const poster = new MemoryPoster();
    poster.messages.set("p1", "one");
    await deliver(poster, { platform: "slack", messageIds: ["p1"], partsPosted: 1, placeholderId: "p1" });
    expect(poster.calls.map((call) => call.kind)).toEqual(["post", "post"]);
    expect(poster.messages.get("p1")).toBe("one");
  });
});
