import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UndiciFetcher } from "../../src/adapters/web/fetcher.ts";
import { type RunningServices, startServe, startWorker } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { freePort } from "../../src/store/embedded-redis-server.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import {
  articlePage,
  atomFeed,
  FakePublisher,
  type ItemSpec,
  jsonFeed,
  rssFeed,
} from "../support/fake-publisher.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { runCli } from "../support/run-cli.ts";
import { sendSlashCommand, slashCommandFields } from "../support/slack-signing.ts";
import { until } from "../support/until.ts";

const SECRET = "feeds-signing-secret";
let redis: ThrowawayRedis;
let publisher: FakePublisher;

beforeAll(async () => {
  redis = await startRedis();
  publisher = await FakePublisher.start();
});

afterAll(async () => {
  await publisher?.close();
  await redis?.stop();
});

/** An item whose page the publisher serves, published `minutesAgo`. */
function story(path: string, title: string, paragraphs: readonly string[], minutesAgo = 30): ItemSpec {
  const published = new Date(Date.now() - minutesAgo * 60_000);
  publisher.route(path, {
    body: articlePage({ title, paragraphs, published, author: "Ana Silva", site: "Harbour Times" }),
  });
  return {
    guid: `urn:${path}`,
    link: publisher.url(path),
    title,
    text: paragraphs[0] ?? "",
    published,
    author: "Ana Silva",
  };
}

describe("CLI: ingest <url>, feeds add|list|remove, poll", () => {
  const env = () => ({
    REDIS_URL: redis.url,
    BRIEFBOT_NAMESPACE: "feedscli",
    FETCH_ALLOWED_PRIVATE_HOSTS: publisher.host,
  });
  const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

  it("ingests a page and a feed once; the feed's item for the same page is one article", async () => {
    const page = story("/cli/page", "Ferry strike ends", [
      "The ferry strike that halted crossings for a week ended on Monday after a pay deal.",
      "Unions said crossings would resume on Tuesday morning at the usual times.",
    ]);
    publisher.route("/cli/once.json", {
      type: "application/feed+json",
      body: jsonFeed("Once", [{ ...page, link: `${page.link}?utm_source=feed` }]),
    });
    const result = await runCli(
      ["ingest", publisher.url("/cli/page"), publisher.url("/cli/once.json"), "--json"],
      env(),
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(json(result.stdout)).toMatchObject({
      stored: { added: 1, updated: 0, unchanged: 0 },
      parsed: 1,
      duplicates: 1,
      problems: [],
      target: `Redis store ${redis.url}`,
    });
  });

  it("adds a feed found on a site's page, lists it, polls it, and removes it", async () => {
    const items = [
      story("/cli/feed/1", "Storm closes the harbour", [
        "A storm closed the Rotterdam harbour on Friday; ships waited at sea.",
      ]),
      story("/cli/feed/2", "Harbour reopens", [
        "The Rotterdam harbour reopened on Sunday after the storm passed.",
      ]),
    ];
    publisher.route("/cli/atom.xml", {
      type: "application/atom+xml",
      body: atomFeed("Harbour Times", items),
    });
    publisher.route("/cli/", {
      body: articlePage({
        title: "Harbour Times",
        paragraphs: ["News."],
        feeds: [{ href: "/cli/atom.xml", type: "application/atom+xml" }],
      }),
    });
    const feedUrl = publisher.url("/cli/atom.xml");

    const added = await runCli(["feeds", "add", publisher.url("/cli/"), "--json"], env());
    expect(added.code).toBe(0);
    expect(json(added.stdout)).toEqual({
      feed: { url: feedUrl, title: "Harbour Times", format: "atom", items: 2 },
    });

    const fresh = json((await runCli(["feeds", "list", "--json"], env())).stdout);
    expect(fresh).toEqual({
      feeds: [
        {
          url: feedUrl,
          title: "Harbour Times",
          status: "new",
          lastPolled: null,
          lastError: null,
          articles: 0,
          channels: 0,
        },
      ],
    });

    const polled = await runCli(["poll", "--json"], env());
    expect(polled.code).toBe(0);
    expect(json(polled.stdout)).toEqual({
      polled: 1,
      notModified: 0,
      newArticles: 2,
      updatedArticles: 0,
      failed: [],
    });
    const notDue = json((await runCli(["poll", "--json"], env())).stdout);
    expect(notDue).toMatchObject({ polled: 0, newArticles: 0, failed: [] });

    const listed = json((await runCli(["feeds", "list", "--json"], env())).stdout);
    expect(listed.feeds).toEqual([
      expect.objectContaining({ url: feedUrl, status: "ok", lastError: null, articles: 2, channels: 0 }),
    ]);
    expect(
      Date.parse(String((listed.feeds as Array<{ lastPolled: string }>)[0]?.lastPolled)),
    ).toBeGreaterThan(0);

    expect((await runCli(["feeds", "remove", feedUrl], env())).code).toBe(0);
    expect(json((await runCli(["feeds", "list", "--json"], env())).stdout)).toEqual({ feeds: [] });
    const missing = await runCli(["feeds", "remove", feedUrl], env());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No feed is followed at that address/);
  });

  it("checks a page without storing it when REDIS_URL is unset", async () => {
    story("/cli/checked", "Checked only", [
      "A page read and checked, but not stored, since no store is configured here.",
    ]);
    const result = await runCli(["ingest", publisher.url("/cli/checked"), "--json"], {
      FETCH_ALLOWED_PRIVATE_HOSTS: publisher.host,
    });
    expect(result.code).toBe(0);
    expect(json(result.stdout)).toMatchObject({ parsed: 1, problems: [] });
    expect(json(result.stdout)).not.toHaveProperty("stored");
    expect(String(json(result.stdout).target)).toMatch(/^nowhere/);
  });

  it("says feeds need REDIS_URL", async () => {
    const result = await runCli(["feeds", "list"], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/set REDIS_URL/);
  });
});

