import { forEachAtMost } from "../../core/at-most.ts";
import type { FeedStore } from "../../core/feeds/feed-store.ts";
import type { LoadProgress } from "../../core/ports.ts";
import { type FeedPollDependencies, pollFeed } from "./poll-feed.ts";

/** What `briefbot poll` reports (a JSON contract). */
export interface PollRun {
  /** Feeds fetched: read, not modified, or failed. */
  polled: number;
  notModified: number;
  newArticles: number;
  updatedArticles: number;
  failed: Array<{ url: string; error: string }>;
}

/** Feeds polled at once: the fetcher keeps each publisher's own pace, so slow hosts do not hold the others. */
const FEEDS_AT_ONCE = 8;

/** Polls every feed that is due, several at a time; a failing feed is reported and the others go on. */
export async function pollDueFeeds(
  deps: FeedPollDependencies & { feeds: FeedStore },
  onProgress?: LoadProgress,
): Promise<PollRun> {
  const run: PollRun = { polled: 0, notModified: 0, newArticles: 0, updatedArticles: 0, failed: [] };
  const feeds = await deps.feeds.list();
  const failures = new Map<string, string>();
  let done = 0;
  await forEachAtMost(feeds, FEEDS_AT_ONCE, async (feed) => {
    const report = await pollFeed(feed.url, deps);
    if (report.outcome === "polled" || report.outcome === "not_modified" || report.outcome === "failed")
      run.polled++;
    if (report.outcome === "not_modified") run.notModified++;
    run.newArticles += report.newArticles;
    run.updatedArticles += report.updatedArticles;
    if (report.error) failures.set(feed.url, report.error.detailedMessage());
    onProgress?.(++done, feeds.length, feed.url);
  });
  for (const feed of feeds) {
    const error = failures.get(feed.url);
    if (error !== undefined) run.failed.push({ url: feed.url, error });
  }
  return run;
}
