import type { Job, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { FeedRequest } from "../core/chat.ts";
import type { BriefingError } from "../core/errors.ts";
import { FEED_QUEUE, feedRequestSchema, scheduledPollSchema } from "./feed-job-schema.ts";
import { readJobData, runWithRetries } from "./run-with-retries.ts";
import { startBriefbotWorker } from "./worker-options.ts";

export interface FeedWorkerOptions {
  connection: Redis;
  namespace: string;
  lockDurationMs?: number;
  /** A scheduled poll of one feed. */
  poll(url: string): Promise<void>;
  /** A `follow` or `add` from chat. */
  request(request: FeedRequest, attempt: number): Promise<void>;
  /** Called once when a chat request will not be retried any more: tell the asker. */
  giveUp(request: FeedRequest, error: BriefingError): Promise<void>;
  log(event: string, fields: Record<string, unknown>): void;
}

type FeedJob = { kind: "poll"; url: string } | { kind: "request"; request: FeedRequest };

function feedJobOf(job: Job): FeedJob {
  if (job.name === "poll") return { kind: "poll", url: scheduledPollSchema.parse(job.data).url };
  return { kind: "request", request: feedRequestSchema.parse(job.data) };
}

/** Polls feeds and does chat's `follow`/`add`; any number of workers share the "feed" queue. */
export function startFeedWorker(options: FeedWorkerOptions): Worker {
  return startBriefbotWorker(
    FEED_QUEUE,
    async (job) => {
      const feedJob = readJobData(job, "feed_job_failed", options.log, () => feedJobOf(job));
      await runWithRetries(job, {
        failedEvent: "feed_job_failed",
        jobId: job.id ?? "feed",
        run: () =>
          feedJob.kind === "poll"
            ? options.poll(feedJob.url)
            : options.request(feedJob.request, job.attemptsMade + 1),
        giveUp: async (error) => {
          if (feedJob.kind === "request") await options.giveUp(feedJob.request, error);
        },
        log: options.log,
      });
    },
    options,
    2,
  );
}
