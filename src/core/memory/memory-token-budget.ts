import type { ModelUsage, TokenBudget } from "../ports.ts";
import { utcDay } from "../utc-day.ts";

/** The same budget in one process, for the CLI without Redis. */
export class MemoryTokenBudget implements TokenBudget {
  readonly #dailyLimit: number;
  readonly #spent = new Map<string, number>();
  readonly #now: () => number;

  constructor(dailyLimit: number, now: () => number = Date.now) {
    this.#dailyLimit = dailyLimit;
    this.#now = now;
  }

  async remaining(): Promise<number> {
    if (this.#dailyLimit === 0) return Number.POSITIVE_INFINITY;
    return Math.max(0, this.#dailyLimit - (this.#spent.get(utcDay(this.#now())) ?? 0));
  }

  async spend(usage: ModelUsage): Promise<void> {
    const day = utcDay(this.#now());
    this.#spent.set(day, (this.#spent.get(day) ?? 0) + usage.promptTokens + usage.completionTokens);
  }
}
