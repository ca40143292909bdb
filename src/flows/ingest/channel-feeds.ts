import type { ChannelFeed } from "../../core/chat.ts";
import type { FeedScheduler } from "../../core/feeds/feed-scheduler.ts";
import { feedStatus } from "../../core/feeds/feed-status.ts";
import type { FeedStore } from "../../core/feeds/feed-store.ts";
import { canonicalLink } from "../../core/feeds/item-identity.ts";
import { isWebUrl, webUrl } from "../../core/feeds/web-url.ts";

/** The feeds a channel follows, numbered in the order it followed them. */
export async function channelFeeds(feeds: FeedStore, channelKey: string): Promise<ChannelFeed[]> {
  const urls = await feeds.followedBy(channelKey);
  const records = await Promise.all(urls.map((url) => feeds.get(url)));
  return records
    .filter((record) => record !== undefined)
    .map((record, index) => ({
      n: index + 1,
      url: record.url,
      title: record.title,
      status: feedStatus(record.state),
      ...(record.state.lastPolledAt === undefined ? {} : { lastPolledAt: record.state.lastPolledAt }),
      ...(record.state.consecutiveFailures > 0 && record.state.lastError
        ? { lastError: record.state.lastError.message }
        : {}),
    }));
}

/**
 * Stops a channel following a feed, given by its URL or its `feeds` number. A feed followed from chat is
 * dropped (and no longer polled) when its last channel leaves; one added with the CLI stays.
 */
export async function unfollowFeed(
  deps: { feeds: FeedStore; scheduler: FeedScheduler | undefined },
  channelKey: string,
  urlOrNumber: string,
): Promise<{ title: string; url: string } | undefined> {
  const followed = await channelFeeds(deps.feeds, channelKey);
  const wanted = urlOrNumber.trim();
  const feed = /^\d+$/u.test(wanted)
    ? followed.find((entry) => entry.n === Number(wanted))
    : followed.find((entry) => isWebUrl(wanted) && entry.url === canonicalLink(webUrl(wanted)));
  if (!feed || !(await deps.feeds.unfollow(feed.url, channelKey))) return undefined;
  const record = await deps.feeds.get(feed.url);
  if (record?.addedFrom === "chat" && (await deps.feeds.followers(feed.url)).length === 0) {
    await deps.scheduler?.unschedule(feed.url);
    await deps.feeds.remove(feed.url);
  }
  return { title: feed.title, url: feed.url };
}
