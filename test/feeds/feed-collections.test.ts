import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UndiciFetcher } from "../../src/adapters/web/fetcher.ts";
import type { FeedRequest, ReplyTarget } from "../../src/core/chat.ts";
import { type FeedRequestDependencies, runFeedRequest } from "../../src/flows/ingest/follow-feed.ts";
import { addFeed } from "../../src/flows/ingest/manage-feeds.ts";
import { pollFeed } from "../../src/flows/ingest/poll-feed.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { RedisFeedStore } from "../../src/store/redis-feed-store.ts";
import { articlePage, FakePublisher, rssFeed } from "../support/fake-publisher.ts";
import { RecordingReplier } from "../support/recording-replier.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";

let redis: ThrowawayRedis;
let publisher: FakePublisher;
let fetcher: UndiciFetcher;
let namespaceCount = 0;

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

function setup(): FeedRequestDependencies & { articles: RedisArticleStore } {
  const namespace = `feed-collections-${++namespaceCount}`;
  const replier = new RecordingReplier();
  return {
    feeds: new RedisFeedStore(redis.client(), namespace),
    articles: new RedisArticleStore(redis.client(), namespace),
    fetcher,
    scheduler: undefined,
    repliers: { slack: replier, discord: replier },
    pollMinutes: 15,
    now: Date.now,
    log: () => {},
  };
}

function page(path: string, title: string): string {
  publisher.route(path, {
    body: articlePage({
      title,
      paragraphs: [
        `${title}: the council confirmed the plan on Tuesday in a statement to reporters.`,
        "Work on the new bridge starts in the spring and should take two years, the city said.",
      ],
      published: new Date(Date.now() - 3_600_000),
      author: "Eva Chen",
    }),
  });
  return publisher.url(path);
}

function feedAt(path: string, stories: Array<[string, string]>): string {
  const items = stories.map(([storyPath, title]) => ({
    guid: `urn:${storyPath}`,
    link: page(storyPath, title),
    title,
    text: `Summary of ${title}.`,
    published: new Date(Date.now() - 3_600_000),
  }));
  publisher.route(path, { type: "application/rss+xml", body: rssFeed("City news", items) });
  return publisher.url(path);
}

const slackChannel: ReplyTarget = { platform: "slack", teamId: "T1", channelId: "C1", userId: "U1" };
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

describe("collections of what channels follow and add", () => {
  it("puts a followed feed's articles in the channel's collection; a second follower gains them", async () => {
    const deps = setup();
    const url = feedAt("/city.xml", [["/city/1", "Bridge plan approved"]]);
    await runFeedRequest(request("follow", url, slackChannel, "slack:T1:C1"), deps);
    const [first] = await deps.articles.list();
    expect(first?.collections).toEqual(["slack:t1:c1"]);

    await runFeedRequest(request("follow", url, discordChannel, "discord:G2:C3"), deps);
    expect((await deps.articles.list()).map((article) => article.collections)).toEqual([
      ["discord:g2:c3", "slack:t1:c1"],
    ]);
  });

  it("puts an added page in the channel's collection, and a CLI feed's articles in shared", async () => {
    const deps = setup();
    const pageUrl = page("/city/added", "Tram line extended");
    await runFeedRequest(request("add", pageUrl, slackChannel, "slack:T1:C1"), deps);
    expect((await deps.articles.list()).map((article) => article.collections)).toEqual([["slack:t1:c1"]]);

    const cliDeps = setup();
    const url = feedAt("/cli.xml", [["/city/cli", "Harbour dredging begins"]]);
    const { feed } = await addFeed(url, "cli", cliDeps);
    await pollFeed(feed.url, cliDeps, { force: true });
    const [article] = await cliDeps.articles.list();
    expect(article?.title).toBe("Harbour dredging begins");
    expect(article).not.toHaveProperty("collections");
  });
});
