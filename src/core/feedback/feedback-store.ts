import type { Platform } from "../reply-target.ts";

export type Vote = "up" | "down";

/** Where an answer was posted: the tenant (Slack team id, Discord guild id; none in a DM) and the channel. */
export interface AnswerPlace {
  platform: Platform;
  tenantId?: string;
  channelId: string;
}

/** What a vote on an answer is recorded with: kept per job when the answer is posted. */
export interface AnsweredQuestion extends AnswerPlace {
  jobId: string;
  question: string;
  /** The ids of the articles the answer cites, in citation order. */
  sourceIds: string[];
  answeredAt: number;
}

/** One user's vote on one answer, with the answer's question, sources and place. */
export interface FeedbackRecord extends AnsweredQuestion {
  userId: string;
  vote: Vote;
  votedAt: number;
}

/** Answers that can be voted on, and the votes: one per user per answer, the first one counts. */
export interface FeedbackStore {
  rememberAnswer(answer: AnsweredQuestion): Promise<void>;
  answer(jobId: string): Promise<AnsweredQuestion | undefined>;
  /** false when this user already voted on this answer: nothing changes then. */
  record(feedback: FeedbackRecord): Promise<boolean>;
  /** Every vote cast at or after `instant` (ms), oldest first. */
  votesSince(instant: number): Promise<FeedbackRecord[]>;
}
