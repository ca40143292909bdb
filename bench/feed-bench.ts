/**
 * Feed polling through the product's own path: `pollDueFeeds` (what `briefbot poll` runs) with the real
 * UndiciFetcher over loopback HTTP, RedisFeedStore and RedisArticleStore on a throwaway redis-server (AOF on,
 * as the embedded one is configured), and a publisher of node:http servers on 127.0.0.1 running in a worker
 * thread (so serving does not take the poller's event loop; it still shares the machine's cores).
 *
 * 1. Poll and ingest: 100 RSS feeds × 50 items, 10 servers × 10 feeds. Every item links to its own article
 *    page (~600 words: five SQuAD paragraphs, as in bench/generated-articles.ts) inside a news page's furniture
 *    (cookie banner, header, navigation, breadcrumbs, share bar, newsletter box, related and most-read links,
 *    comments, footer, JSON-LD). Items are dated within the last 24 hours and the feeds are recorded as polled
 *    once before (no ETag), so all 50 items of each are new: the first-poll cap of 20 does not apply.
 * 2. An unchanged round: 1,000 RSS feeds (10 servers × 100) are first polled for real (200 with an ETag, 20
 *    items all older than 24 hours: none is taken, all are recorded as seen); then, with the poll clock moved
 *    16 minutes on so every feed is due again, a timed round in which the publisher answers every
 *    If-None-Match with 304.
 *
 * The fetcher's per-host spacing (`perHostIntervalMs`, 1 s in the product) is set to 0: every feed and page is
 * on 127.0.0.1, and the fetcher paces by host name, not port; with the product's pacing the first part alone
 * would take ≥ 50 s per feed. Per-host (2) and global (8) concurrency stay at the product's defaults: a real
 * feed's pages are on one host too, so 2 pages at a time per feed is what production gets.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { evalFile } from "../eval/eval-data.ts";
import { UndiciFetcher } from "../src/adapters/web/fetcher.ts";
import type { FeedRecord } from "../src/core/feeds/feed-store.ts";
import type { Log } from "../src/core/log.ts";
import { type PollRun, pollDueFeeds } from "../src/flows/ingest/poll-due-feeds.ts";
import type { FeedPollDependencies } from "../src/flows/ingest/poll-feed.ts";
import { startRedisServer } from "../src/store/embedded-redis-server.ts";
import { RedisArticleStore } from "../src/store/redis-article-store.ts";
import { connectedCommandRedis } from "../src/store/redis-connections.ts";
import { RedisFeedStore } from "../src/store/redis-feed-store.ts";
import { FakePublisher, type ItemSpec, rssFeed } from "../test/support/fake-publisher.ts";

const SERVERS = 10;
const INGEST_FEEDS = 100;
const INGEST_ITEMS = 50;
const UNCHANGED_FEEDS = 1_000;
const UNCHANGED_ITEMS = 20;
const PARAGRAPHS_PER_ARTICLE = 5;
const POLL_MINUTES = 15;
const HOUR_MS = 60 * 60_000;

// ---------------------------------------------------------------------------------------------------------
// The publisher (worker thread)

interface PublisherSetup {
  now: number;
  paragraphs: string[];
}

interface PublisherReady {
  ports: number[];
  pageBytes: number;
}

interface PublisherCounts {
  pages: number;
  feeds200: number;
  feeds304: number;
  other: number;
}

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

const links = (names: readonly string[], prefix: string) =>
  names
    .map((name) => `<li><a href="${prefix}${name.toLowerCase().replaceAll(" ", "-")}">${name}</a></li>`)
    .join("");

const SECTIONS = ["World", "Politics", "Business", "Technology", "Science", "Health", "Sport", "Culture"];
const MORE = ["Opinion", "Podcasts", "Video", "Newsletters", "Weather", "Puzzles"];

/** A news page: the article (~600 words) inside the furniture a real one has. */
function newsPage(options: {
  site: string;
  title: string;
  author: string;
  published: Date;
  paragraphs: readonly string[];
  url: string;
  related: readonly string[];
}): string {
  const jsonLd = JSON.stringify({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: options.title,
    datePublished: options.published.toISOString(),
    author: { "@type": "Person", name: options.author },
    publisher: { "@type": "Organization", name: options.site },
    mainEntityOfPage: options.url,
  });
  const [first, ...rest] = options.paragraphs;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(options.title)} | ${escapeHtml(options.site)}</title>
  <link rel="canonical" href="${escapeHtml(options.url)}">
  <meta name="description" content="${escapeHtml((first ?? "").slice(0, 150))}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="${escapeHtml(options.title)}">
  <meta property="og:site_name" content="${escapeHtml(options.site)}">
  <meta property="og:url" content="${escapeHtml(options.url)}">
  <meta property="article:published_time" content="${options.published.toISOString()}">
  <meta name="author" content="${escapeHtml(options.author)}">
  <link rel="stylesheet" href="/static/site.css">
  <script type="application/ld+json">${jsonLd}</script>
  <script>window.dataLayer = window.dataLayer || []; window.dataLayer.push({ page: "article" });</script>
