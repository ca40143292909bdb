import type { BriefingError } from "../errors.ts";
import type { FetchedResource } from "../web.ts";
import type { FeedPollState } from "./feed-store.ts";
import { nextPollDelayMs } from "./poll-schedule.ts";

/** What a successful poll saw: the response, and the feed's `<ttl>` when it was read (not on a 304). */
export interface PollSuccess {
  fetched: Pick<FetchedResource, "notModified" | "etag" | "lastModified" | "maxAgeSeconds">;
  ttlMinutes: number | undefined;
  /** Whether the poll stored a new article. */
  newItems: boolean;
}

/** The state after a successful poll: failures cleared, validators kept for the next conditional GET. */
export function stateAfterSuccess(
  before: FeedPollState,
  success: PollSuccess,
  now: number,
  pollMinutes: number,
): FeedPollState {
  const { fetched } = success;
  const ttlMinutes = fetched.notModified ? before.ttlMinutes : success.ttlMinutes;
  const hints = { ttlMinutes, maxAgeSeconds: fetched.maxAgeSeconds };
  return withoutUndefined({
    lastPolledAt: now,
    lastNewItemAt: success.newItems ? now : before.lastNewItemAt,
    consecutiveFailures: 0,
    nextPollAt: now + nextPollDelayMs(pollMinutes, hints, 0),
    etag: fetched.etag ?? (fetched.notModified ? before.etag : undefined),
    lastModified: fetched.lastModified ?? (fetched.notModified ? before.lastModified : undefined),
    ttlMinutes,
    maxAgeSeconds: fetched.maxAgeSeconds,
  });
}

/** The state after a failed poll: one more failure, the next poll backed off (or as Retry-After asked). */
export function stateAfterFailure(
  before: FeedPollState,
  error: BriefingError,
  now: number,
  pollMinutes: number,
): FeedPollState {
  const consecutiveFailures = before.consecutiveFailures + 1;
  const hints = { ttlMinutes: before.ttlMinutes, retryAfterMs: error.retryAfterMs };
  return withoutUndefined({
    ...before,
    lastPolledAt: now,
    lastError: { code: error.code, message: error.userMessage(), at: now },
    consecutiveFailures,
    failingSince: before.failingSince ?? now,
    nextPollAt: now + nextPollDelayMs(pollMinutes, hints, consecutiveFailures),
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
