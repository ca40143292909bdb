import { describe, expect, it } from "vitest";
import type { AskRequest } from "../../../src/core/chat.ts";
import { MemoryDeliveryLog, MemoryFeedbackStore } from "../../../src/core/memory/index.ts";
import { AnswerEngine } from "../../../src/flows/ask/answer-engine.ts";
import { runAskJob } from "../../../src/flows/ask/ask-job.ts";
import { recordVote } from "../../../src/flows/feedback/record-vote.ts";
import { RecordingReplier } from "../../support/recording-replier.ts";
import { seedLibrary } from "../../support/seed-library.ts";

const request: AskRequest = {
  jobId: "slack-ev-EvASKFEEDBACK",
  question: "What will Trend Micro provide to INTERPOL?",
  target: { platform: "slack", teamId: "T1", channelId: "C1", userId: "U1" },
  requestedAt: 0,
};

describe("an answered ask job and the votes on it", () => {
  it("keeps the question, the cited articles and the place, so that only a vote from that place is recorded", async () => {
    const library = await seedLibrary();
    const feedback = new MemoryFeedbackStore();
    const deliveries = new MemoryDeliveryLog();
    const engine = new AnswerEngine({ library, log: () => {} });
    const replier = new RecordingReplier();
    await runAskJob(request, {
      library,
      store: undefined,
      repliers: { slack: replier },
      deliveries,
      engine,
      feedback,
      log: () => {},
    });

    const answer = await deliveries.answerFor(request.jobId, () => {
      throw new Error("the job stored its answer");
    });
    const kept = await feedback.answer(request.jobId);
    expect(kept).toMatchObject({
      question: request.question,
      platform: "slack",
      tenantId: "T1",
      channelId: "C1",
    });
    expect(kept?.sourceIds).toEqual([...new Set(answer.sources.map((source) => source.articleId))]);
    expect(kept?.sourceIds.length).toBeGreaterThan(0);

    const click = { platform: "slack" as const, jobId: request.jobId, userId: "U2", vote: "up" as const };
    expect(await recordVote({ ...click, tenantId: "T2", channelId: "C1" }, feedback, () => {})).toBe(
      "refused",
    );
    expect(await recordVote({ ...click, tenantId: "T1", channelId: "C1" }, feedback, () => {})).toBe(
      "recorded",
    );
    expect(
      await recordVote({ ...click, tenantId: "T1", channelId: "C1", vote: "down" }, feedback, () => {}),
    ).toBe("already_voted");
    expect((await feedback.votesSince(0)).map((vote) => vote.vote)).toEqual(["up"]);
  });
});
