import { randomUUID } from "node:crypto";
import { forEachAtMost } from "../../core/at-most.ts";
import { followerCollection } from "../../core/channel-scope.ts";
import type { Platform, Replier } from "../../core/chat.ts";
import { SHARED_COLLECTION, withCollections } from "../../core/collections.ts";
import { BriefingError, isBriefingError } from "../../core/errors.ts";
import type { FeedRecord, FeedStore, SeenItem } from "../../core/feeds/feed-store.ts";
import { parseFeed } from "../../core/feeds/parse-feed.ts";
import { isDue } from "../../core/feeds/poll-schedule.ts";
import { stateAfterFailure, stateAfterSuccess } from "../../core/feeds/poll-state.ts";
import type { ParsedFeed } from "../../core/feeds/types.ts";
import { type ForgottenArticles, withoutForgotten } from "../../core/forgotten-articles.ts";
import type { Log } from "../../core/log.ts";
import type { ArticleStore } from "../../core/ports.ts";
import type { IngestedArticle } from "../../core/types.ts";
import type { FetchedResource, WebFetcher } from "../../core/web.ts";
import { tellFailingFeed } from "./failing-feed-notice.ts";
import { type ItemToTake, itemsToTake } from "./feed-items-to-take.ts";
import { fetchWebArticle } from "./web-article.ts";

/** A poll holds the feed this long at most: twenty pages at a polite pace fit in it. */
const POLL_LOCK_MS = 5 * 60_000;
/** Pages of one feed fetched at a time (the fetcher paces each host on top). */
const PAGE_CONCURRENCY = 4;

export interface FeedPollDependencies {
  feeds: FeedStore;
  articles: ArticleStore;
  fetcher: WebFetcher;
  /** Where the followers of a failing feed are told. */
  repliers: Partial<Record<Platform, Replier>>;
  /** FEED_POLL_MINUTES. */
  pollMinutes: number;
  /** What tenants forgot with `/brief forget`: never put back in their collections. */
  forgotten?: ForgottenArticles;
  now(): number;
  log: Log;
}

export type PollOutcome = "polled" | "not_modified" | "failed" | "not_due" | "busy" | "gone";

export interface PollReport {
  url: string;
  outcome: PollOutcome;
  newArticles: number;
  updatedArticles: number;
  /** Items in the feed (when it was read). */
  items: number;
  error?: BriefingError;
}

/**
 * Polls one feed: skips a run before the feed's next poll time (unless `force`) or while another process
 * polls it; a conditional GET (304: nothing new); new and edited items become articles through the store's
 * `put`. A failing feed is recorded with backoff, never thrown: only the stores' own failures are.
 */
export async function pollFeed(
  url: string,
  deps: FeedPollDependencies,
  options: { force?: boolean } = {},
): Promise<PollReport> {
  const feed = await deps.feeds.get(url);
  if (!feed) return report(url, "gone");
  if (!options.force && !isDue(feed.state.nextPollAt, deps.now())) return report(url, "not_due");
  const owner = randomUUID();
  if (!(await deps.feeds.lock(url, owner, POLL_LOCK_MS))) return report(url, "busy");
  try {
    return await pollLocked(feed, deps);
  } finally {
    await deps.feeds.unlock(url, owner);
  }
}

async function pollLocked(feed: FeedRecord, deps: FeedPollDependencies): Promise<PollReport> {
  const { state } = feed;
  let fetched: FetchedResource;
  let parsed: ParsedFeed | undefined;
  try {
    fetched = await deps.fetcher.fetch({
      url: feed.url,
      kind: "feed",
      etag: state.etag,
      lastModified: state.lastModified,
    });
    if (!fetched.notModified) parsed = parseFeed(fetched.text, feed.url);
  } catch (error) {
    return await recordFailure(feed, asBriefingError(error, feed.url), deps);
  }
  const now = deps.now();
  if (!parsed) {
    await deps.feeds.setState(
      feed.url,
      stateAfterSuccess(state, { fetched, ttlMinutes: undefined, newItems: false }, now, deps.pollMinutes),
    );
    deps.log("feed_not_modified", { url: feed.url });
    return report(feed.url, "not_modified");
  }
  const firstPoll = state.lastPolledAt === undefined;
  const taken = await takeItems(feed, parsed, deps, firstPoll, now);
  const isNew = taken.added > 0;
  await deps.feeds.setState(
    feed.url,
    stateAfterSuccess(
      state,
      { fetched, ttlMinutes: parsed.ttlMinutes, newItems: isNew },
      now,
      deps.pollMinutes,
    ),
  );
  deps.log("feed_polled", {
    url: feed.url,
    items: parsed.items.length,
    added: taken.added,
    updated: taken.updated,
    firstPoll,
  });
  return {
    ...report(feed.url, "polled"),
    newArticles: taken.added,
    updatedArticles: taken.updated,
    items: parsed.items.length,
  };
}