</head>
<body class="article-page">
  <a class="skip-link" href="#main">Skip to content</a>
  <div class="cookie-consent" role="dialog">We and our partners use cookies to personalise content and ads and to
    analyse our traffic. <button>Accept all</button> <button>Manage preferences</button></div>
  <header class="site-header">
    <a class="logo" href="/">${escapeHtml(options.site)}</a>
    <nav class="primary-nav" aria-label="Sections"><ul>${links(SECTIONS, "/")}</ul></nav>
    <nav class="secondary-nav"><ul>${links(MORE, "/")}</ul></nav>
    <form class="search" action="/search"><input name="q" placeholder="Search"><button>Search</button></form>
    <a class="subscribe" href="/subscribe">Subscribe from $1 a week</a> <a href="/login">Sign in</a>
  </header>
  <main id="main">
    <nav class="breadcrumbs"><a href="/">Home</a> › <a href="/world">World</a> › <a href="/world/europe">Europe</a></nav>
    <article>
      <header>
        <h1>${escapeHtml(options.title)}</h1>
        <p class="byline">By <a rel="author" href="/authors/staff">${escapeHtml(options.author)}</a>
          · <time datetime="${options.published.toISOString()}">${options.published.toUTCString()}</time></p>
      </header>
      <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Share on LinkedIn</a>
        <a href="#">Share by e-mail</a> <button>Copy link</button> <button>Save for later</button></div>
      <figure><img src="/img/lead.jpg" alt="A street scene"><figcaption>The scene on Tuesday. Photo: Agency</figcaption></figure>
      <div class="article-body">
        <p>${escapeHtml(first ?? "")}</p>
        <aside class="newsletter-promo"><h3>Get the morning briefing</h3><p>Sign up for our newsletter: the day's
          news in your inbox every morning.</p><form><input type="email" placeholder="Your e-mail"><button>Sign up</button></form></aside>
        ${rest.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n        ")}
      </div>
      <footer class="article-footer"><p class="tags">Topics: <a href="/t/europe">Europe</a> <a href="/t/history">History</a></p>
        <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div></footer>
    </article>
    <aside class="related"><h2>Related stories</h2><ul>${options.related.map((title, index) => `<li><a href="/world/related-${index}">${escapeHtml(title)}</a></li>`).join("")}</ul></aside>
    <aside class="most-read"><h2>Most read</h2><ol>${[1, 2, 3, 4, 5].map((n) => `<li><a href="/popular/${n}">Popular story number ${n} that everyone is reading today</a></li>`).join("")}</ol></aside>
    <section class="comments"><h2>Comments (42)</h2><p>Comments are closed for this article.</p></section>
  </main>
  <footer class="site-footer">
    <ul>${links(["About us", "Contact", "Careers", "Advertise", "Terms of use", "Privacy policy", "Cookie settings", "Accessibility", "Help"], "/")}</ul>
    <p>© 2025 ${escapeHtml(options.site)}. All rights reserved.</p>
  </footer>
  <script src="/static/app.js" defer></script>
</body>
</html>`;
}

const storyTitle = (feed: number, item: number) => `Story ${item} of desk ${feed}: what happened this week`;

/** Starts the servers, serves both parts' feeds and pages, and counts what was asked for. */
async function runPublisher(setup: PublisherSetup, port: NonNullable<typeof parentPort>): Promise<void> {
  const publishers = await Promise.all(Array.from({ length: SERVERS }, () => FakePublisher.start()));
  const counts: PublisherCounts = { pages: 0, feeds200: 0, feeds304: 0, other: 0 };
  const { paragraphs, now } = setup;
  let pageBytes = 0;
  for (let feed = 0; feed < INGEST_FEEDS; feed++) {
    const publisher = publishers[feed % SERVERS] as FakePublisher;
    const site = `Desk ${feed} News`;
    const items: ItemSpec[] = [];
    for (let item = 0; item < INGEST_ITEMS; item++) {
      const index = feed * INGEST_ITEMS + item;
      const body = Array.from(
        { length: PARAGRAPHS_PER_ARTICLE },
        (_, offset) => paragraphs[(index * PARAGRAPHS_PER_ARTICLE + offset * 7) % paragraphs.length] ?? "",
      );
      const path = `/d${feed}/2025/story-${item}.html`;
      const published = new Date(now - (item + 1) * 20 * 60_000);
      const title = storyTitle(feed, item);
      const html = newsPage({
        site,
        title,
        author: `Reporter ${item % 7}`,
        published,
        paragraphs: body,
        url: publisher.url(path),
        related: [1, 2, 3, 4, 5, 6].map((n) => storyTitle(feed, (item + n) % INGEST_ITEMS)),
      });
      pageBytes += Buffer.byteLength(html);
      publisher.route(path, (_request, response) => {
        counts.pages++;
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
      });
      items.push({
        guid: `desk-${feed}-story-${item}`,
        link: publisher.url(path),
        title,
        text: (body[0] ?? "").split(" ").slice(0, 40).join(" "),
        published,
        author: `Reporter ${item % 7}`,
      });
    }
    const xml = rssFeed(site, items);
    publisher.route(`/d${feed}/feed.xml`, (_request, response) => {
      counts.feeds200++;
      response.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" }).end(xml);
    });
  }
  for (let feed = 0; feed < UNCHANGED_FEEDS; feed++) {
    const publisher = publishers[feed % SERVERS] as FakePublisher;
    const etag = `"u${feed}-v1"`;
    const items: ItemSpec[] = Array.from({ length: UNCHANGED_ITEMS }, (_, item) => ({
      guid: `quiet-${feed}-${item}`,
      link: publisher.url(`/q${feed}/old-${item}.html`),
      title: `Archive item ${item} of quiet feed ${feed}`,
      text: (paragraphs[(feed * UNCHANGED_ITEMS + item) % paragraphs.length] ?? "").slice(0, 200),
      published: new Date(now - 48 * HOUR_MS - item * HOUR_MS),
    }));
    const xml = rssFeed(`Quiet feed ${feed}`, items);
    publisher.route(`/q${feed}/feed.xml`, (request, response) => {
      if (request.headers["if-none-match"] === etag) {
        counts.feeds304++;
        response.writeHead(304, { etag }).end();
        return;
      }
      counts.feeds200++;
      response.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag }).end(xml);
    });
  }
  port.on("message", async (message: string) => {
    if (message === "counts") port.postMessage(counts);
    if (message === "close") {
      await Promise.all(publishers.map((publisher) => publisher.close()));
      port.close();
    }
  });
  port.postMessage({
    ports: publishers.map((publisher) => publisher.port),
    pageBytes,
  } satisfies PublisherReady);
}

if (!isMainThread && (workerData as { feedBenchPublisher?: PublisherSetup } | null)?.feedBenchPublisher) {
  // biome-ignore lint/style/noNonNullAssertion: a worker thread always has its port
  await runPublisher((workerData as { feedBenchPublisher: PublisherSetup }).feedBenchPublisher, parentPort!);
}

class PublisherThread {
  readonly #worker: Worker;
  private constructor(worker: Worker) {
    this.#worker = worker;
  }

  static async start(setup: PublisherSetup): Promise<{ thread: PublisherThread; ready: PublisherReady }> {
    // No execArgv: the parent's (`--input-type`, `-e`) need not suit a file entry point.
    const worker = new Worker(new URL(import.meta.url), {
      workerData: { feedBenchPublisher: setup },
      execArgv: [],
    });
    const ready = await new Promise<PublisherReady>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    return { thread: new PublisherThread(worker), ready };
  }

  async counts(): Promise<PublisherCounts> {
    const answer = new Promise<PublisherCounts>((resolve) => this.#worker.once("message", resolve));
    this.#worker.postMessage("counts");
    return await answer;
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.#worker.once("exit", resolve));
    this.#worker.postMessage("close");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await this.#worker.terminate();
  }
}

// ---------------------------------------------------------------------------------------------------------
// The poller (main thread)

export interface FeedBenchFigures {
  ingest: {
    feeds: number;
    itemsPerFeed: number;
    meanPageKilobytes: number;
    totalMs: number;
    run: PollRun;
    pagesFetched: number;
    feedsFetched: number;
    articlesPerSecond: number;
    feedP50Ms: number;
    feedP95Ms: number;
    storedArticles: number;
    meanStoredWords: number;
    furnitureLeft: number;
    warnings: number;
    itemFailures: number;
  };
  unchanged: {
    feeds: number;
    firstRoundMs: number;
    firstRound: PollRun;
    firstRoundP50Ms: number;
    firstRoundP95Ms: number;
    roundMs: number;
    run: PollRun;
    answered304: number;
    feedsPerSecond: number;
    feedP50Ms: number;
    feedP95Ms: number;
  };
}

const VERSION = String(
  (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version?: unknown })
    .version,
);

function squadParagraphs(): string[] {
  const data = JSON.parse(readFileSync(evalFile("squad-v1.1-dev-part1.json"), "utf8")) as {
    data: Array<{ paragraphs: Array<{ context: string }> }>;
  };
  return data.data.flatMap((article) => article.paragraphs.map((p) => p.context));
}

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
};

/** Runs pollDueFeeds and times it, with each feed's own time from the progress callback. */
async function timedRound(
  deps: FeedPollDependencies,
): Promise<{ run: PollRun; totalMs: number; perFeedMs: number[] }> {
  const perFeedMs: number[] = [];
  const started = performance.now();
  let last = started;
  const run = await pollDueFeeds(deps, () => {
    const at = performance.now();
    perFeedMs.push(at - last);
    last = at;
  });
  return { run, totalMs: performance.now() - started, perFeedMs };
}

const FURNITURE = [
  "Share on",
  "Sign up for our newsletter",
  "All rights reserved",
  "Most read",
  "Accept all",
];

export async function benchFeeds(): Promise<FeedBenchFigures> {
  const now = Date.now();
  const paragraphs = squadParagraphs();
  /** What was started, stopped in reverse order whatever happens. */
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    const directory = await mkdtemp(join(tmpdir(), "briefbot-feed-bench-"));
    cleanups.push(() => rm(directory, { recursive: true, force: true }));
    const redisServer = await startRedisServer({ directory });
    cleanups.push(() => redisServer.stop());
    const { thread, ready } = await PublisherThread.start({ now, paragraphs });
    cleanups.push(() => thread.close());
    const redis = await connectedCommandRedis(redisServer.url);
    cleanups.push(() => redis.quit().catch(() => redis.disconnect()));
    const fetcher = new UndiciFetcher({
      version: VERSION,
      allowedPrivateHosts: ready.ports.map((port) => `127.0.0.1:${port}`),
      perHostIntervalMs: 0,
    });
    cleanups.push(() => fetcher.close());
    const events = new Map<string, number>();
    const log: Log = (event) => events.set(event, (events.get(event) ?? 0) + 1);
    const depsFor = (namespace: string, clock: () => number) => ({
      feeds: new RedisFeedStore(redis, namespace),
      articles: new RedisArticleStore(redis, namespace, clock),
      fetcher,
      repliers: {},
      pollMinutes: POLL_MINUTES,
      now: clock,
      log,
    });
    const url = (index: number, path: string) => `http://127.0.0.1:${ready.ports[index % SERVERS]}${path}`;
    // 1. Poll and ingest: feeds recorded as polled once an hour ago, now due.
    const ingestDeps = depsFor("feedbench-ingest", Date.now);
    for (let feed = 0; feed < INGEST_FEEDS; feed++) {
      const record: FeedRecord = {
        url: url(feed, `/d${feed}/feed.xml`),
        title: `Desk ${feed} News`,
        format: "rss",
        addedAt: now - 2 * HOUR_MS,
        addedFrom: "cli",
        state: { consecutiveFailures: 0, lastPolledAt: now - HOUR_MS, nextPollAt: now - 1_000 },
      };
      await ingestDeps.feeds.save(record);
    }
    const ingestRound = await timedRound(ingestDeps);
    const afterIngest = await thread.counts();
    const stored = await ingestDeps.articles.list();
    const words = stored.reduce((sum, article) => sum + article.text.split(/\s+/u).length, 0);
    const furnitureLeft = stored.filter((article) =>
      FURNITURE.some((phrase) => article.text.includes(phrase)),
    ).length;

    // 2. 1,000 unchanged feeds: a real first poll (200 + ETag, nothing recent), then the timed 304 round.
    let clockOffset = 0;
    const clock = () => Date.now() + clockOffset;
    const quietDeps = depsFor("feedbench-unchanged", clock);
    for (let feed = 0; feed < UNCHANGED_FEEDS; feed++) {
      await quietDeps.feeds.save({
        url: url(feed, `/q${feed}/feed.xml`),
        title: `Quiet feed ${feed}`,
        format: "rss",
        addedAt: now - HOUR_MS,
        addedFrom: "cli",
        state: { consecutiveFailures: 0 },
      });
    }
    const firstRound = await timedRound(quietDeps);
    const before304 = await thread.counts();
    clockOffset = (POLL_MINUTES + 1) * 60_000;
    const unchangedRound = await timedRound(quietDeps);
    const after304 = await thread.counts();

    return {
      ingest: {
        feeds: INGEST_FEEDS,
        itemsPerFeed: INGEST_ITEMS,
        meanPageKilobytes: ready.pageBytes / (INGEST_FEEDS * INGEST_ITEMS) / 1024,
        totalMs: ingestRound.totalMs,
        run: ingestRound.run,
        pagesFetched: afterIngest.pages,
        feedsFetched: afterIngest.feeds200,
        articlesPerSecond: ingestRound.run.newArticles / (ingestRound.totalMs / 1000),
        feedP50Ms: percentile(ingestRound.perFeedMs, 50),
        feedP95Ms: percentile(ingestRound.perFeedMs, 95),
        storedArticles: stored.length,
        meanStoredWords: stored.length > 0 ? words / stored.length : 0,
        furnitureLeft,
        warnings: events.get("feed_item_warning") ?? 0,
        itemFailures: events.get("feed_item_failed") ?? 0,
      },
      unchanged: {
        feeds: UNCHANGED_FEEDS,
        firstRoundMs: firstRound.totalMs,
        firstRound: firstRound.run,
        firstRoundP50Ms: percentile(firstRound.perFeedMs, 50),
        firstRoundP95Ms: percentile(firstRound.perFeedMs, 95),
        roundMs: unchangedRound.totalMs,
        run: unchangedRound.run,
        answered304: after304.feeds304 - before304.feeds304,
        feedsPerSecond: unchangedRound.run.polled / (unchangedRound.totalMs / 1000),
        feedP50Ms: percentile(unchangedRound.perFeedMs, 50),
        feedP95Ms: percentile(unchangedRound.perFeedMs, 95),
      },
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }
}

