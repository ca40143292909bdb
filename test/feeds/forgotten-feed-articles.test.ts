import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleArticleCommand } from "../../src/adapters/chat/article-command-handler.ts";
import { UndiciFetcher } from "../../src/adapters/web/fetcher.ts";
import type { FeedRequest, ReplyTarget } from "../../src/core/chat.ts";
import { type FeedRequestDependencies, runFeedRequest } from "../../src/flows/ingest/follow-feed.ts";
import { pollFeed } from "../../src/flows/ingest/poll-feed.ts";
import { RedisArticleListings } from "../../src/store/redis-article-listings.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { RedisFeedStore } from "../../src/store/redis-feed-store.ts";
import { RedisForgottenArticles } from "../../src/store/redis-forgotten-articles.ts";
import { RedisScopeStore } from "../../src/store/redis-scope-store.ts";
import { articlePage, FakePublisher, rssFeed } from "../support/fake-publisher.ts";
import { RecordingReplier } from "../support/recording-replier.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";

let redis: ThrowawayRedis;
let publisher: FakePublisher;
let fetcher: UndiciFetcher;

beforeAll(async () => {
  redis = await startRedis();
  publisher = await FakePublisher.start();
  fetcher = new UndiciFetcher({
    version: "test",
    allowedPrivateHosts: [publisher.host],
    perHostIntervalMs: 0,
    perHostConcurrency: 8,
    responseTimeoutMs: 5_000,
  });
});

afterAll(async () => {
  await fetcher?.close();
  await publisher?.close();
  await redis?.stop();
});

const NAMESPACE = "forgotten-feed";

function setup(): FeedRequestDependencies & {
  articles: RedisArticleStore;
  forgotten: RedisForgottenArticles;
} {
  const replier = new RecordingReplier();
  return {
    feeds: new RedisFeedStore(redis.client(), NAMESPACE),
    articles: new RedisArticleStore(redis.client(), NAMESPACE),
    forgotten: new RedisForgottenArticles(redis.client(), NAMESPACE),
    fetcher,
    scheduler: undefined,
    repliers: { slack: replier, discord: replier },
    pollMinutes: 15,
    now: Date.now,
    log: () => {},
  };
}

/** The feed with one story, whose page says `news`; a new `news` is an edit the next poll reads again. */
function publish(news: string): string {
  publisher.route("/story", {
    body: articlePage({
      title: "Harbour plan approved",
      paragraphs: [
        `The council approved the harbour plan on Tuesday: ${news}`,
        "Work on the new quay starts in the spring and should take two years, the port said.",
      ],
      published: new Date(Date.now() - 3_600_000),
      author: "Eva Chen",
    }),
  });
  const item = {
    guid: "urn:story",
    link: publisher.url("/story"),
    title: "Harbour plan approved",
    text: `Summary: ${news}`,
    published: new Date(Date.now() - 3_600_000),
  };
  publisher.route("/harbour.xml", { type: "application/rss+xml", body: rssFeed("Port news", [item]) });
  return publisher.url("/harbour.xml");
}

const slackChannel: ReplyTarget = { platform: "slack", teamId: "T1", channelId: "C1", userId: "U1" };
const slackOther: ReplyTarget = { platform: "slack", teamId: "T1", channelId: "C9", userId: "U1" };
const discordChannel: ReplyTarget = { platform: "discord", guildId: "G2", channelId: "C3", userId: "U2" };

function request(kind: FeedRequest["kind"], url: string, channel: ReplyTarget, key: string): FeedRequest {
  return {
    jobId: `job-${kind}-${key}-${url}`,
    kind,
    url,
    channel,
    channelKey: key,
    requestedBy: channel,
    requestedAt: Date.now(),
  };
}

describe("a forgotten article never comes back from a feed for that tenant", () => {
  it("stays out of the tenant's collections on the next poll, a new follow and an add", async () => {
    const deps = setup();
    const url = publish("the first version.");
    await runFeedRequest(request("follow", url, slackChannel, "slack:T1:C1"), deps);
    await runFeedRequest(request("follow", url, discordChannel, "discord:G2:C3"), deps);
    const [story] = await deps.articles.list();
    expect(story?.collections).toEqual(["discord:g2:c3", "slack:t1:c1"]);

    const commandContext = {
      articles: {
        store: deps.articles,
        forgotten: deps.forgotten,
        listings: new RedisArticleListings(redis.client(), NAMESPACE),
      },
      scopes: new RedisScopeStore(redis.client(), NAMESPACE),
      channel: slackChannel,
      sharedVisible: true,
      mayChange: true,
      whoMayChange: "the admins",
    };
    await handleArticleCommand({ action: "list", count: 10 }, commandContext);
    const reply = await handleArticleCommand({ action: "forget", which: "1" }, commandContext);
    expect(reply).toMatch(/Forgot "Harbour plan approved"/);
    expect((await deps.articles.list()).map((article) => article.collections)).toEqual([["discord:g2:c3"]]);

    publish("the edited version, read again.");
    const report = await pollFeed(url, deps, { force: true });
    expect(report.updatedArticles).toBe(1);
    const [edited] = await deps.articles.list();
    expect(edited?.text).toMatch(/edited version/);
    expect(edited?.collections).toEqual(["discord:g2:c3"]);

    await runFeedRequest(request("follow", url, slackOther, "slack:T1:C9"), deps);
    await runFeedRequest(request("add", publisher.url("/story"), slackOther, "slack:T1:C9"), deps);
    expect((await deps.articles.list()).map((article) => article.collections)).toEqual([["discord:g2:c3"]]);
  });
});
