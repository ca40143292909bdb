import { describe, expect, it } from "vitest";
import type { AnsweredQuestion, FeedbackStore } from "../../src/core/feedback/index.ts";
import { MemoryFeedbackStore } from "../../src/core/memory/index.ts";
import { RedisFeedbackStore } from "../../src/store/redis-feedback-store.ts";
import { redisPerFile } from "../support/redis-server.ts";

const redis = redisPerFile();
let namespaces = 0;

const answered: AnsweredQuestion = {
  jobId: "slack-ev-Ev1",
  question: "Who signed the agreement?",
  sourceIds: ["a1", "a2"],
  platform: "slack",
  tenantId: "T1",
  channelId: "C1",
  answeredAt: 1_000,
};

const stores: Array<[string, () => FeedbackStore]> = [
  ["memory", () => new MemoryFeedbackStore()],
  ["redis", () => new RedisFeedbackStore(redis.client(), `feedback-contract-${++namespaces}`)],
];

describe.each(stores)("%s feedback store", (_, open) => {
  it("keeps an answer by job id, and knows no other", async () => {
    const store = open();
    await store.rememberAnswer(answered);
    expect(await store.answer("slack-ev-Ev1")).toEqual(answered);
    expect(await store.answer("slack-ev-Ev2")).toBeUndefined();
  });

  it("records one vote per user per answer: the first counts, a second click changes nothing", async () => {
    const store = open();
    const vote = { ...answered, userId: "U1", vote: "down" as const, votedAt: 2_000 };
    expect(await store.record(vote)).toBe(true);
    expect(await store.record({ ...vote, vote: "up", votedAt: 3_000 })).toBe(false);
    expect(await store.record({ ...vote, userId: "U2", vote: "up", votedAt: 4_000 })).toBe(true);
    expect(await store.record({ ...vote, jobId: "slack-ev-Ev2", votedAt: 5_000 })).toBe(true);
    const votes = await store.votesSince(0);
    expect(votes.map((v) => [v.jobId, v.userId, v.vote])).toEqual([
      ["slack-ev-Ev1", "U1", "down"],
      ["slack-ev-Ev1", "U2", "up"],
      ["slack-ev-Ev2", "U1", "down"],
    ]);
    expect(votes[0]).toEqual(vote);
    expect((await store.votesSince(4_000)).map((v) => v.votedAt)).toEqual([4_000, 5_000]);
  });

  it("keeps a vote once when the same user clicks twice at the same moment", async () => {
    const store = open();
    const vote = { ...answered, userId: "U9", vote: "up" as const, votedAt: 2_000 };
    const results = await Promise.all([store.record(vote), store.record({ ...vote, vote: "down" })]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.votesSince(0)).toHaveLength(1);
  });
});
