import { describe, expect, it } from "vitest";
import type { FeedbackRecord } from "../../src/core/feedback/index.ts";
import { RedisFeedbackStore } from "../../src/store/redis-feedback-store.ts";
import { redisPerFile } from "../support/redis-server.ts";
import { runCli } from "../support/run-cli.ts";

const redis = redisPerFile();
const DAY = 86_400_000;

function vote(jobId: string, userId: string, value: "up" | "down", daysAgo: number): FeedbackRecord {
  return {
    jobId,
    question: `Question ${jobId}?`,
    sourceIds: [`article-${jobId}`],
    platform: jobId.startsWith("slack") ? "slack" : "discord",
    tenantId: "T1",
    channelId: "C1",
    answeredAt: Date.now() - daysAgo * DAY,
    userId,
    vote: value,
    votedAt: Date.now() - daysAgo * DAY,
  };
}

describe("briefbot feedback", () => {
  it("--json reports counts and the worst-rated questions with their sources, over --since", async () => {
    const env = { REDIS_URL: redis.url, BRIEFBOT_NAMESPACE: "feedback-cli" };
    const store = new RedisFeedbackStore(redis.client(), "feedback-cli");
    for (const record of [
      vote("slack-ev-old", "U1", "down", 30),
      vote("slack-ev-a", "U1", "down", 1),
      vote("slack-ev-a", "U2", "down", 1),
      vote("discord-msg-b", "D1", "up", 2),
      vote("discord-msg-c", "D1", "down", 3),
    ])
      await store.record(record);

    const week = await runCli(["feedback", "--json", "--since", "7d"], env);
    expect(week.stderr).toBe("");
    expect(week.code).toBe(0);
    const report = JSON.parse(week.stdout);
    expect(report.total).toEqual({ up: 1, down: 3 });
    expect(report.byPlatform).toEqual({ slack: { up: 0, down: 2 }, discord: { up: 1, down: 1 } });
    expect(report.worst).toEqual([
      {
        question: "Question slack-ev-a?",
        platform: "slack",
        sourceIds: ["article-slack-ev-a"],
        jobId: "slack-ev-a",
        up: 0,
        down: 2,
      },
      {
        question: "Question discord-msg-c?",
        platform: "discord",
        sourceIds: ["article-discord-msg-c"],
        jobId: "discord-msg-c",
        up: 0,
        down: 1,
      },
    ]);
    expect(Date.parse(report.since)).toBeGreaterThan(Date.now() - 7 * DAY - 60_000);

    const all = JSON.parse((await runCli(["feedback", "--json"], env)).stdout);
    expect(all.since).toBeNull();
    expect(all.total).toEqual({ up: 1, down: 4 });

    const text = await runCli(["feedback"], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Question slack-ev-a?");
  });

  it("says that it needs Redis, and refuses a bad --since, as bad usage (exit 2)", async () => {
    const withoutRedis = await runCli(["feedback", "--json"], { BRIEFBOT_DATA_DIR: "/nonexistent/briefbot" });
    expect(withoutRedis.code).toBe(2);
    expect(withoutRedis.stderr).toMatch(/REDIS_URL/u);
    const badSince = await runCli(["feedback", "--since", "soon"], { REDIS_URL: redis.url });
    expect(badSince.code).toBe(2);
    expect(badSince.stderr).toMatch(/--since/u);
  });
});
