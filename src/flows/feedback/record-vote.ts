import type { AnswerPlace, FeedbackStore, Vote } from "../../core/feedback/index.ts";

/** A click on 👍 or 👎 as the platform delivered it: who clicked, where, and the answer id the button carried. */
export interface VoteClick extends AnswerPlace {
  jobId: string;
  userId: string;
  vote: Vote;
}

export type VoteOutcome = "recorded" | "already_voted" | "refused";

/** Job ids as the adapters make them ("slack-ev-…", "discord-int-…"): anything else was not made by us. */
const JOB_ID = /^(slack|discord)-[A-Za-z0-9_-]{1,200}$/u;

function samePlace(answer: AnswerPlace, click: AnswerPlace): boolean {
  return (
    answer.platform === click.platform &&
    (answer.tenantId ?? "") === (click.tenantId ?? "") &&
    answer.channelId === click.channelId
  );
}

/**
 * Records a vote once per user per answer (a second click changes nothing). A click naming an answer that was
 * never posted (a forged or expired id), or posted in another workspace, server or channel, is refused and
 * logged, and nothing is recorded.
 */
export async function recordVote(
  click: VoteClick,
  feedback: FeedbackStore,
  log: (event: string, fields: Record<string, unknown>) => void,
  now: () => number = Date.now,
): Promise<VoteOutcome> {
  return (await recordVoteOnQuestion(click, feedback, log, now)).outcome;
}

/** recordVote, also telling the question of the answer voted on (when it is one of ours, in this place). */
export async function recordVoteOnQuestion(
  click: VoteClick,
  feedback: FeedbackStore,
  log: (event: string, fields: Record<string, unknown>) => void,
  now: () => number = Date.now,
): Promise<{ outcome: VoteOutcome; question?: string }> {
  const answer = JOB_ID.test(click.jobId) ? await feedback.answer(click.jobId) : undefined;
  if (!answer || !samePlace(answer, click)) {
    log("feedback_refused", {
      jobId: click.jobId.slice(0, 200),
      platform: click.platform,
      tenantId: click.tenantId,
      channelId: click.channelId,
      userId: click.userId,
      reason: answer ? "other_place" : "unknown_answer",
    });
    return { outcome: "refused" };
  }
  const recorded = await feedback.record({
    ...answer,
    userId: click.userId,
    vote: click.vote,
    votedAt: now(),
  });
  log(recorded ? "feedback_recorded" : "feedback_repeated", { jobId: answer.jobId, vote: click.vote });
  return { outcome: recorded ? "recorded" : "already_voted", question: answer.question };
}
