/** A feed is never polled more often than this … */
export const MIN_POLL_MINUTES = 5;
/** … nor less often than this. */
export const MAX_POLL_MINUTES = 24 * 60;
export const DEFAULT_POLL_MINUTES = 15;
/** A scheduled run this early is still on time: scheduler ticks and poll ends do not line up to the millisecond. */
export const DUE_TOLERANCE_MS = 60_000;

const MINUTE_MS = 60_000;

export function clampPollMinutes(minutes: number): number {
  if (!Number.isFinite(minutes)) return DEFAULT_POLL_MINUTES;
  return Math.min(MAX_POLL_MINUTES, Math.max(MIN_POLL_MINUTES, Math.round(minutes)));
}

/** What the publisher said about how often to come back. */
export interface PollHints {
  ttlMinutes?: number | undefined;
  maxAgeSeconds?: number | undefined;
  retryAfterMs?: number | undefined;
}

/**
 * How long to wait before the next poll: the configured interval, or longer when the feed's `<ttl>`,
 * Cache-Control max-age or Retry-After ask for it; after failures the interval doubles each time. Always
 * between MIN_POLL_MINUTES and MAX_POLL_MINUTES.
 */
export function nextPollDelayMs(baseMinutes: number, hints: PollHints, consecutiveFailures: number): number {
  const base = clampPollMinutes(baseMinutes) * MINUTE_MS;
  const backoff = base * 2 ** Math.min(consecutiveFailures, 20);
  const asked = Math.max(
    (hints.ttlMinutes ?? 0) * MINUTE_MS,
    (hints.maxAgeSeconds ?? 0) * 1_000,
    hints.retryAfterMs ?? 0,
  );
  const wanted = Math.max(backoff, asked);
  return Math.min(MAX_POLL_MINUTES * MINUTE_MS, Math.max(MIN_POLL_MINUTES * MINUTE_MS, wanted));
}

/** Whether a scheduled run at `now` should poll: the feed's next poll time has come (or it has none). */
export function isDue(nextPollAt: number | undefined, now: number): boolean {
  return nextPollAt === undefined || now + DUE_TOLERANCE_MS >= nextPollAt;
}
