import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UndiciFetcher } from "../../src/adapters/web/fetcher.ts";
import { webArticleId } from "../../src/core/feeds/item-identity.ts";
import { addFeed } from "../../src/flows/ingest/manage-feeds.ts";
import { pollDueFeeds } from "../../src/flows/ingest/poll-due-feeds.ts";
import { type FeedPollDependencies, pollFeed } from "../../src/flows/ingest/poll-feed.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { RedisFeedStore } from "../../src/store/redis-feed-store.ts";
import { articlePage, FakePublisher, type ItemSpec, rssFeed } from "../support/fake-publisher.ts";
import { RecordingReplier } from "../support/recording-replier.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";

const HOUR = 3_600_000;
let redis: ThrowawayRedis;
let publisher: FakePublisher;
let fetcher: UndiciFetcher;
let namespaceCount = 0;

beforeAll(async () => {
  redis = await startRedis();
  publisher = await FakePublisher.start();
  fetcher = testFetcher();
});

afterAll(async () => {
  await fetcher?.close();
  await publisher?.close();
  await redis?.stop();
});

function testFetcher(): UndiciFetcher {
  return new UndiciFetcher({
    version: "test",
    allowedPrivateHosts: [publisher.host],
    perHostIntervalMs: 0,
    perHostConcurrency: 8,
    responseTimeoutMs: 5_000,
  });
}

interface Setup extends FeedPollDependencies {
  feeds: RedisFeedStore;
  articles: RedisArticleStore;
  replier: RecordingReplier;
  logs: string[];
  clock: { now: number };
}

/** Stores in a namespace of their own, a clock the test moves, and a recording replier. */
function setup(namespace = `feeds${++namespaceCount}`, web = fetcher): Setup {
  const clock = { now: Date.now() };
  const logs: string[] = [];
  const replier = new RecordingReplier();
  return {
    feeds: new RedisFeedStore(redis.client(), namespace),
    articles: new RedisArticleStore(redis.client(), namespace),
    fetcher: web,
    repliers: { slack: replier },
    replier,
    pollMinutes: 15,
    now: () => clock.now,
    log: (event, fields) => logs.push(`${event} ${JSON.stringify(fields)}`),
    logs,
    clock,
  };
}

/** An item whose page the publisher serves; `hoursAgo` dates it. */
function story(path: string, title: string, hoursAgo: number, extra: Partial<ItemSpec> = {}): ItemSpec {
  const published = new Date(Date.now() - hoursAgo * HOUR);
  const paragraphs = [
    `${title}: officials confirmed the news on Tuesday morning in a statement to reporters.`,
    `The decision follows weeks of talks between the city, the port authority and the unions about ${path.slice(1)}.`,
    "Further details are expected later this week, according to a spokesperson for the ministry.",
  ];
  publisher.route(path, { body: articlePage({ title, paragraphs, published, author: "Eva Chen" }) });
  return {
    guid: `urn:${path}`,
    link: publisher.url(path),
    title,
    text: `Summary of ${title}.`,
    published,
    ...extra,
  };
}

async function follow(deps: Setup, path: string, body: string, etag?: string): Promise<string> {
  publisher.route(path, { type: "application/rss+xml", body, ...(etag ? { etag } : {}) });
  const { feed } = await addFeed(publisher.url(path), "cli", { ...deps, scheduler: undefined });
  return feed.url;
}

