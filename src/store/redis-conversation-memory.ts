import type { Redis } from "ioredis";
import type { ConversationMemory } from "../core/chat.ts";

const KEEP_SECONDS = 3 * 24 * 3600;

/** The last question asked in each chat thread, for follow-ups; forgotten after three days. */
export class RedisConversationMemory implements ConversationMemory {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, namespace: string) {
    this.#redis = redis;
    this.#prefix = `{${namespace}}:thread:`;
  }

  async lastQuestion(threadKey: string): Promise<string | undefined> {
    return (await this.#redis.get(`${this.#prefix}${threadKey}`)) ?? undefined;
  }

  async remember(threadKey: string, question: string): Promise<void> {
    await this.#redis.set(`${this.#prefix}${threadKey}`, question, "EX", KEEP_SECONDS);
  }
}
