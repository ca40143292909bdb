import { BriefingError, catalogued } from "../../core/errors.ts";
import type { FeedScheduler } from "../../core/feeds/feed-scheduler.ts";
import { type FeedStatus, feedStatus } from "../../core/feeds/feed-status.ts";
import type { FeedRecord, FeedStore } from "../../core/feeds/feed-store.ts";
import { canonicalLink } from "../../core/feeds/item-identity.ts";
import { webUrl } from "../../core/feeds/web-url.ts";
import type { WebFetcher } from "../../core/web.ts";
import { resolveFeed } from "./resolve-feed.ts";

export interface FeedManagement {
  feeds: FeedStore;
  fetcher: WebFetcher;
  scheduler: FeedScheduler | undefined;
  now(): number;
}

export interface AddedFeed {
  feed: FeedRecord;
  /** Items the feed lists now. */
  items: number;
  /** false when the feed was already followed. */
  added: boolean;
}

/**
 * Adds a feed (a feed's URL, or a page that announces one) and schedules its polls; an already added feed is
 * left as it is. The first poll is the scheduler's (or the caller's).
 */
export async function addFeed(
  url: string,
  from: FeedRecord["addedFrom"],
  deps: FeedManagement,
): Promise<AddedFeed> {
  const resolved = await resolveFeed(deps.fetcher, webUrl(url));
  const items = resolved.parsed.items.length;
  const existing = await deps.feeds.get(resolved.url);
  if (existing) return { feed: existing, items, added: false };
  const feed: FeedRecord = {
    url: resolved.url,
    title: resolved.parsed.title,
    format: resolved.parsed.format,
    addedAt: deps.now(),
    addedFrom: from,
    state: { consecutiveFailures: 0 },
  };
  await deps.feeds.save(feed);
  await deps.scheduler?.schedule(feed.url);
  return { feed, items, added: true };
}

/** The feed stored under this URL as given (canonical), or NOT_FOUND. */
export async function findFeed(feeds: FeedStore, url: string): Promise<FeedRecord> {
  const feed = (await feeds.get(canonicalLink(webUrl(url)))) ?? (await feeds.get(url));
  if (!feed) {
    throw new BriefingError("NOT_FOUND", "No feed is followed at that address", {
      location: url,
      ...catalogued("noFeedFollowedThere"),
    });
  }
  return feed;
}

/** Stops polling a feed and forgets it (its articles stay). NOT_FOUND when it is not followed. */
export async function removeFeed(
  url: string,
  deps: Pick<FeedManagement, "feeds" | "scheduler">,
): Promise<FeedRecord> {
  const feed = await findFeed(deps.feeds, url);
  await deps.scheduler?.unschedule(feed.url);
  await deps.feeds.remove(feed.url);
  return feed;
}

/** One feed as `feeds list` shows it (a JSON contract). */
export interface FeedListing {
  url: string;
  title: string;
  status: FeedStatus;
  /** ISO 8601, or null before the first poll. */
  lastPolled: string | null;
  lastError: string | null;
  articles: number;
  channels: number;
}

export async function listFeeds(feeds: FeedStore): Promise<FeedListing[]> {
  return await Promise.all((await feeds.list()).map((feed) => describeFeed(feeds, feed)));
}

export async function describeFeed(feeds: FeedStore, feed: FeedRecord): Promise<FeedListing> {
  const { state } = feed;
  const [articles, followers] = await Promise.all([feeds.countArticles(feed.url), feeds.followers(feed.url)]);
  return {
    url: feed.url,
    title: feed.title,
    status: feedStatus(state),
    lastPolled: state.lastPolledAt === undefined ? null : new Date(state.lastPolledAt).toISOString(),
    lastError: state.consecutiveFailures > 0 ? (state.lastError?.message ?? null) : null,
    articles,
    channels: followers.length,
  };
}