describe("polling a feed", () => {
  it("takes only the last 24 hours (at most 20) on the first poll, then a 304 brings nothing", async () => {
    const deps = setup();
    const items = [
      ...Array.from({ length: 22 }, (_, index) =>
        story(`/first/${index}`, `Recent story ${index}`, index / 2),
      ),
      story("/first/old-1", "Old story one", 30),
      story("/first/old-2", "Old story two", 50),
    ];
    const url = await follow(deps, "/first.xml", rssFeed("First feed", items), '"v1"');

    const first = await pollFeed(url, deps);
    expect(first).toMatchObject({ outcome: "polled", newArticles: 20, updatedArticles: 0, items: 24 });
    const stored = await deps.articles.list();
    expect(stored).toHaveLength(20);
    expect(stored.map((article) => article.title)).not.toContain("Old story one");
    const newest = stored.find((article) => article.title === "Recent story 0");
    expect(newest).toMatchObject({
      author: "Eva Chen",
      source: "Example News",
      url: publisher.url("/first/0"),
    });
    expect(newest?.text).toContain("port authority");
    expect(newest?.text).not.toMatch(/cookies|Share on|All rights reserved|Related stories/);

    deps.clock.now += 16 * 60_000;
    const second = await pollFeed(url, deps);
    expect(second).toMatchObject({ outcome: "not_modified", newArticles: 0 });
    expect(publisher.hits("/first.xml").at(-1)?.headers["if-none-match"]).toBe('"v1"');
    expect(await deps.articles.list()).toHaveLength(20);
    expect((await deps.feeds.get(url))?.state).toMatchObject({ consecutiveFailures: 0, etag: '"v1"' });
  });

  it("skips a scheduled run before the feed's next poll time, and honours the feed's ttl", async () => {
    const deps = setup();
    const url = await follow(
      deps,
      "/ttl.xml",
      rssFeed("Slow feed", [story("/ttl/1", "A ttl story", 1)], { ttl: 120 }),
    );
    expect((await pollFeed(url, deps)).outcome).toBe("polled");
    expect((await deps.feeds.get(url))?.state.nextPollAt).toBe(deps.clock.now + 120 * 60_000);
    deps.clock.now += 20 * 60_000;
    expect((await pollFeed(url, deps)).outcome).toBe("not_due");
  });

  it("replaces an edited item's article, and does not bring back a forgotten one", async () => {
    const deps = setup();
    const a = story("/edit/a", "Harbour reopens", 1);
    const b = story("/edit/b", "Bridge closes", 2);
    const url = await follow(deps, "/edit.xml", rssFeed("Edits", [a, b]));
    expect((await pollFeed(url, deps)).newArticles).toBe(2);
    const idA = webArticleId(url, { link: a.link });
    const idB = webArticleId(url, { link: b.link });

    publisher.route("/edit/a", {
      body: articlePage({
        title: "Harbour reopens",
        paragraphs: ["Correction: the harbour reopened on Wednesday, not Tuesday, after the storm passed."],
      }),
    });
    await deps.articles.remove(idB);
    const edited = rssFeed("Edits", [
      { ...a, title: "Harbour reopens (corrected)" },
      { ...b, text: "Bridge closes for a month." },
    ]);
    publisher.route("/edit.xml", { type: "application/rss+xml", body: edited });
    const poll = await pollFeed(url, deps, { force: true });

    expect(poll).toMatchObject({ outcome: "polled", newArticles: 0, updatedArticles: 1 });
    const replaced = await deps.articles.get(idA);
    expect(replaced?.article.title).toBe("Harbour reopens (corrected)");
    expect(replaced?.article.text).toContain("Correction: the harbour reopened on Wednesday");
    expect(await deps.articles.get(idB)).toBeUndefined();
    expect(await deps.articles.list()).toHaveLength(1);
  });

  it("knows an item by its GUID, else its canonical link, else its content", async () => {
    const deps = setup();
    const byGuid = story("/same/guid", "Story with a GUID", 1);
    const byLink = { ...story("/same/link", "Story with a link", 1), guid: undefined };
    const byContent: ItemSpec = {
      title: "Story without a link",
      text: "Only the feed has this text, about the storm.",
      published: new Date(),
    };
    const url = await follow(deps, "/same.xml", rssFeed("Same", [byGuid, byLink, byContent]));
    expect((await pollFeed(url, deps)).newArticles).toBe(3);

    const tracked = rssFeed("Same", [
      byContent,
      { ...byLink, link: `${byLink.link}?utm_source=rss&utm_medium=feed#comments` },
      { ...byGuid, link: `${byGuid.link}?fbclid=abc` },
    ]);
    publisher.route("/same.xml", { type: "application/rss+xml", body: tracked });
    const again = await pollFeed(url, deps, { force: true });
    expect(again).toMatchObject({ outcome: "polled", newArticles: 0, updatedArticles: 0 });
    expect(await deps.articles.list()).toHaveLength(3);
    expect(await deps.feeds.countArticles(url)).toBe(3);
  });

  it("keeps the item's own text, with a warning, when its page fails", async () => {
    const deps = setup();
    const item = story("/blocked/1", "Paywalled story", 1, {
      text: "The feed's own summary of the paywalled story, with its facts.",
    });
    publisher.route("/blocked/1", { status: 403, body: "<html><body>Subscribe to read</body></html>" });
    const url = await follow(deps, "/blocked.xml", rssFeed("Blocked", [item]));
    expect((await pollFeed(url, deps)).newArticles).toBe(1);
    const [article] = await deps.articles.list();
    expect(article?.text).toBe("The feed's own summary of the paywalled story, with its facts.");
    expect(article?.published).toBe(item.published?.toISOString().slice(0, 10));
    expect(deps.logs.some((line) => line.startsWith("feed_item_warning") && line.includes("403"))).toBe(true);
  });

  it("finds the feed a site's page announces", async () => {
    const deps = setup();
    publisher.route("/site/", {
      body: articlePage({
        title: "Home",
        paragraphs: ["Welcome."],
        feeds: [{ href: "/site/feed.xml", type: "application/rss+xml" }],
      }),
    });
    publisher.route("/site/feed.xml", {
      type: "application/rss+xml",
      body: rssFeed("Site feed", [story("/site/1", "Site story", 1)]),
    });
    const added = await addFeed(publisher.url("/site/"), "cli", { ...deps, scheduler: undefined });
    expect(added).toMatchObject({
      added: true,
      items: 1,
      feed: { url: publisher.url("/site/feed.xml"), title: "Site feed", format: "rss" },
    });
  });
});

