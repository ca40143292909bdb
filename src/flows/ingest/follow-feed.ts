import { followerCollection } from "../../core/channel-scope.ts";
import type { FeedRequest, Platform, Replier } from "../../core/chat.ts";
import { withCollections } from "../../core/collections.ts";
import type { BriefingError } from "../../core/errors.ts";
import type { FeedRecord } from "../../core/feeds/feed-store.ts";
import { canonicalLink, webArticleId } from "../../core/feeds/item-identity.ts";
import { webUrl } from "../../core/feeds/web-url.ts";
import { withoutForgotten } from "../../core/forgotten-articles.ts";
import { countOf, message } from "../../core/i18n/messages.ts";
import { addFeed, type FeedManagement } from "./manage-feeds.ts";
import { type FeedPollDependencies, pollFeed } from "./poll-feed.ts";
import { fetchWebArticle } from "./web-article.ts";

export type FeedRequestDependencies = FeedManagement &
  FeedPollDependencies & { repliers: Partial<Record<Platform, Replier>> };

/**
 * Does what a `follow` or `add` from chat asked for and tells the asker privately: the feed followed (its
 * first poll done at once) and how many articles it gave, or the page's title. Failures are thrown: the
 * queue retries what may pass, then `reportFeedRequestFailure` tells the asker.
 */
export async function runFeedRequest(request: FeedRequest, deps: FeedRequestDependencies): Promise<void> {
  const text = request.kind === "follow" ? await follow(request, deps) : await addPage(request, deps);
  await tell(request, text, deps);
}

export async function reportFeedRequestFailure(
  request: FeedRequest,
  error: BriefingError,
  deps: Pick<FeedRequestDependencies, "repliers">,
): Promise<void> {
  const language = request.language ?? "en";
  const key = request.kind === "follow" ? "couldNotFollow" : "couldNotAdd";
  await tell(request, message(language, key, request.url, error.userMessage(language)), deps);
}

async function follow(request: FeedRequest, deps: FeedRequestDependencies): Promise<string> {
  // Scheduled after the first poll: the scheduler's first run is at once, and would take the items first.
  const { feed } = await addFeed(request.url, "chat", { ...deps, scheduler: undefined });
  try {
    return await followAndPoll(request, feed, deps);
  } finally {
    await deps.scheduler?.schedule(feed.url);
  }
}

async function followAndPoll(
  request: FeedRequest,
  feed: FeedRecord,
  deps: FeedRequestDependencies,
): Promise<string> {
  const followed = await deps.feeds.follow(feed.url, {
    channelKey: request.channelKey,
    target: request.channel,
    followedAt: request.requestedAt,
    followedBy: request.requestedBy.userId,
    ...(request.language ? { language: request.language } : {}),
  });
  const language = request.language ?? "en";
  const name = language === "fr" ? `« ${feed.title} » (${feed.url})` : `"${feed.title}" (${feed.url})`;
  if (!followed) return message(language, "followAlready", name);
  const every = message(language, "feedsEvery", countOf(language, deps.pollMinutes, "minute"));
  if (feed.state.lastPolledAt !== undefined) {
    await addToCollection(await deps.feeds.articleIds(feed.url), request.channelKey, deps);
    const count = countOf(language, await deps.feeds.countArticles(feed.url), "article");
    return message(language, "followedWithArticles", name, count, every);
  }
  const report = await pollFeed(feed.url, deps, { force: true });
  if (report.error) return message(language, "followedButFailing", name, report.error.userMessage(language));
  const taken = countOf(language, report.newArticles + report.updatedArticles, "item");
  return message(language, "followedAndTook", name, taken, every);
}

async function addPage(request: FeedRequest, deps: FeedRequestDependencies): Promise<string> {
  const url = webUrl(request.url);
  const composed = await fetchWebArticle(deps.fetcher, {
    articleId: webArticleId(undefined, { link: canonicalLink(url) }),
    pageUrl: url,
    origin: url,
  });
  const { ingested } = composed;
  const kept = await withoutForgotten(
    [{ ...ingested, article: withCollections(ingested.article, [followerCollection(request.channelKey)]) }],
    deps.forgotten,
  );
  const language = request.language ?? "en";
  if (kept.length === 0) return message(language, "pageForgotten", ingested.article.title);
  await deps.articles.put(kept);
  return message(language, "pageAdded", ingested.article.title);
}

/** A new follower's channel gains the articles its feed brought before (one store write per article). */
async function addToCollection(
  articleIds: readonly string[],
  channelKey: string,
  deps: Pick<FeedRequestDependencies, "articles" | "forgotten">,
): Promise<void> {
  const collection = followerCollection(channelKey);
  for (const id of articleIds) {
    const stored = await deps.articles.get(id);
    if (!stored) continue;
    const joined = { ...stored, article: withCollections(stored.article, [collection]) };
    const [kept] = await withoutForgotten([joined], deps.forgotten);
    if (kept?.article.collections?.includes(collection)) await deps.articles.put([kept]);
  }
}

async function tell(request: FeedRequest, text: string, deps: Pick<FeedRequestDependencies, "repliers">) {
  await deps.repliers[request.requestedBy.platform]?.notifyFailure(request.requestedBy, text);
}
