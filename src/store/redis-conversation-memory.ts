import type { Redis } from "ioredis";
import { z } from "zod";
import { type ConversationMemory, type ConversationTurns, MAX_REMEMBERED_TURNS } from "../core/chat.ts";

const KEEP_SECONDS = 3 * 24 * 3600;

const storedTurns = z.object({ questions: z.array(z.string()), lastAt: z.number() });

/** Reads a thread's record; a record of the earlier format (the last question as plain text) is one old turn. */
function parseTurns(raw: string): ConversationTurns | undefined {
  try {
    const parsed = storedTurns.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // the earlier format: plain text
  }
  return raw.trim() === "" ? undefined : { questions: [raw], lastAt: 0 };
}

/** The latest questions asked in each chat thread, for follow-ups; forgotten after three days. */
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
    const questions = [...((await this.turns(threadKey))?.questions ?? []), question].slice(
      -MAX_REMEMBERED_TURNS,
    );
    await this.#redis.set(
      `${this.#prefix}${threadKey}`,
      JSON.stringify({ questions, lastAt: at }),
      "EX",
      KEEP_SECONDS,
    );
  }
}