/** The feed-polling section of `npm run bench`. */
export async function printFeedBench(): Promise<void> {
  console.log(
    "\n== Feed polling: pollDueFeeds (as `briefbot poll`), UndiciFetcher over loopback HTTP, Redis stores" +
      "\n   on a throwaway redis-server (AOF on); the publisher is node:http on 127.0.0.1 in a worker thread." +
      "\n   Cannot show: network latency, TLS, DNS or slow publishers (loopback answers in well under 1 ms);" +
      "\n   per-host spacing is 0 here (the product waits 1 s between requests to one host, so a real feed's" +
      "\n   50 pages take ≥ 50 s); per-host concurrency 2 and global 8 are the product's. No embeddings.",
  );
  const { ingest, unchanged } = await benchFeeds();
  const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "-");
  const seconds = (ms: number) => `${fixed(ms / 1000, 1)} s`;
  console.log(
    `part 1: ${ingest.feeds} feeds × ${ingest.itemsPerFeed} new items (polled once before, so no first-poll cap); pages ~${fixed(ingest.meanPageKilobytes)} KB, ~600 words of article`,
  );
  console.log(
    `part 2: ${unchanged.feeds.toLocaleString("en")} feeds polled once for real (200 + ETag, nothing recent taken), then one round all 304`,
  );
  console.log(
    "round                                    total    per feed p50/p95 ms    items   pages   rate",
  );
  const row = (
    name: string,
    ms: number,
    p50: number,
    p95: number,
    items: string,
    pages: string,
    rate: string,
  ) =>
    console.log(
      [
        name.padEnd(38),
        seconds(ms).padStart(8),
        `${fixed(p50, 1)} / ${fixed(p95, 1)}`.padStart(20),
        items.padStart(8),
        pages.padStart(7),
        rate.padStart(20),
      ].join(" "),
    );
  row(
    "poll + ingest, 100 × 50 new items",
    ingest.totalMs,
    ingest.feedP50Ms,
    ingest.feedP95Ms,
    String(ingest.run.newArticles),
    String(ingest.pagesFetched),
    `${fixed(ingest.articlesPerSecond, 1)} articles/s`,
  );
  row(
    "first poll, 1,000 feeds (none recent)",
    unchanged.firstRoundMs,
    unchanged.firstRoundP50Ms,
    unchanged.firstRoundP95Ms,
    String(unchanged.firstRound.newArticles),
    "0",
    `${fixed(unchanged.firstRound.polled / (unchanged.firstRoundMs / 1000))} feeds/s`,
  );
  row(
    "unchanged round, 1,000 feeds, all 304",
    unchanged.roundMs,
    unchanged.feedP50Ms,
    unchanged.feedP95Ms,
    String(unchanged.run.newArticles),
    "0",
    `${fixed(unchanged.feedsPerSecond)} feeds/s`,
  );
  console.log(
    `checks: part 1 polled ${ingest.run.polled} feeds (${ingest.feedsFetched} feed GETs), ${ingest.run.newArticles} new + ${ingest.run.updatedArticles} updated articles, ${ingest.storedArticles} stored (~${fixed(ingest.meanStoredWords)} words each, furniture left in ${ingest.furnitureLeft}), ${ingest.warnings} item warnings, ${ingest.itemFailures} item failures, ${ingest.run.failed.length} failed feeds; ` +
      `part 2 round: ${unchanged.run.polled} polled, ${unchanged.run.notModified} not modified, ${unchanged.answered304} 304s served, ${unchanged.run.failed.length} failed`,
  );
  for (const failure of [...ingest.run.failed, ...unchanged.run.failed].slice(0, 3))
    console.log(`  failed: ${failure.url}: ${failure.error}`);
}

if (import.meta.main && isMainThread) await printFeedBench();
