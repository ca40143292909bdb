/**
 * `node bench/chat-articles-bench.ts`: what `/brief articles` and `/brief forget <url>` read in a channel, on a
 * store of BENCH_CHAT_ARTICLES (default 20,000) generated articles in a throwaway redis-server. "before": the
 * whole store read (`list()`), filtered to what the channel sees, sorted, as the handler did; "after": the
 * handler as it is (`newest` from the published index's newest end, `withLink` through the URL index).
 * Collections: every 10th article is the channel's own, every 7th another tenant's, the rest `shared`; a
 * second channel sees only its own collection (1 article in 10), so `newest` must skip nine in ten.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import {
  type ArticleCommandContext,
  handleArticleCommand,
} from "../src/adapters/chat/article-command-handler.ts";
import { byRecency } from "../src/core/article-recency.ts";
import { visibleCollections } from "../src/core/channel-scope.ts";
import type { ReplyTarget } from "../src/core/chat.ts";
import { isVisible, withCollections } from "../src/core/collections.ts";
import { canonicalLink } from "../src/core/feeds/item-identity.ts";
import { MemoryArticleListings } from "../src/core/memory/memory-article-listings.ts";
import { MemoryForgottenArticles } from "../src/core/memory/memory-forgotten-articles.ts";
import { startRedisServer } from "../src/store/embedded-redis-server.ts";
import { RedisArticleStore } from "../src/store/redis-article-store.ts";
import { generatedArticles } from "./generated-articles.ts";

const COUNT = Number(process.env.BENCH_CHAT_ARTICLES ?? 20_000);
const RUNS = 7;
const channel: ReplyTarget = { platform: "slack", teamId: "T1", channelId: "C1", userId: "U1" };
const lonely: ReplyTarget = { platform: "slack", teamId: "T1", channelId: "C2", userId: "U1" };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const directory = await mkdtemp(join(tmpdir(), "briefbot-chat-articles-"));
const server = await startRedisServer({ directory, appendOnly: false });
const redis = new Redis(server.url);
try {
  const store = new RedisArticleStore(redis, "chat-bench");
  const articles = generatedArticles(COUNT).map((ingested, index) => {
    const collections =
      index % 10 === 0 ? ["slack:t1:c1", "slack:t1:c2"] : index % 7 === 0 ? ["slack:t9:c1"] : ["shared"];
    const day = String(1 + (index % 28)).padStart(2, "0");
    const month = String(1 + (Math.floor(index / 28) % 12)).padStart(2, "0");
    const article = {
      ...ingested.article,
      published: `20${10 + (index % 15)}-${month}-${day}`,
      url: `https://news.example/${index}?utm_source=x`,
    };
    return { ...ingested, article: withCollections(article, collections) };
  });
  for (let offset = 0; offset < articles.length; offset += 1_000)
    await store.put(articles.slice(offset, offset + 1_000));
  const context = (target: ReplyTarget): ArticleCommandContext => ({
    articles: { store, forgotten: new MemoryForgottenArticles(), listings: new MemoryArticleListings() },
    scopes: undefined,
    channel: target,
    sharedVisible: true,
    mayChange: false,
    whoMayChange: "nobody",
  });
  const before = async (target: ReplyTarget, count: number) => {
    const visible = await visibleCollections(target, undefined, true);
    return (await store.list())
      .filter((article) => isVisible(article, visible))
      .sort(byRecency)
      .slice(0, count);
  };
  const beforeLink = async (url: string) => {
    const visible = await visibleCollections(channel, undefined, true);
    const link = canonicalLink(url);
    return (await store.list()).find(
      (article) =>
        isVisible(article, visible) && article.url !== undefined && canonicalLink(article.url) === link,
    );
  };
  // Builds the published and URL indexes of a store written before them (here: none missing, two counts).
  await store.newest(1, () => true);
  const rows = [
    [
      "articles 10, channel sees shared + own",
      await timed(() => before(channel, 10)),
      await timed(() => handleArticleCommand({ action: "list", count: 10 }, context(channel))),
    ],
    [
      "articles 50, channel sees shared + own",
      await timed(() => before(channel, 50)),
      await timed(() => handleArticleCommand({ action: "list", count: 50 }, context(channel))),
    ],
    [
      "articles 10, channel sees its own (1 in 10)",
      await timed(() => before(lonely, 10)),
      await timed(() => handleArticleCommand({ action: "list", count: 10 }, context(lonely))),
    ],
    [
      "forget <url> lookup",
      await timed(() => beforeLink("https://news.example/1234")),
      await timed(() => store.withLink("https://news.example/1234")),
    ],
  ] as const;
  const found = await store.withLink("https://news.example/1234");
  console.log(
    `${COUNT} articles in Redis (the URL lookup finds ${found.length}); median of ${RUNS} runs, ms`,
  );
  console.log("| command | before (list all) | after |");
  console.log("|---|---:|---:|");
  for (const [name, old, now] of rows) console.log(`| ${name} | ${old.toFixed(1)} | ${now.toFixed(1)} |`);
} finally {
  redis.disconnect();
  await server.stop();
  await rm(directory, { recursive: true, force: true });
}