describe("feeds that fail", () => {
  it("fail alone, each with a clear error, and back off", async () => {
    const deps = setup();
    const good = await follow(
      deps,
      "/bad/good.xml",
      rssFeed("Good", [story("/bad/good/1", "A good story", 1)]),
    );
    const bad = {
      "/bad/malformed.xml": {
        type: "application/rss+xml",
        body: "<rss><channel><title>x</title><item></channel>",
      },
      "/bad/html.xml": {
        type: "text/html",
        body: articlePage({ title: "Not a feed", paragraphs: ["Just a page."] }),
      },
      "/bad/empty.xml": { type: "application/rss+xml", body: "" },
      "/bad/binary.xml": {
        type: "application/rss+xml",
        body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]),
      },
      "/bad/huge.xml": { type: "application/rss+xml", body: `<rss>${"x".repeat(11 * 1024 * 1024)}</rss>` },
    };
    for (const [path, route] of Object.entries(bad)) {
      publisher.route(path, rssRouteThatWorksFirst());
      await addFeed(publisher.url(path), "cli", { ...deps, scheduler: undefined });
      publisher.route(path, route);
    }
    publisher.route("/bad/loop.xml", rssRouteThatWorksFirst());
    await addFeed(publisher.url("/bad/loop.xml"), "cli", { ...deps, scheduler: undefined });
    publisher.route("/bad/loop.xml", { status: 302, body: "", headers: { location: "/bad/loop.xml" } });

    const run = await pollDueFeeds(deps);

    expect(run).toMatchObject({ polled: 7, newArticles: 1, notModified: 0 });
    const errors = Object.fromEntries(
      run.failed.map((failure) => [failure.url.replace(publisher.url(""), ""), failure.error]),
    );
    expect(Object.keys(errors).sort()).toEqual([
      "/bad/binary.xml",
      "/bad/empty.xml",
      "/bad/html.xml",
      "/bad/huge.xml",
      "/bad/loop.xml",
      "/bad/malformed.xml",
    ]);
    expect(errors["/bad/malformed.xml"]).toMatch(/not well-formed XML/);
    expect(errors["/bad/html.xml"]).toMatch(/web page, not a feed/);
    expect(errors["/bad/empty.xml"]).toMatch(/empty/);
    expect(errors["/bad/binary.xml"]).toMatch(/binary/);
    expect(errors["/bad/huge.xml"]).toMatch(/limit/);
    expect(errors["/bad/loop.xml"]).toMatch(/redirects/);
    const failing = await deps.feeds.get(publisher.url("/bad/malformed.xml"));
    expect(failing?.state).toMatchObject({ consecutiveFailures: 1, lastError: { code: "MALFORMED_INPUT" } });
    expect(failing?.state.nextPollAt).toBe(deps.clock.now + 30 * 60_000);
    expect((await deps.feeds.get(good))?.state.consecutiveFailures).toBe(0);
  });

  it("tells the channels that follow a feed once, after a day of failures", async () => {
    const deps = setup();
    const url = await follow(deps, "/down.xml", rssFeed("Down", [story("/down/1", "Before the outage", 1)]));
    await deps.feeds.follow(url, {
      channelKey: "slack:T1:CDOWN",
      target: { platform: "slack", teamId: "T1", channelId: "CDOWN", userId: "U1" },
      followedAt: deps.clock.now,
      followedBy: "U1",
    });
    publisher.route("/down.xml", { status: 500, body: "oops" });
    for (const hours of [0, 12, 25, 30]) {
      deps.clock.now += hours * HOUR;
      expect((await pollFeed(url, deps, { force: true })).outcome).toBe("failed");
    }
    expect(deps.replier.failures).toHaveLength(1);
    expect(deps.replier.failures[0]).toMatch(/"Down" .* has not worked for a day: .*HTTP 500/);
    expect((await deps.feeds.get(url))?.state.consecutiveFailures).toBe(4);

    publisher.route("/down.xml", { type: "application/rss+xml", body: rssFeed("Down", []) });
    expect((await pollFeed(url, deps, { force: true })).outcome).toBe("polled");
    expect((await deps.feeds.get(url))?.state).not.toHaveProperty("failingSince");
  });
});

describe("two pollers of one feed", () => {
  it("store nothing twice", async () => {
    const one = setup("twopollers");
    const other = setup("twopollers", testFetcher());
    const items = Array.from({ length: 5 }, (_, index) => story(`/two/${index}`, `Shared story ${index}`, 1));
    const url = await follow(one, "/two.xml", rssFeed("Two", items));
    const reports = await Promise.all([
      pollFeed(url, one, { force: true }),
      pollFeed(url, other, { force: true }),
    ]);
    expect(reports.reduce((sum, report) => sum + report.newArticles, 0)).toBe(5);
    const again = await pollFeed(url, other, { force: true });
    expect(again.newArticles + again.updatedArticles).toBe(0);
    expect(await one.articles.list()).toHaveLength(5);
    await (other.fetcher as UndiciFetcher).close();
  });
});

/** A feed that reads fine when it is added (and breaks afterwards). */
function rssRouteThatWorksFirst() {
  return { type: "application/rss+xml", body: rssFeed("Soon broken", []) };
}
