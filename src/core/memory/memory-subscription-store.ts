import type { SubscriptionStore } from "../chat.ts";
import type { Subscription, SubscriptionProgress } from "../subscriptions/index.ts";

/** Digest subscriptions in one process: for unit tests of the flows. */
export class MemorySubscriptionStore implements SubscriptionStore {
  readonly #subscriptions = new Map<string, Subscription>();
  readonly #progress = new Map<string, SubscriptionProgress>();
  readonly #locks = new Map<string, { owner: string; until: number }>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  async save(subscription: Subscription, initialCursor: number): Promise<void> {
    this.#subscriptions.set(subscription.id, structuredClone(subscription));
    if (!this.#progress.has(subscription.id)) this.#progress.set(subscription.id, { cursor: initialCursor });
  }

  async get(id: string): Promise<Subscription | undefined> {
    const subscription = this.#subscriptions.get(id);
    return subscription ? structuredClone(subscription) : undefined;
  }

  async ids(): Promise<string[]> {
    return [...this.#subscriptions.keys()].sort();
  }

  async remove(id: string): Promise<boolean> {
    this.#progress.delete(id);
    return this.#subscriptions.delete(id);
  }

  async progress(id: string): Promise<SubscriptionProgress> {
    return { ...(this.#progress.get(id) ?? { cursor: 0 }) };
  }

  async advance(
    id: string,
    cursor: number,
    postedAt: number,
    scheduledDate: string | undefined,
  ): Promise<void> {
    const current = this.#progress.get(id) ?? { cursor: 0 };
    this.#progress.set(id, {
      ...current,
      cursor: Math.max(current.cursor, cursor),
      lastPostedAt: postedAt,
      ...(scheduledDate ? { lastScheduledDate: scheduledDate } : {}),
    });
  }

  async lock(id: string, owner: string, ttlMs: number): Promise<boolean> {
    const held = this.#locks.get(id);
    if (held && held.until > this.#now()) return false;
    this.#locks.set(id, { owner, until: this.#now() + ttlMs });
    return true;
  }

  async unlock(id: string, owner: string): Promise<void> {
    if (this.#locks.get(id)?.owner === owner) this.#locks.delete(id);
  }
}
