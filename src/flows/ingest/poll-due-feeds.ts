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

/** Polls every feed that is due, one after another; a failing feed is reported and the others go on. */
export async function pollDueFeeds(
  deps: FeedPollDependencies & { feeds: FeedStore },
  onProgress?: LoadProgress,
): Promise<PollRun> {
  const run: PollRun = { polled: 0, notModified: 0, newArticles: 0, updatedArticles: 0, failed: [] };
  const feeds = await deps.feeds.list();
  let done = 0;
  for (const feed of feeds) {
    const report = await pollFeed(feed.url, deps);
    if (report.outcome === "polled" || report.outcome === "not_modified" || report.outcome === "failed")
      run.polled++;
    if (report.outcome === "not_modified") run.notModified++;
    run.newArticles += report.newArticles;
    run.updatedArticles += report.updatedArticles;
    if (report.error) run.failed.push({ url: feed.url, error: report.error.detailedMessage() });
    onProgress?.(++done, feeds.length, feed.url);
  }
  return run;
}
