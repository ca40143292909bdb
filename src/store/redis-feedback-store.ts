import type { Redis } from "ioredis";
import { z } from "zod";
import type { AnsweredQuestion, FeedbackRecord, FeedbackStore } from "../core/feedback/index.ts";
import { parseStored } from "./stored-json.ts";

/** How long an answer can be voted on after it was posted. */
const VOTABLE_SECONDS = 30 * 24 * 3600;
/** How long votes are kept for `briefbot feedback`. */
const VOTES_KEPT_MS = 365 * 24 * 3600 * 1000;

const answeredSchema = z.looseObject({
  jobId: z.string(),
  question: z.string(),
  sourceIds: z.array(z.string()),
  platform: z.enum(["slack", "discord"]),
  tenantId: z.string().optional(),
  channelId: z.string(),
  answeredAt: z.number(),
}) satisfies z.ZodType<AnsweredQuestion>;

const recordSchema = answeredSchema.extend({
  userId: z.string(),
  vote: z.enum(["up", "down"]),
  votedAt: z.number(),
}) satisfies z.ZodType<FeedbackRecord>;

/** The first vote of a user on an answer wins: the voter is claimed and the vote logged in one step. */
const RECORD_ONCE = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[5])
return 1`;

/**
 * Answers that can be voted on (30 days after they were posted) and every vote (a year), in Redis: one vote
 * per user per answer, the first one counts. A record that does not read back as stored is STORE_CORRUPT.
 */
export class RedisFeedbackStore implements FeedbackStore {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, namespace: string) {
    this.#redis = redis;
    this.#prefix = `{${namespace}}:feedback:`;
  }

  async rememberAnswer(answer: AnsweredQuestion): Promise<void> {
    const key = `${this.#prefix}answer:${answer.jobId}`;
    await this.#redis.set(key, JSON.stringify(answer), "EX", VOTABLE_SECONDS);
  }

  async answer(jobId: string): Promise<AnsweredQuestion | undefined> {
    const key = `${this.#prefix}answer:${jobId}`;
    const json = await this.#redis.get(key);
    return json === null ? undefined : parseStored(json, "answer of a feedback", key, answeredSchema);
  }

  async record(feedback: FeedbackRecord): Promise<boolean> {
    const recorded = await this.#redis.eval(
      RECORD_ONCE,
      2,
      `${this.#prefix}voters:${feedback.jobId}`,
      `${this.#prefix}votes`,
      feedback.userId,
      JSON.stringify(feedback),
      String(feedback.votedAt),
      String(VOTABLE_SECONDS),
      String(feedback.votedAt - VOTES_KEPT_MS),
    );
    return recorded === 1;
  }

  async votesSince(instant: number): Promise<FeedbackRecord[]> {
    const key = `${this.#prefix}votes`;
    const members = await this.#redis.zrangebyscore(key, instant, "+inf");
    return members.map((json) => parseStored(json, "feedback vote", key, recordSchema));
  }
}