async function takeItems(
  feed: FeedRecord,
  parsed: ParsedFeed,
  deps: FeedPollDependencies,
  firstPoll: boolean,
  now: number,
): Promise<{ added: number; updated: number }> {
  const sorted = await itemsToTake(feed.url, parsed.items, deps, firstPoll, now);
  const articles: IngestedArticle[] = [];
  const seen: SeenItem[] = [...sorted.passOver, ...sorted.known];
  const collections = await feedCollections(feed, deps.feeds);
  await forEachAtMost(sorted.take, PAGE_CONCURRENCY, async (entry) => {
    const article = await articleOf(entry, feed, parsed, deps);
    if (article === "later") return;
    seen.push(article ? entry.seen : { ...entry.seen, articleId: "" });
    if (article) articles.push({ ...article, article: withCollections(article.article, collections) });
  });
  // A chat feed whose last channel left meanwhile: nobody may read what it brings.
  const result =
    collections.length > 0
      ? await deps.articles.put(await withoutForgotten(articles, deps.forgotten))
      : { added: 0, updated: 0, unchanged: 0 };
  await deps.feeds.recordArticles(feed.url, [
    ...articles.map((ingested) => ingested.article.id),
    ...sorted.known.map((entry) => entry.articleId),
  ]);
  await deps.feeds.markSeen(feed.url, seen, now);
  return { added: result.added, updated: result.updated };
}

/** A feed's articles belong to the channels that follow it, and to `shared` when the CLI added the feed. */
async function feedCollections(feed: FeedRecord, feeds: FeedStore): Promise<string[]> {
  const followers = (await feeds.followers(feed.url)).map((follower) =>
    followerCollection(follower.channelKey),
  );
  return feed.addedFrom === "cli" ? [SHARED_COLLECTION, ...followers] : followers;
}

/** The item's article; undefined when it has none for good, "later" when the next poll should try again. */
async function articleOf(
  entry: ItemToTake,
  feed: FeedRecord,
  parsed: ParsedFeed,
  deps: FeedPollDependencies,
): Promise<IngestedArticle | undefined | "later"> {
  try {
    const composed = await fetchWebArticle(deps.fetcher, {
      articleId: entry.seen.articleId,
      item: entry.item,
      feedTitle: parsed.title,
      origin: feed.url,
    });
    for (const warning of composed.warnings)
      deps.log("feed_item_warning", { url: feed.url, item: warning.location, warning: warning.message });
    return composed.ingested;
  } catch (error) {
    const problem = asBriefingError(error, entry.item.link ?? feed.url);
    deps.log("feed_item_failed", {
      url: feed.url,
      item: entry.item.link ?? entry.seen.key,
      code: problem.code,
      error: problem.detailedMessage(),
    });
    return problem.retryable ? "later" : undefined;
  }
}

async function recordFailure(
  feed: FeedRecord,
  error: BriefingError,
  deps: FeedPollDependencies,
): Promise<PollReport> {
  const now = deps.now();
  let state = stateAfterFailure(feed.state, error, now, deps.pollMinutes);
  deps.log("feed_failed", {
    url: feed.url,
    code: error.code,
    error: error.detailedMessage(),
    consecutiveFailures: state.consecutiveFailures,
  });
  if (await tellFailingFeed({ ...feed, state }, error, deps, now))
    state = { ...state, failureNoticeSentAt: now };
  await deps.feeds.setState(feed.url, state);
  return { ...report(feed.url, "failed"), error };
}

function asBriefingError(error: unknown, location: string): BriefingError {
  if (isBriefingError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new BriefingError("INTERNAL", `Polling failed unexpectedly: ${reason}`, { location, cause: error });
}

function report(url: string, outcome: PollOutcome): PollReport {
  return { url, outcome, newArticles: 0, updatedArticles: 0, items: 0 };
}
