import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { FeedScheduler } from "../core/feeds/feed-scheduler.ts";
import type { FeedStore } from "../core/feeds/feed-store.ts";
import { clampPollMinutes } from "../core/feeds/poll-schedule.ts";
import { FEED_QUEUE, feedSchedulerId, type ScheduledPoll } from "./feed-job-schema.ts";
import { openQueue, schedulerUnavailable } from "./producer-queue.ts";
import { FEED_JOB_OPTIONS } from "./retry-policy.ts";

export interface BullFeedSchedulerOptions {
  connection: Redis;
  namespace: string;
  /** FEED_POLL_MINUTES: how often each scheduler runs; a run before the feed's next poll time does nothing. */
  pollMinutes: number;
  feeds: FeedStore;
}

/**
 * One BullMQ job scheduler per feed (`every` FEED_POLL_MINUTES), its id from the feed URL's hash, so any number
 * of `serve` and `worker` processes make one poll per interval.
 */
export class BullFeedScheduler implements FeedScheduler {
  readonly #queue: Queue;
  readonly #options: BullFeedSchedulerOptions;

  constructor(options: BullFeedSchedulerOptions) {
    this.#options = options;
    this.#queue = openQueue(FEED_QUEUE, options.connection, options.namespace);
  }

  get #everyMs(): number {
    return clampPollMinutes(this.#options.pollMinutes) * 60_000;
  }

  async schedule(url: string): Promise<void> {
    const data: ScheduledPoll = { url };
    try {
      await this.#queue.upsertJobScheduler(
        feedSchedulerId(url),
        { every: this.#everyMs },
        { name: "poll", data, opts: FEED_JOB_OPTIONS },
      );
    } catch (error) {
      throw schedulerUnavailable("The feed scheduler", error);
    }
  }

  async unschedule(url: string): Promise<void> {
    try {
      await this.#queue.removeJobScheduler(feedSchedulerId(url));
    } catch (error) {
      throw schedulerUnavailable("The feed scheduler", error);
    }
  }

  /** Creates the missing schedulers and fixes those of another interval (idempotent): run at `serve` start. */
  async reconcile(): Promise<number> {
    let count = 0;
    for (const feed of await this.#options.feeds.list()) {
      const existing = await this.#queue.getJobScheduler(feedSchedulerId(feed.url));
      const data = existing?.template?.data as Partial<ScheduledPoll> | undefined;
      if (Number(existing?.every) !== this.#everyMs || data?.url !== feed.url) await this.schedule(feed.url);
      count++;
    }
    return count;
  }

  async close(): Promise<void> {
    await this.#queue.close();
  }
}
