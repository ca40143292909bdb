import type { Platform } from "../reply-target.ts";
import type { FeedbackRecord } from "./feedback-store.ts";

export interface VoteCounts {
  up: number;
  down: number;
}

export interface RatedQuestion extends VoteCounts {
  question: string;
  platform: Platform;
  /** The articles the answer cited. */
  sourceIds: string[];
  jobId: string;
}

/** `briefbot feedback --json`: the votes since a moment, and the answers with the most 👎. */
export interface FeedbackReport {
  /** ISO time of the start of the window; null for all stored votes. */
  since: string | null;
  total: VoteCounts;
  byPlatform: Record<Platform, VoteCounts>;
  /** Answers with at least one 👎: most 👎 first, then fewest 👍, then the most recent. */
  worst: RatedQuestion[];
}

const WORST_SHOWN = 10;

function counted(votes: readonly FeedbackRecord[]): VoteCounts {
  const up = votes.filter((vote) => vote.vote === "up").length;
  return { up, down: votes.length - up };
}

/** Counts and the worst-rated answers of `votes` (as `FeedbackStore.votesSince` returns them). */
export function feedbackReport(votes: readonly FeedbackRecord[], since: number | undefined): FeedbackReport {
  const byAnswer = new Map<string, FeedbackRecord[]>();
  for (const vote of votes) byAnswer.set(vote.jobId, [...(byAnswer.get(vote.jobId) ?? []), vote]);
  const rated = [...byAnswer.values()].map((answerVotes) => {
    const latest = answerVotes.reduce((a, b) => (b.votedAt > a.votedAt ? b : a));
    return { latest, counts: counted(answerVotes) };
  });
  const worst = rated
    .filter(({ counts }) => counts.down > 0)
    .sort(
      (a, b) =>
        b.counts.down - a.counts.down || a.counts.up - b.counts.up || b.latest.votedAt - a.latest.votedAt,
    )
    .slice(0, WORST_SHOWN)
    .map(({ latest, counts }) => ({
      question: latest.question,
      platform: latest.platform,
      sourceIds: latest.sourceIds,
      jobId: latest.jobId,
      ...counts,
    }));
  return {
    since: since === undefined ? null : new Date(since).toISOString(),
    total: counted(votes),
    byPlatform: {
      slack: counted(votes.filter((vote) => vote.platform === "slack")),
      discord: counted(votes.filter((vote) => vote.platform === "discord")),
    },
    worst,
  };
}