describe("serve: /brief follow in Slack, with a second worker", () => {
  let slack: FakeSlack;
  let serve: RunningServices;
  let worker: RunningServices;
  let eventsUrl: string;
  let dataDirectory: string;
  const fetchers: UndiciFetcher[] = [];
  const logs: string[] = [];

  const fastFetcher = () => {
    const fetcher = new UndiciFetcher({
      version: "test",
      allowedPrivateHosts: [publisher.host],
      perHostIntervalMs: 0,
    });
    fetchers.push(fetcher);
    return fetcher;
  };

  beforeAll(async () => {
    slack = await FakeSlack.start({ token: "xoxb-feeds" });
    dataDirectory = await mkdtemp(join(tmpdir(), "briefbot-feeds-"));
    const port = await freePort();
    eventsUrl = `http://127.0.0.1:${port}/slack/events`;
    const config = loadConfig({
      REDIS_URL: redis.url,
      BRIEFBOT_NAMESPACE: "feedserve",
      BRIEFBOT_DATA_DIR: dataDirectory,
      PORT: String(port),
      SLACK_BOT_TOKEN: "xoxb-feeds",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      FETCH_ALLOWED_PRIVATE_HOSTS: publisher.host,
      JOB_LOCK_MS: "5000",
    });
    const log = (event: string, fields?: Record<string, unknown>) =>
      logs.push(`${event} ${JSON.stringify(fields)}`);
    serve = await startServe(config, log, { fetcher: fastFetcher() });
    worker = await startWorker(config, log, { fetcher: fastFetcher() });
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await serve?.stop();
    for (const fetcher of fetchers) await fetcher.close();
    await slack?.close();
    await rm(dataDirectory, { recursive: true, force: true });
  });

  it("follows a feed: the items become articles once, the asker is told, and they can be asked about", async () => {
    const items = [
      story("/serve/1", "Lighthouse keeper retires", [
        "Marta Jansen, the last lighthouse keeper of Texel, retired on Saturday after forty-one years on the island.",
        "The lighthouse will be run remotely from Den Helder from now on, the coastguard said.",
      ]),
      story("/serve/2", "New dune path opens", [
        "A new dune path between De Koog and Paal 20 opened to walkers and cyclists on Sunday.",
      ]),
      story(
        "/serve/old",
        "An old story",
        ["Something that happened last week, before the feed was followed."],
        60 * 24 * 3,
      ),
    ];
    publisher.route("/serve/feed.xml", {
      type: "application/rss+xml",
      body: rssFeed("Texel News", items),
      etag: '"t1"',
    });
    const responseUrl = slack.responseUrl("follow");

    const ack = await sendSlashCommand(
      eventsUrl,
      SECRET,
      slashCommandFields({
        channel_id: "C0FEEDS",
        text: `follow <${publisher.url("/serve/feed.xml")}>`,
        response_url: responseUrl,
      }),
    );
    expect(ack.status).toBe(200);
    expect(ack.elapsedMs).toBeLessThan(3_000);
    expect(ack.text).toMatch(/Looking for the feed/);

    await until(() => slack.responsesTo(responseUrl).length > 0, "the follow reply", 15_000);
    const reply = JSON.stringify(slack.responsesTo(responseUrl)[0]);
    expect(reply).toMatch(/now follows \\"Texel News\\"/);
    expect(reply).toMatch(/took 2 items/);

    const client = new Redis(redis.url);
    const articles = await new RedisArticleStore(client, "feedserve").list();
    client.disconnect();
    expect(articles.map((article) => article.title).sort()).toEqual([
      "Lighthouse keeper retires",
      "New dune path opens",
    ]);
    expect(publisher.hits("/serve/1")).toHaveLength(1);
    expect(publisher.hits("/serve/old")).toHaveLength(0);

    // The feed's articles are the following channel's: another channel sees them once an admin grants them,
    // and a channel of another workspace can never be granted them.
    const askPosts = () =>
      slack.callsTo("chat.postMessage").filter((call) => call.body.channel === "C0ASKFEED");
    const ask = async (channelId: string, teamId = "T0TEAM") =>
      await sendSlashCommand(
        eventsUrl,
        SECRET,
        slashCommandFields({
          team_id: teamId,
          channel_id: channelId,
          text: "Who was the last lighthouse keeper of Texel?",
        }),
      );
    await ask("C0ASKFEED");
    await until(() => askPosts().length > 0, "the answer in a channel that does not see the feed");
    expect(JSON.stringify(askPosts())).not.toMatch(/Marta Jansen/);
    const foreign = await sendSlashCommand(
      eventsUrl,
      SECRET,
      slashCommandFields({
        team_id: "T0OTHER",
        channel_id: "C0ASKFEED",
        text: "scope add slack:t0team:c0feeds",
      }),
    );
    expect(foreign.text).toMatch(/another workspace or server/);
    const granted = await sendSlashCommand(
      eventsUrl,
      SECRET,
      slashCommandFields({ channel_id: "C0ASKFEED", text: "scope add slack:t0team:c0feeds" }),
    );
    expect(granted.text).toMatch(/now also sees/);
    const before = askPosts().length;
    await ask("C0ASKFEED");
    await until(() => askPosts().length > before, "the answer from the granted feed");
    expect(JSON.stringify(askPosts().slice(before))).toMatch(/Marta Jansen/);

    const digestUrl = slack.responseUrl("digest");
    for (const text of ["digest daily 08:00 Europe/Amsterdam", "digest now"]) {
      await sendSlashCommand(
        eventsUrl,
        SECRET,
        slashCommandFields({ channel_id: "C0FEEDS", text, response_url: digestUrl }),
      );
    }
    const digestPosts = () =>
      slack.callsTo("chat.postMessage").filter((call) => call.body.channel === "C0FEEDS");
    await until(() => digestPosts().length > 0, "the channel's digest");
    expect(JSON.stringify(digestPosts())).toMatch(/lighthouse keeper/i);

    story("/serve/page", "Ferry timetable changes", [
      "The Texel ferry will sail every thirty minutes from June, the ferry company TESO announced on Monday.",
    ]);
    const addUrl = slack.responseUrl("add");
    const added = await sendSlashCommand(
      eventsUrl,
      SECRET,
      slashCommandFields({
        channel_id: "C0FEEDS",
        text: `add ${publisher.url("/serve/page")}`,
        response_url: addUrl,
      }),
    );
    expect(added.text).toMatch(/Reading/);
    await until(() => slack.responsesTo(addUrl).length > 0, "the add reply");
    expect(JSON.stringify(slack.responsesTo(addUrl)[0])).toMatch(/Added \\"Ferry timetable changes\\"/);

    const listed = await sendSlashCommand(
      eventsUrl,
      SECRET,
      slashCommandFields({ channel_id: "C0FEEDS", text: "feeds" }),
    );
    expect(listed.text).toMatch(/1\. Texel News/);
    const stopped = await sendSlashCommand(
      eventsUrl,
      SECRET,
      slashCommandFields({ channel_id: "C0FEEDS", text: "unfollow 1" }),
    );
    expect(stopped.text).toMatch(/no longer follows \\"Texel News\\"/);
  });
});
