import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { DigestRequest, DigestSubscriptions, SubscriptionStore } from "../core/chat.ts";
import { cronPattern, type Subscription } from "../core/subscriptions/index.ts";
import {
  DIGEST_QUEUE,
  digestRequestSchema,
  type ScheduledDigest,
  schedulerIdFor,
} from "./digest-job-schema.ts";
import { openQueue, schedulerUnavailable } from "./producer-queue.ts";
import { ASK_JOB_OPTIONS } from "./retry-policy.ts";

export interface BullDigestSubscriptionsOptions {
  connection: Redis;
  namespace: string;
  subscriptions: SubscriptionStore;
  /** Where a new subscription's first digest starts: the store's sequence some hours back. */
  initialCursor(): Promise<number>;
}

/**
 * Subscriptions and their BullMQ job schedulers (cron pattern + IANA zone): one scheduler per channel, so any
 * number of `serve` processes upserting the same subscription still make one run per day.
 */
export class BullDigestSubscriptions implements DigestSubscriptions {
  readonly #queue: Queue;
  readonly #options: BullDigestSubscriptionsOptions;

  constructor(options: BullDigestSubscriptionsOptions) {
    this.#options = options;
    this.#queue = openQueue(DIGEST_QUEUE, options.connection, options.namespace);
  }

  async subscribe(subscription: Subscription): Promise<void> {
    try {
      await this.#options.subscriptions.save(subscription, await this.#options.initialCursor());
      await this.#schedule(subscription);
    } catch (error) {
      throw schedulerUnavailable("The digest scheduler", error);
    }
  }

  async unsubscribe(subscriptionId: string): Promise<boolean> {
    try {
      await this.#queue.removeJobScheduler(schedulerIdFor(subscriptionId));
      return await this.#options.subscriptions.remove(subscriptionId);
    } catch (error) {
      throw schedulerUnavailable("The digest scheduler", error);
    }
  }

  async status(subscriptionId: string) {
    try {
      const subscription = await this.#options.subscriptions.get(subscriptionId);
      if (!subscription) return undefined;
      const progress = await this.#options.subscriptions.progress(subscriptionId);
      const scheduler = await this.#queue.getJobScheduler(schedulerIdFor(subscriptionId));
      return { subscription, progress, nextRunAt: scheduler?.next };
    } catch (error) {
      throw schedulerUnavailable("The digest scheduler", error);
    }
  }

  async runNow(request: DigestRequest): Promise<{ enqueued: boolean }> {
    const data = digestRequestSchema.parse(request);
    try {
      await this.#queue.add("digest-now", data, { ...ASK_JOB_OPTIONS, jobId: data.jobId });
      const stored = await this.#queue.getJob(data.jobId);
      return { enqueued: stored === undefined || stored.data.requestedAt === data.requestedAt };
    } catch (error) {
      throw schedulerUnavailable("The digest scheduler", error);
    }
  }

  /** Re-creates every stored subscription's scheduler (idempotent): run at start-up by each `serve`. */
  async reconcile(): Promise<number> {
    let count = 0;
    for (const id of await this.#options.subscriptions.ids()) {
      const subscription = await this.#options.subscriptions.get(id).catch(() => undefined);
      if (!subscription) continue;
      const existing = await this.#queue.getJobScheduler(schedulerIdFor(id));
      const wanted = cronPattern(subscription.schedule);
      const data = existing?.template?.data as Partial<ScheduledDigest> | undefined;
      const current =
        existing?.pattern === wanted &&
        existing.tz === subscription.schedule.timeZone &&
        data?.version === subscription.version;
      if (!current) await this.#schedule(subscription);
      count++;
    }
    return count;
  }

  async close(): Promise<void> {
    await this.#queue.close();
  }

  async #schedule(subscription: Subscription): Promise<void> {
    const data: ScheduledDigest = { subscriptionId: subscription.id, version: subscription.version };
    await this.#queue.upsertJobScheduler(
      schedulerIdFor(subscription.id),
      { pattern: cronPattern(subscription.schedule), tz: subscription.schedule.timeZone },
      { name: "digest", data, opts: ASK_JOB_OPTIONS },
    );
  }
}
