import type { FeedItem } from "./types.ts";

/** A feed's first poll takes only what was published this long ago at most … */
export const FIRST_POLL_WINDOW_MS = 24 * 60 * 60 * 1_000;
/** … and at most this many items: following a feed does not flood the channel with its archive. */
export const FIRST_POLL_MAX_ITEMS = 20;

/**
 * The items a first poll takes: those of the last 24 hours, newest first, at most 20. A feed that dates none
 * of its items gives its first 20 (feeds list the newest first).
 */
export function firstPollItems(items: readonly FeedItem[], now: number): FeedItem[] {
  const timeOf = (item: FeedItem) => (item.published ? Date.parse(item.published) : Number.NaN);
  if (!items.some((item) => !Number.isNaN(timeOf(item)))) return items.slice(0, FIRST_POLL_MAX_ITEMS);
  return items
    .filter((item) => timeOf(item) >= now - FIRST_POLL_WINDOW_MS)
    .sort((a, b) => timeOf(b) - timeOf(a))
    .slice(0, FIRST_POLL_MAX_ITEMS);
}
