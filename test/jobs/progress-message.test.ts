import { describe, expect, it } from "vitest";
import type { DeliveryRecord, SlackTarget } from "../../src/core/chat.ts";
import { BriefingError } from "../../src/core/errors.ts";
import { ProgressMessage } from "../../src/jobs/progress-message.ts";
import { RecordingReplier } from "../support/recording-replier.ts";

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
