import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { ChannelFeed, FeedFollowing, FeedRequest } from "../core/chat.ts";
import { BriefingError } from "../core/errors.ts";
import type { FeedScheduler } from "../core/feeds/feed-scheduler.ts";
import type { FeedStore } from "../core/feeds/feed-store.ts";
import { channelFeeds, unfollowFeed } from "../flows/ingest/channel-feeds.ts";
import { FEED_QUEUE, feedRequestSchema } from "./feed-job-schema.ts";
import { openQueue } from "./producer-queue.ts";
import { FEED_JOB_OPTIONS } from "./retry-policy.ts";

export interface BullFeedFollowingOptions {
  connection: Redis;
  namespace: string;
  feeds: FeedStore;
  scheduler: FeedScheduler;
}

/** The adapters' side of feeds: `follow`/`add` become jobs on the "feed" queue; the rest is a few Redis calls. */
export class BullFeedFollowing implements FeedFollowing {
  readonly #queue: Queue;
  readonly #options: BullFeedFollowingOptions;

  constructor(options: BullFeedFollowingOptions) {
    this.#options = options;
    this.#queue = openQueue(FEED_QUEUE, options.connection, options.namespace);
  }

  async request(request: FeedRequest): Promise<{ enqueued: boolean }> {
    const data = feedRequestSchema.parse(request);
    try {
      await this.#queue.add(data.kind, data, { ...FEED_JOB_OPTIONS, jobId: data.jobId });
      const stored = await this.#queue.getJob(data.jobId);
      return { enqueued: stored === undefined || stored.data.requestedAt === data.requestedAt };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new BriefingError("QUEUE_UNAVAILABLE", `Could not queue the feed request: ${reason}`, {
        cause: error,
      });
    }
  }

  async unfollow(
    channelKey: string,
    urlOrNumber: string,
  ): Promise<{ title: string; url: string } | undefined> {
    return await unfollowFeed(this.#options, channelKey, urlOrNumber);
  }

  async channelFeeds(channelKey: string): Promise<ChannelFeed[]> {
    return await channelFeeds(this.#options.feeds, channelKey);
  }

  async close(): Promise<void> {
    await this.#queue.close();
  }
}
