import type { JobsOptions } from "bullmq";
import { isBriefingError } from "../core/errors.ts";

export const ASK_ATTEMPTS = 6;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 60_000;

export const ASK_JOB_OPTIONS: JobsOptions = {
  attempts: ASK_ATTEMPTS,
  backoff: { type: "platform" },
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** The one retry layer: a platform's Retry-After when it gave one, else exponential backoff with jitter. */
export function retryDelay(attemptsMade: number, error: Error | undefined): number {
  if (isBriefingError(error) && error.retryAfterMs !== undefined) return error.retryAfterMs;
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(exponential * (0.8 + 0.4 * Math.random()));
}

/** Feed jobs: a scheduled poll handles feed failures itself (backoff in the feed's state); these retries are for Redis. */
export const FEED_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: "platform" },
  removeOnComplete: { age: 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
