import { describe, expect, it } from "vitest";
import type { DeliveryRecord, SlackTarget } from "../../../src/core/chat.ts";
import { BriefingError } from "../../../src/core/errors.ts";
import { ProgressMessage } from "../../../src/flows/deliver/progress-message.ts";
import { RecordingReplier } from "../../support/recording-replier.ts";

const target: SlackTarget = { platform: "slack", channelId: "C1", userId: "U1" };

function progressOn(replier: RecordingReplier, minIntervalMs = 200) {
  const saved: DeliveryRecord[] = [];
  const logged: string[] = [];
  const progress = new ProgressMessage({
    replier,
    target,
    jobId: "job-1",
    record: undefined,
    save: async (record) => {
      saved.push(record);
    },
    log: (event) => logged.push(event),
    minIntervalMs,
  });
  return { progress, saved, logged };
}

const wait = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

describe("ProgressMessage", () => {
  it("shows the first line at once, then at most one an interval, the newest winning", async () => {
    const replier = new RecordingReplier();
    const { progress, saved } = progressOn(replier);
    progress.show("Reading…");
    progress.show("Writing… (1 point so far)");
    progress.show("Writing… (2 points so far)");
    await wait(50);
    expect(replier.progress).toEqual(["Reading…"]);
    await wait(250);
    expect(replier.progress).toEqual(["Reading…", "Writing… (2 points so far)"]);
    expect(saved).toHaveLength(1);
    expect((await progress.settle())?.placeholderId).toBe("p1");
  });

  it("drops what is not shown yet when the answer is ready, or shows it first when asked to flush", async () => {
    const replier = new RecordingReplier();
    const { progress } = progressOn(replier, 10_000);
    progress.show("Reading…");
    progress.show("Checking…");
    await progress.settle();
    expect(replier.progress).toEqual(["Reading…"]);

    const retried = new RecordingReplier();
    const second = progressOn(retried, 10_000).progress;
    second.show("Reading…");
    second.show("Trying again…");
    await second.settle({ flush: true });
    expect(retried.progress).toEqual(["Reading…", "Trying again…"]);
  });

  it("logs a failed edit and never throws it", async () => {
    const replier = new RecordingReplier();
    replier.showProgress = async () => {
      throw new BriefingError("PLATFORM_RATE_LIMITED", "slow down");
    };
    const { progress, logged } = progressOn(replier);
    progress.show("Reading…");
    await expect(progress.settle()).resolves.toBeUndefined();
    expect(logged).toEqual(["progress_failed"]);
  });
});

describe("ProgressMessage on a slow or unwilling platform", () => {
  it("keeps one edit under way and only the newest line waiting, so the answer is not held up", async () => {
    const replier = new RecordingReplier();
    const shown: string[] = [];
    replier.showProgress = async (_target, text, already) => {
      await wait(300);
      shown.push(text);
      return { platform: "slack", messageIds: [], partsPosted: 0, ...already, placeholderId: "p1" };
    };
    const { progress } = progressOn(replier, 10);
    for (let line = 1; line <= 10; line++) {
      progress.show(`line ${line}`);
      await wait(50);
    }
    const started = performance.now();
    await progress.settle();
    expect(performance.now() - started).toBeLessThan(320);
    expect(shown.length).toBeLessThanOrEqual(3);
    expect(shown[0]).toBe("line 1");
  });

  it("stops when no placeholder can be posted (a Slack channel the bot is not in)", async () => {
    const replier = new RecordingReplier();
    let calls = 0;
    replier.showProgress = async () => {
      calls++;
      return { platform: "slack", messageIds: [], partsPosted: 0 };
    };
    const { progress } = progressOn(replier, 0);
    progress.show("Reading…");
    await wait(20);
    progress.show("Writing…");
    progress.show("Checking…");
    await progress.settle({ flush: true });
    expect(calls).toBe(1);
  });
});
