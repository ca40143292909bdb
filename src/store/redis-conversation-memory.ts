import type { Redis } from "ioredis";
import { z } from "zod";
import type { ConversationMemory, ConversationTurns, TurnAnswer } from "../core/chat.ts";
import { conversationTurns, withAnswer, withQuestion } from "../core/conversation-turns.ts";
import { BriefingError } from "../core/errors.ts";
import { guardRedis } from "./redis-connections.ts";

const KEEP_SECONDS = 3 * 24 * 3600;

/** Read-modify-write attempts before giving up: each retry follows another writer's change to the thread. */
const MAX_ATTEMPTS = 5;

const storedTurns = z.object({
  turns: z.array(
    z.object({
      question: z.string(),
      answer: z.object({ articleIds: z.array(z.string()) }).optional(),
    }),
  ),
  lastAt: z.number(),
});
/** The format before answers were kept: the questions alone. */
const storedQuestions = z.object({ questions: z.array(z.string()), lastAt: z.number() });

/**
 * Reads a thread's record: turns with what their answers rested on; a record of the earlier formats (the
 * questions alone, or the last question as plain text) as turns without answers.
 */
export function parseTurns(raw: string): ConversationTurns | undefined {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    // the oldest format: plain text
    return raw.trim() === "" ? undefined : conversationTurns([{ question: raw }], 0);
  }
  const current = storedTurns.safeParse(json);
  if (current.success) return conversationTurns(current.data.turns, current.data.lastAt);
  const questions = storedQuestions.safeParse(json);
  if (questions.success)
    return conversationTurns(
      questions.data.questions.map((question) => ({ question })),
      questions.data.lastAt,
    );
  return raw.trim() === "" ? undefined : conversationTurns([{ question: raw }], 0);
}

/** Writes the thread's record only if it is still `expected` ('' for none): a compare-and-set. */
const REPLACE_SCRIPT = `
local key, expected, value, seconds = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
if (redis.call('GET', key) or '') ~= expected then return 0 end
redis.call('SET', key, value, 'EX', seconds)
return 1
`;

/** The latest questions asked in each chat thread and what their answers rested on; forgotten after three days. */
export class RedisConversationMemory implements ConversationMemory {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, namespace: string) {
    this.#redis = redis;
    this.#prefix = `{${namespace}}:thread:`;
  }

  async turns(threadKey: string): Promise<ConversationTurns | undefined> {
    const raw = await this.#redis.get(`${this.#prefix}${threadKey}`);
    return raw === null ? undefined : parseTurns(raw);
  }

  async remember(threadKey: string, question: string, at: number): Promise<void> {
    await this.#update(threadKey, (earlier) => withQuestion(earlier, question, at));
  }

  async rememberAnswer(threadKey: string, question: string, answer: TurnAnswer): Promise<void> {
    await this.#update(threadKey, (earlier) => withAnswer(earlier, question, answer));
  }

  /** Applies `change` to the thread's record atomically: a writer in between (adapter or worker) is re-read. */
  async #update(
    threadKey: string,
    change: (earlier: ConversationTurns | undefined) => ConversationTurns | undefined,
  ): Promise<void> {
    const key = `${this.#prefix}${threadKey}`;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const raw = await guardRedis(this.#redis.get(key));
      const changed = change(raw === null ? undefined : parseTurns(raw));
      if (!changed) return;
      const value = JSON.stringify({ turns: changed.turns, lastAt: changed.lastAt });
      const written = await guardRedis(
        this.#redis.eval(REPLACE_SCRIPT, 0, key, raw ?? "", value, String(KEEP_SECONDS)),
      );
      if (written === 1) return;
    }
    throw new BriefingError("STORE_UNAVAILABLE", `The conversation ${threadKey} kept changing while written`);
  }
}
