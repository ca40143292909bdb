/**
 * The composition root: the only module that constructs concrete infrastructure (Redis connections and stores,
 * BullMQ queues and workers, the OpenAI clients, the Slack and Discord clients, the embedded redis-server).
 * Everything else receives ports. Three entry points: openCli (one command, here), startWorker and startServe
 * (the long-running processes, built in src/services/: workers, chat adapters, operations endpoints, shutdown).
 */

import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Redis } from "ioredis";
import { loadPaths } from "./adapters/files/load-paths.ts";
import type { Config } from "./config.ts";
import { isVisible, type Visibility } from "./core/collections.ts";
import { BriefingError } from "./core/errors.ts";
import { type FeedbackReport, feedbackReport } from "./core/feedback/index.ts";
import type { FeedScheduler } from "./core/feeds/feed-scheduler.ts";
import { isWebUrl } from "./core/feeds/web-url.ts";
import { decodeText } from "./core/ingest/decode.ts";
import { type ExtractedArticle, extractArticle } from "./core/ingest/extract/extract-article.ts";
import type { Library } from "./core/library.ts";
import type { Log } from "./core/log.ts";
import { MemoryTokenBudget } from "./core/memory/memory-token-budget.ts";
import type { DocumentLoader, Embedder, LoadedDocuments, LoadProgress, TokenBudget } from "./core/ports.ts";
import type { IngestedArticle } from "./core/types.ts";
import { AnswerEngine } from "./flows/ask/answer-engine.ts";
import { articlesArrivedSince, articlesPublishedSince } from "./flows/digest/digest-window.ts";
import { type WrittenDigest, writeDigest } from "./flows/digest/digest-writer.ts";
import { type IngestReport, ingestDocuments } from "./flows/ingest/ingest-documents.ts";
import { loadWebDocuments } from "./flows/ingest/load-web-documents.ts";
import {
  type AddedFeed,
  addFeed,
  type FeedListing,
  listFeeds,
  removeFeed,
} from "./flows/ingest/manage-feeds.ts";
import { libraryFromDocuments, libraryFromStore, type OpenedLibrary } from "./flows/ingest/open-library.ts";
import { type PollRun, pollDueFeeds } from "./flows/ingest/poll-due-feeds.ts";
import type { FeedPollDependencies } from "./flows/ingest/poll-feed.ts";
import type { ModelAnswering } from "./flows/model/model-answering.ts";
import type { ModelCallContext } from "./flows/model/model-call.ts";
import {
  BRIEFBOT_VERSION,
  BUNDLED_SEEDS,
  feedsOver,
  modelParts,
  repliersFor,
  webFetcher,
} from "./services/parts.ts";
import { runningEmbeddedRedis } from "./store/embedded-redis.ts";
import { RedisArticleStore } from "./store/redis-article-store.ts";
import { connectedCommandRedis, redisConnection } from "./store/redis-connections.ts";
import { RedisFeedbackStore } from "./store/redis-feedback-store.ts";
import { RedisForgottenArticles } from "./store/redis-forgotten-articles.ts";
import { RedisScopeStore } from "./store/redis-scope-store.ts";
import { RedisTokenBudget } from "./store/redis-token-budget.ts";

export type { OpsAddress, RunningServices, ServiceParts } from "./services/service-types.ts";
export { startServe, startWorker } from "./services/start-services.ts";
export { BRIEFBOT_VERSION, modelParts };

/** The file loader of a CLI run: what reading a file noticed (a guessed encoding, an ignored date) is said. */
function filesWarning(warn: (line: string) => void): DocumentLoader {
  return {
    async load(paths, onProgress) {
      const loaded = await loadPaths([...paths], onProgress ? { onProgress } : {});
      for (const warning of loaded.warnings) warn(`warning: ${warning.message} (${warning.location})`);
      return loaded;
    },
  };
}

/** An .html file's text, decoded as file ingest decodes it. */
async function readHtmlFile(path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new BriefingError(
      missing ? "NOT_FOUND" : "MALFORMED_INPUT",
      `${path} ${missing ? "does not exist" : "cannot be read"}`,
      {
        location: path,
        cause: error,
        userText: true,
      },
    );
  }
  return decodeText(bytes, path);
}

