import type { Platform, Replier } from "../../core/chat.ts";
import type { BriefingError } from "../../core/errors.ts";
import type { FeedRecord, FeedStore } from "../../core/feeds/feed-store.ts";
import { type InterfaceLanguage, message } from "../../core/i18n/messages.ts";
import type { Log } from "../../core/log.ts";

/** Followers are told once a feed has failed for this long without a success between. */
export const FAILING_NOTICE_AFTER_MS = 24 * 60 * 60 * 1_000;

export interface FailingFeedNoticeDependencies {
  feeds: FeedStore;
  repliers: Partial<Record<Platform, Replier>>;
  log: Log;
}

/** The notice a following channel gets. Names the feed as it was given, and what is wrong in words for users. */
export function failingFeedText(
  feed: FeedRecord,
  error: BriefingError,
  language: InterfaceLanguage = "en",
): string {
  return message(language, "feedFailingNotice", feed.title, feed.url, error.userMessage(language));
}

/**
 * Tells the channels that follow a feed that it keeps failing, once per run of failures, after a day of them.
 * true when they were told now (the caller records it). Telling never throws (see Replier.notifyFailure).
 */
export async function tellFailingFeed(
  feed: FeedRecord,
  error: BriefingError,
  deps: FailingFeedNoticeDependencies,
  now: number,
): Promise<boolean> {
  const { state } = feed;
  if (state.failureNoticeSentAt !== undefined || state.failingSince === undefined) return false;
  if (now - state.failingSince < FAILING_NOTICE_AFTER_MS) return false;
  const followers = await deps.feeds.followers(feed.url);
  for (const follower of followers) {
    const replier = deps.repliers[follower.target.platform];
    if (replier)
      await replier.notifyFailure(follower.target, failingFeedText(feed, error, follower.language));
  }
  deps.log("feed_failing_told", {
    url: feed.url,
    channels: followers.length,
    failingSince: state.failingSince,
  });
  return true;
}
