import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FeedRecord, type FeedStore, SEEN_ITEMS_KEPT } from "../../src/core/feeds/feed-store.ts";
import { MemoryArticleStore } from "../../src/core/memory/memory-article-store.ts";
import { MemoryFeedStore } from "../../src/core/memory/memory-feed-store.ts";
import type { ArticleStore } from "../../src/core/ports.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { RedisFeedStore } from "../../src/store/redis-feed-store.ts";
import { onePassageArticle } from "../support/one-passage-article.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";

let redis: ThrowawayRedis;
let namespaces = 0;

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await redis?.stop();
});

const FEED: FeedRecord = {
  url: "https://news.example/feed.xml",
  title: "News",
  format: "rss",
  addedAt: 1,
  addedFrom: "chat",
  state: { consecutiveFailures: 0 },
};
const follower = (channel: string, at: number) => ({
  channelKey: `slack:T1:${channel}`,
  target: { platform: "slack" as const, teamId: "T1", channelId: channel, userId: "U1" },
  followedAt: at,
  followedBy: "U1",
});

const implementations: Array<[string, () => { feeds: FeedStore; articles: ArticleStore }]> = [
  [
    "memory",
    () => {
      const articles = new MemoryArticleStore();
      return { feeds: new MemoryFeedStore(articles), articles };
    },
  ],
  [
    "redis",
    () => {
      const namespace = `contract${++namespaces}`;
      return {
        feeds: new RedisFeedStore(redis.client(), namespace),
        articles: new RedisArticleStore(redis.client(), namespace),
      };
    },
  ],
];

describe.each(implementations)("FeedStore (%s)", (_name, make) => {
  it("keeps feeds and their state, and forgets a removed one with its followers", async () => {
    const { feeds } = make();
    await feeds.setState(FEED.url, { consecutiveFailures: 3 });
    expect(await feeds.get(FEED.url)).toBeUndefined();
    await feeds.save(FEED);
    await feeds.setState(FEED.url, { consecutiveFailures: 2, lastPolledAt: 5, etag: '"e"' });
    expect(await feeds.get(FEED.url)).toEqual({
      ...FEED,
      state: { consecutiveFailures: 2, lastPolledAt: 5, etag: '"e"' },
    });
    expect(await feeds.follow(FEED.url, follower("C2", 20))).toBe(true);
    expect(await feeds.follow(FEED.url, follower("C1", 10))).toBe(true);
    expect(await feeds.follow(FEED.url, follower("C1", 30))).toBe(false);
    expect((await feeds.followers(FEED.url)).map((entry) => entry.channelKey).sort()).toEqual([
      "slack:T1:C1",
      "slack:T1:C2",
    ]);
    expect(await feeds.followedBy("slack:T1:C1")).toEqual([FEED.url]);
    expect(await feeds.remove(FEED.url)).toBe(true);
    expect(await feeds.remove(FEED.url)).toBe(false);
    expect(await feeds.list()).toEqual([]);
    expect(await feeds.followedBy("slack:T1:C1")).toEqual([]);
    expect(await feeds.follow(FEED.url, follower("C1", 40))).toBe(false);
  });

  it("bounds the seen items, forgetting the oldest", async () => {
    const { feeds } = make();
    await feeds.save(FEED);
    const items = (from: number, count: number) =>
      Array.from({ length: count }, (_, index) => ({
        key: `id:${from + index}`,
        articleId: "",
        fingerprint: "f",
      }));
    await feeds.markSeen(FEED.url, items(0, 10), 1);
    await feeds.markSeen(FEED.url, items(10, SEEN_ITEMS_KEPT), 2);
    const seen = await feeds.seenItems(FEED.url, ["id:0", "id:9", "id:10", `id:${SEEN_ITEMS_KEPT + 9}`]);
    expect([...seen.keys()]).toEqual(["id:10", `id:${SEEN_ITEMS_KEPT + 9}`]);
  });

  it("counts only the feed's articles that are still stored, and knows where each came from", async () => {
    const { feeds, articles } = make();
    await feeds.save(FEED);
    const kept = onePassageArticle("web-kept", "The harbour reopened after the storm.");
    const gone = onePassageArticle("web-gone", "The bridge closed for repairs.");
    await articles.put([kept, gone]);
    await feeds.recordArticles(FEED.url, ["web-kept", "web-gone"]);
    await articles.remove("web-gone");
    expect(await feeds.countArticles(FEED.url)).toBe(1);
    expect(await feeds.feedOfArticle("web-kept")).toBe(FEED.url);
  });

  it("lets one poller hold a feed at a time", async () => {
    const { feeds } = make();
    expect(await feeds.lock(FEED.url, "a", 10_000)).toBe(true);
    expect(await feeds.lock(FEED.url, "b", 10_000)).toBe(false);
    await feeds.unlock(FEED.url, "b");
    expect(await feeds.lock(FEED.url, "b", 10_000)).toBe(false);
    await feeds.unlock(FEED.url, "a");
    expect(await feeds.lock(FEED.url, "b", 10_000)).toBe(true);
  });
});