/** Files and folders, and web addresses (pages and feeds, read once), in one load. */
async function loadPathsAndUrls(
  config: Config,
  paths: readonly string[],
  onProgress: LoadProgress | undefined,
  loader: DocumentLoader,
): Promise<LoadedDocuments> {
  const urls = paths.filter(isWebUrl);
  const local = paths.filter((path) => !isWebUrl(path));
  const loaded = local.length > 0 ? await loader.load(local, onProgress) : undefined;
  if (urls.length === 0) return loaded ?? { articles: [], problems: [], duplicates: 0 };
  const fetcher = await webFetcher(config);
  try {
    const web = await loadWebDocuments(urls, fetcher, onProgress);
    return {
      articles: [...(loaded?.articles ?? []), ...web.articles],
      problems: [...(loaded?.problems ?? []), ...web.problems],
      duplicates: (loaded?.duplicates ?? 0) + web.duplicates,
    };
  } finally {
    await fetcher.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// The command line: one command, then close

/** The daily token budget of a CLI run, and how to close the connection it may hold. */
export interface CliBudget {
  budgetFor(dailyTokens: number): TokenBudget;
  close(): Promise<void>;
}

/** The shared budget in Redis when REDIS_URL is set (its connection made only when a model needs it), else this run's own. */
export function cliBudget(config: Config): CliBudget {
  let redis: Redis | undefined;
  return {
    budgetFor(dailyTokens) {
      if (!config.redis) return new MemoryTokenBudget(dailyTokens);
      redis = redisConnection(config.redis.url, "producer");
      return new RedisTokenBudget(redis, config.namespace, dailyTokens);
    },
    async close() {
      await redis?.quit().catch(() => redis?.disconnect());
    },
  };
}

/** The corpus a CLI command answers from, the answering facade over it, and what to close at the end. */
export interface CliEngine {
  library: Library;
  engine: AnswerEngine;
  modelAnswering: ModelAnswering | undefined;
  problems: BriefingError[];
  /** Where the articles came from: the Redis store, the --corpus paths, or the bundled seeds. */
  origin: string;
  close(): Promise<void>;
}

export interface CliIngestReport extends IngestReport {
  target: string;
  /** The embedding model whose vectors were stored; undefined without embeddings. */
  embedder: string | undefined;
}

export interface CliDigest extends WrittenDigest {
  problems: BriefingError[];
  origin: string;
}

/** What the CLI's commands need; each call opens what it uses and closes it before it returns (or on close). */
export interface CliApp {
  openEngine(corpus: readonly string[], onProgress?: LoadProgress): Promise<CliEngine>;
  /** `collection`: where the articles go (default `shared`). */
  ingest(paths: readonly string[], onProgress?: LoadProgress, collection?: string): Promise<CliIngestReport>;
  /** `visible`: the collections the digest draws on (all without it). */
  digest(
    corpus: readonly string[],
    sinceMs: number | undefined,
    context: ModelCallContext,
    visible?: Visibility,
  ): Promise<CliDigest>;
  registerDiscordCommands(): Promise<string>;
  /** `feeds add|list|remove`: need REDIS_URL. */
  feeds: {
    add(url: string): Promise<AddedFeed>;
    list(): Promise<FeedListing[]>;
    remove(url: string): Promise<{ url: string; title: string }>;
  };
  /** `poll`: every due feed once, now. */
  poll(onProgress?: LoadProgress): Promise<PollRun>;
  /** `collections`: the collections granted to chat channels (`scope add`), by channel; empty without Redis. */
  scopeGrants(): Promise<Map<string, string[]>>;
  /** BRIEFBOT_SHARED: whether chat channels see `shared`. */
  readonly sharedVisible: boolean;
  /** `extract`: the article of one page (an .html file or a URL) as it would be stored. */
  extract(target: string): Promise<ExtractedArticle>;
  /** `feedback`: the votes on chat answers cast in the last `sinceMs` (all stored ones without it); needs Redis. */
  feedback(sinceMs: number | undefined): Promise<FeedbackReport>;
}

/** The CLI's log: only what went wrong with a model or the embedder, as warnings. */
function cliWarnings(warn: (line: string) => void): Log {
  return (event, fields = {}) => {
    if (!event.endsWith("_failed") && event !== "model_budget_spent") return;
    const detail = typeof fields.error === "string" ? `: ${fields.error}` : "";
    warn(`warning: ${event.replaceAll("_", " ")}${detail}`);
  };
}

async function commandStore(config: NonNullable<Config["redis"]>): Promise<RedisArticleStore> {
  return new RedisArticleStore(await connectedCommandRedis(config.url), config.namespace);
}

function defaultCorpus(config: Config): string {
  const seeds = config.seedsDirectory ?? BUNDLED_SEEDS;
  if (!existsSync(seeds)) {
    throw new BriefingError("NOT_FOUND", `The default corpus folder ${seeds} does not exist`);
  }
  return seeds;
}

/** The corpus to answer from: --corpus paths, else the Redis store, else the bundled seeds. */
async function openCorpus(
  config: Config,
  corpus: readonly string[],
  onProgress: LoadProgress | undefined,
  embedder: Embedder | undefined,
  loader: DocumentLoader,
): Promise<OpenedLibrary & { origin: string }> {
  if (corpus.length === 0 && config.redis) {
    const store = await commandStore(config.redis);
    try {
      return { ...(await libraryFromStore(store, embedder)), origin: `Redis store ${config.redis.url}` };
    } finally {
      await store.close();
    }
  }
  const paths = corpus.length > 0 ? corpus : [defaultCorpus(config)];
  const loaded = await loader.load(paths, onProgress);
  if (corpus.length > 0) refuseUnusableCorpus(loaded.articles.length, loaded.problems, paths);
  const opened = await libraryFromDocuments(loaded, embedder);
  return { ...opened, origin: paths.join(", ") };
}

/** `--corpus` that gave no article at all is bad input (exit 2), with every file's problem in the message. */
function refuseUnusableCorpus(
  articles: number,
  problems: readonly BriefingError[],
  paths: readonly string[],
) {
  if (articles > 0) return;
  const reasons = problems.slice(0, 10).map((problem) => `\n  ${problem.detailedMessage()}`);
  const more = problems.length > 10 ? `\n  … and ${problems.length - 10} more` : "";
  throw new BriefingError(
    "EMPTY_INPUT",
    `--corpus ${paths.join(" ")} holds no usable article${reasons.length > 0 ? ":" : ""}${reasons.join("")}${more}`,
    { userText: true },
  );
}

/** The articles a digest covers now: the store's arrivals in the window, or the files' articles published in it. */
async function digestArticles(
  config: Config,
  corpus: readonly string[],
  sinceMs: number | undefined,
  loader: DocumentLoader,
): Promise<{ articles: IngestedArticle[]; problems: BriefingError[]; origin: string }> {
  if (corpus.length === 0 && config.redis) {
    const store = await commandStore(config.redis);
    try {
      const articles = await articlesArrivedSince(store, sinceMs);
      return { articles, problems: [], origin: `Redis store ${config.redis.url}` };
    } finally {
      await store.close();
    }
  }
  const paths = corpus.length > 0 ? corpus : [config.seedsDirectory ?? BUNDLED_SEEDS];
  const loaded = await loader.load(paths);
  if (corpus.length > 0) refuseUnusableCorpus(loaded.articles.length, loaded.problems, paths);
  return {
    articles: articlesPublishedSince(loaded.articles, sinceMs),
    problems: loaded.problems,
    origin: paths.join(", "),
  };
}

/**
 * Without REDIS_URL, a CLI command uses the embedded Redis that a `serve` or `worker` runs for
 * BRIEFBOT_DATA_DIR, when one is running: `briefbot ingest` then adds to the running bot.
 */
async function withRunningEmbeddedRedis(config: Config): Promise<Config> {
  if (config.redis) return config;
  const url = await runningEmbeddedRedis(config.dataDirectory);
  return url === undefined ? config : { ...config, redis: { url, namespace: config.namespace } };
}

export function openCli(given: Config, warn: (line: string) => void): CliApp {
  let resolved: Promise<CliApp> | undefined;
  const app = () => {
    resolved ??= withRunningEmbeddedRedis(given).then((config) => cliOver(config, warn));
    return resolved;
  };
  const direct = cliOver(given, warn);
  return {
    extract: (target) => direct.extract(target),
    registerDiscordCommands: () => direct.registerDiscordCommands(),
    openEngine: async (corpus, onProgress) => (await app()).openEngine(corpus, onProgress),
    ingest: async (paths, onProgress, collection) => (await app()).ingest(paths, onProgress, collection),
    digest: async (corpus, sinceMs, context, visible) =>
      (await app()).digest(corpus, sinceMs, context, visible),
    feeds: {
      add: async (url) => (await app()).feeds.add(url),
      list: async () => (await app()).feeds.list(),
      remove: async (url) => (await app()).feeds.remove(url),
    },
    poll: async (onProgress) => (await app()).poll(onProgress),
    scopeGrants: async () => (await app()).scopeGrants(),
    sharedVisible: given.sharedVisible,
    feedback: async (sinceMs) => (await app()).feedback(sinceMs),
  };
}

function cliOver(config: Config, warn: (line: string) => void): CliApp {
  const log = cliWarnings(warn);
  const loader = filesWarning(warn);
  return {
    async extract(target) {
      if (isWebUrl(target)) {
        const fetcher = await webFetcher(config);
        try {
          const page = await fetcher.fetch({ url: target, kind: "page" });
          return extractArticle(page.text, { url: page.url });
        } finally {
          await fetcher.close();
        }
      }
      return extractArticle(await readHtmlFile(target));
    },

    async openEngine(corpus, onProgress) {
      const budget = cliBudget(config);
      try {
        const parts = await modelParts(config, (dailyTokens) => budget.budgetFor(dailyTokens));
        const opened = await openCorpus(config, corpus, onProgress, parts.embedder, loader);
        return {
          library: opened.library,
          engine: new AnswerEngine({ library: opened.library, ...parts, log }),
          modelAnswering: parts.modelAnswering,
          problems: opened.problems,
          origin: opened.origin,
          close: () => budget.close(),
        };
      } catch (error) {
        await budget.close();
        throw error;
      }
    },

    async ingest(paths, onProgress, collection) {
      const { embedder } = await modelParts(config, () => undefined);
      const store = config.redis ? await commandStore(config.redis) : undefined;
      try {
        const report = await ingestDocuments(
          await loadPathsAndUrls(config, paths, onProgress, loader),
          store,
          embedder,
          collection,
        );
        return {
          ...report,
          target: config.redis
            ? `Redis store ${config.redis.url}`
            : "nowhere (REDIS_URL is not set and no briefbot serve runs for BRIEFBOT_DATA_DIR: checked only)",
          embedder: embedder?.name,
        };
      } finally {
        await store?.close();
      }
    },

    async digest(corpus, sinceMs, context, visible) {
      const digested = await digestArticles(config, corpus, sinceMs, loader);
      const { problems, origin } = digested;
      const articles = digested.articles.filter(({ article }) => isVisible(article, visible));
      const budget = cliBudget(config);
      try {
        const { modelAnswering } = await modelParts(config, (daily) => budget.budgetFor(daily));
        return { ...(await writeDigest(articles, modelAnswering, context, () => {})), problems, origin };
      } finally {
        await budget.close();
      }
    },

    async registerDiscordCommands() {
      const discord = config.discord;
      if (!discord) throw new BriefingError("CONFIG_INVALID", "DISCORD_TOKEN is not set", { userText: true });
      if (!discord.applicationId)
        throw new BriefingError("CONFIG_INVALID", "DISCORD_APPLICATION_ID is not set", { userText: true });
      const { registerDiscordCommands } = await import("./adapters/discord/index.ts");
      await registerDiscordCommands({
        token: discord.token,
        applicationId: discord.applicationId,
        ...(discord.guildId ? { guildId: discord.guildId } : {}),
        ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}),
      });
      return discord.guildId
        ? `guild ${discord.guildId}`
        : "all guilds (global commands can take up to an hour to show)";
    },

    feeds: {
      add: (url) => withFeeds(config, log, (feeds) => addFeed(url, "cli", feeds)),
      list: () => withFeeds(config, log, (feeds) => listFeeds(feeds.feeds)),
      remove: (url) => withFeeds(config, log, (feeds) => removeFeed(url, feeds)),
    },

    poll: (onProgress) => withFeeds(config, log, (feeds) => pollDueFeeds(feeds, onProgress)),

    async scopeGrants() {
      if (!config.redis) return new Map();
      const redis = await connectedCommandRedis(config.redis.url);
      try {
        return await new RedisScopeStore(redis, config.namespace).all();
      } finally {
        await redis.quit().catch(() => redis.disconnect());
      }
    },
    sharedVisible: config.sharedVisible,

    async feedback(sinceMs) {
      if (!config.redis) {
        throw new BriefingError(
          "CONFIG_INVALID",
          "Feedback is kept in Redis: set REDIS_URL, or run it next to briefbot serve",
          { userText: true },
        );
      }
      const redis = await connectedCommandRedis(config.redis.url);
      try {
        const since = sinceMs === undefined ? undefined : Date.now() - sinceMs;
        const votes = await new RedisFeedbackStore(redis, config.namespace).votesSince(since ?? 0);
        return feedbackReport(votes, since);
      } finally {
        await redis.quit().catch(() => redis.disconnect());
      }
    },
  };
}

/** The feed store and the schedulers of its feeds over one connection (BullMQ loaded only when feeds are used). */
/** What the CLI's feed commands use: the Redis stores, the queue's schedulers, the web, all closed after. */
async function withFeeds<T>(
  config: Config,
  log: Log,
  use: (feeds: FeedPollDependencies & { scheduler: FeedScheduler }) => Promise<T>,
): Promise<T> {
  if (!config.redis) {
    throw new BriefingError("CONFIG_INVALID", "Feeds are kept in Redis: set REDIS_URL to use them", {
      userText: true,
    });
  }
  const redis = await connectedCommandRedis(config.redis.url);
  const { feeds, scheduler } = await feedsOver(config, redis);
  const fetcher = await webFetcher(config);
  try {
    return await use({
      feeds,
      articles: new RedisArticleStore(redis, config.namespace),
      fetcher,
      scheduler,
      repliers: await repliersFor(config, log),
      pollMinutes: config.feeds.pollMinutes,
      forgotten: new RedisForgottenArticles(redis, config.namespace),
      now: Date.now,
      log,
    });
  } finally {
    await fetcher.close();
    await scheduler.close();
    await redis.quit().catch(() => redis.disconnect());
  }
}
