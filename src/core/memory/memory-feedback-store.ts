import type { AnsweredQuestion, FeedbackRecord, FeedbackStore } from "../feedback/index.ts";

/** Answers and votes in one process: for unit tests of the adapters and flows. */
export class MemoryFeedbackStore implements FeedbackStore {
  readonly #answers = new Map<string, AnsweredQuestion>();
  readonly #votes: FeedbackRecord[] = [];

  async rememberAnswer(answer: AnsweredQuestion): Promise<void> {
    this.#answers.set(answer.jobId, structuredClone(answer));
  }

  async answer(jobId: string): Promise<AnsweredQuestion | undefined> {
    const answer = this.#answers.get(jobId);
    return answer ? structuredClone(answer) : undefined;
  }

  async record(feedback: FeedbackRecord): Promise<boolean> {
    const voted = this.#votes.some(
      (vote) => vote.jobId === feedback.jobId && vote.userId === feedback.userId,
    );
    if (voted) return false;
    this.#votes.push(structuredClone(feedback));
    return true;
  }

  async votesSince(instant: number): Promise<FeedbackRecord[]> {
    return this.#votes
      .filter((vote) => vote.votedAt >= instant)
      .sort((a, b) => a.votedAt - b.votedAt)
      .map((vote) => structuredClone(vote));
  }
}
