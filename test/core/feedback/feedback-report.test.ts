import { describe, expect, it } from "vitest";
import { type FeedbackRecord, feedbackReport } from "../../../src/core/feedback/index.ts";

function vote(jobId: string, userId: string, value: "up" | "down", votedAt: number): FeedbackRecord {
  return {
    jobId,
    question: `question of ${jobId}`,
    sourceIds: [`${jobId}-article`],
    platform: jobId.startsWith("slack") ? "slack" : "discord",
    channelId: "C1",
    answeredAt: 0,
    userId,
    vote: value,
    votedAt,
  };
}

describe("feedbackReport", () => {
  it("counts votes in total and by platform, and ranks answers by most 👎, then fewest 👍", () => {
    const report = feedbackReport(
      [
        vote("slack-a", "U1", "down", 1),
        vote("slack-a", "U2", "up", 2),
        vote("discord-b", "D1", "down", 3),
        vote("discord-b", "D2", "down", 4),
        vote("slack-c", "U1", "down", 5),
        vote("slack-d", "U1", "up", 6),
      ],
      0,
    );
    expect(report.since).toBe("1970-01-01T00:00:00.000Z");
    expect(report.total).toEqual({ up: 2, down: 4 });
    expect(report.byPlatform).toEqual({ slack: { up: 2, down: 2 }, discord: { up: 0, down: 2 } });
    expect(report.worst.map((rated) => [rated.jobId, rated.down, rated.up])).toEqual([
      ["discord-b", 2, 0],
      ["slack-c", 1, 0],
      ["slack-a", 1, 1],
    ]);
    expect(report.worst[0]).toMatchObject({
      question: "question of discord-b",
      platform: "discord",
      sourceIds: ["discord-b-article"],
    });
  });

  it("reports no votes as zero counts and no worst answers", () => {
    expect(feedbackReport([], undefined)).toEqual({
      since: null,
      total: { up: 0, down: 0 },
      byPlatform: { slack: { up: 0, down: 0 }, discord: { up: 0, down: 0 } },
      worst: [],
    });
  });
});
