import type { Redis } from "ioredis";
import type { ModelUsage, TokenBudget } from "../core/ports.ts";
import { utcDay } from "../core/utc-day.ts";
import { storedCount } from "./stored-json.ts";

const KEEP_SECONDS = 3 * 24 * 3600;

/**
 * A language-model token budget per UTC day, shared by every worker through one Redis counter. A limit of 0
 * means no limit. Spending is counted after each call, so concurrent calls may overrun the limit by their own
 * size; the next call sees the budget spent.
 */
export class RedisTokenBudget implements TokenBudget {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #dailyLimit: number;
  readonly #now: () => number;

  constructor(redis: Redis, namespace: string, dailyLimit: number, now: () => number = Date.now) {
    this.#redis = redis;
    this.#prefix = `{${namespace}}:llm-tokens:`;
    this.#dailyLimit = dailyLimit;
    this.#now = now;
  }

  async remaining(): Promise<number> {
    if (this.#dailyLimit === 0) return Number.POSITIVE_INFINITY;
    return Math.max(0, this.#dailyLimit - (await this.spentToday()));
  }

  async spend(usage: ModelUsage): Promise<void> {
    const tokens = Math.max(0, Math.round(usage.promptTokens + usage.completionTokens));
    if (tokens === 0) return;
    const key = this.#key();
    await this.#redis.multi().incrby(key, tokens).expire(key, KEEP_SECONDS).exec();
  }

  /** Tokens spent today, for status output and tests. */
  async spentToday(): Promise<number> {
    const key = this.#key();
    return storedCount(await this.#redis.get(key), "token count", key);
  }

  #key(): string {
    return `${this.#prefix}${utcDay(this.#now())}`;
  }
}
