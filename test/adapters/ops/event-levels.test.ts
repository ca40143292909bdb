import { describe, expect, it } from "vitest";
import { eventLevel } from "../../../src/adapters/ops/event-levels.ts";

describe("eventLevel", () => {
  it.each([
    ["worker_error", "error"],
    ["slack_app_error", "error"],
    ["digest_gave_up", "error"],
    ["give_up_failed", "error"],
    ["job_failed", "warn"],
    ["feedback_refused", "warn"],
    ["discord_disconnected", "warn"],
    ["question_held", "warn"],
    ["slack_follow_up_queued", "debug"],
    ["feed_polled", "debug"],
    ["progress_failed", "warn"],
    ["worker_started", "info"],
    ["digest_schedulers_ready", "info"],
    ["stopping", "info"],
    ["model_answered", "info"],
  ])("%s is %s", (event, level) => {
    expect(eventLevel(event)).toBe(level);
  });

  it("makes a failure that will not be retried an error", () => {
    expect(eventLevel("job_failed", { retrying: true })).toBe("warn");
    expect(eventLevel("job_failed", { retrying: false })).toBe("error");
  });

  it("lets a level field win, when it names a level", () => {
    expect(eventLevel("job_failed", { level: "debug" })).toBe("debug");
    expect(eventLevel("worker_started", { level: "loud" })).toBe("info");
  });
});
