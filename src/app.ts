/**
 * The composition root: the only module that constructs concrete infrastructure (Redis connections and stores,
 * BullMQ queues and workers, the OpenAI clients, the Slack and Discord clients, the embedded redis-server).
 * Everything else receives ports. Three entry points: openCli (one command), startWorker, startServe.
 */

import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Redis } from "ioredis";
import { OutboxQuestionQueue } from "./adapters/chat/question-outbox.ts";
import { loadPaths } from "./adapters/files/load-paths.ts";
import {
  ADMIN_PATH,
  listenOps,
  type OpsServer,
  opsCustomRoutes,
  opsRequestHandler,
  type RequestHandler,
} from "./adapters/ops/http-endpoints.ts";
import { Readiness, type ReadinessReport } from "./adapters/ops/readiness.ts";
import {
  createServiceMetrics,
  type MetricsPage,
  type ServiceMetrics,
} from "./adapters/ops/service-metrics.ts";
import type { Config } from "./config.ts";
import { visibleCollections } from "./core/channel-scope.ts";
import type { FeedFollowing, Platform, Replier, ReplyTarget } from "./core/chat.ts";
import { isVisible, type Visibility } from "./core/collections.ts";
import { BriefingError } from "./core/errors.ts";
import { type FeedbackReport, feedbackReport } from "./core/feedback/index.ts";
import type { FeedScheduler } from "./core/feeds/feed-scheduler.ts";
import { isWebUrl } from "./core/feeds/web-url.ts";
import { decodeText } from "./core/ingest/decode.ts";
import { type ExtractedArticle, extractArticle } from "./core/ingest/extract/extract-article.ts";
import { Library } from "./core/library.ts";
import { type Log, teeLog } from "./core/log.ts";
import { MemoryTokenBudget } from "./core/memory/memory-token-budget.ts";
import type {
  ArticleStore,
  DocumentLoader,
  Embedder,
  LoadedDocuments,
  LoadProgress,
  TokenBudget,
} from "./core/ports.ts";
import type { IngestedArticle } from "./core/types.ts";
import type { WebFetcher } from "./core/web.ts";
import { AnswerEngine } from "./flows/ask/answer-engine.ts";
import { reportAskFailure, runAskJob } from "./flows/ask/ask-job.ts";
import { FIRST_DIGEST_LOOKBACK_MS, postDigest, reportDigestFailure } from "./flows/digest/digest-job.ts";
import { articlesArrivedSince, articlesPublishedSince } from "./flows/digest/digest-window.ts";
import { type WrittenDigest, writeDigest } from "./flows/digest/digest-writer.ts";
import { applyRetention } from "./flows/ingest/apply-retention.ts";
import { reportFeedRequestFailure, runFeedRequest } from "./flows/ingest/follow-feed.ts";
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
import { type FeedPollDependencies, pollFeed } from "./flows/ingest/poll-feed.ts";
import { logIndexSynced, logVectorFailure, syncLibrary } from "./flows/ingest/sync-library.ts";
import type { ModelAnswering, ModelParts } from "./flows/model/model-answering.ts";
import type { ModelCallContext } from "./flows/model/model-call.ts";
import type { ClosableWorker } from "./queue/close-workers.ts";
import type { BullFeedScheduler } from "./queue/feed-poller.ts";
import { openEmbeddedRedis, runningEmbeddedRedis } from "./store/embedded-redis.ts";
import { RedisArticleListings } from "./store/redis-article-listings.ts";
import { RedisArticleStore } from "./store/redis-article-store.ts";
import {
  connectedCommandRedis,
  type RedisRole,
  redisConnection,
  whenReady,
} from "./store/redis-connections.ts";
import { RedisConversationMemory } from "./store/redis-conversation-memory.ts";
import { RedisDeliveryLog } from "./store/redis-delivery-log.ts";
import { RedisFeedStore } from "./store/redis-feed-store.ts";
import { RedisFeedbackStore } from "./store/redis-feedback-store.ts";
import { RedisForgottenArticles } from "./store/redis-forgotten-articles.ts";
import { RedisScopeStore } from "./store/redis-scope-store.ts";
import { RedisSubscriptionStore } from "./store/redis-subscription-store.ts";
import { RedisTokenBudget } from "./store/redis-token-budget.ts";

const BUNDLED_SEEDS = fileURLToPath(new URL("../seeds", import.meta.url));

const files: DocumentLoader = {
  load: (paths, onProgress) => loadPaths([...paths], onProgress ? { onProgress } : {}),
};

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

export const BRIEFBOT_VERSION = String(
  (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version?: unknown })
    .version,
);

/** The one way to the web (undici, loaded only when a command fetches), with the configured address rules. */
async function webFetcher(config: Config): Promise<WebFetcher & { close(): Promise<void> }> {
  const { UndiciFetcher } = await import("./adapters/web/fetcher.ts");
  return new UndiciFetcher({
    version: BRIEFBOT_VERSION,
    contact: config.fetch.contact,
    allowedPrivateHosts: config.fetch.allowedPrivateHosts,
  });
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
// Models

/**
 * The model and embedder the configuration asks for. With neither configured nothing is loaded: the openai
 * package is imported only when it will be used, and no client is created.
 */
export async function modelParts(
  config: Config,
  budgetFor: (dailyTokens: number) => TokenBudget | undefined,
): Promise<ModelParts> {
  if (!config.llm && !config.embeddings) return { embedder: undefined, modelAnswering: undefined };
  const { createEmbedder, createLanguageModel } = await import("./llm/index.ts");
  const { loadPromptTemplates } = await import("./adapters/files/prompt-templates.ts");
  const llm = config.llm;
  return {
    embedder: config.embeddings ? createEmbedder(config.embeddings) : undefined,
    modelAnswering: llm
      ? {
          model: createLanguageModel(llm),
          templates: loadPromptTemplates(),
          passageTokenBudget: llm.passageTokenBudget,
          maxOutputTokens: llm.maxOutputTokens,
          attempts: llm.attempts,
          budget: budgetFor(llm.dailyTokenBudget),
        }
      : undefined,
  };
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
async function feedsOver(
  config: Config,
  connection: Redis,
): Promise<{ feeds: RedisFeedStore; scheduler: BullFeedScheduler }> {
  const { BullFeedScheduler } = await import("./queue/feed-poller.ts");
  const feeds = new RedisFeedStore(connection, config.namespace);
  const scheduler = new BullFeedScheduler({
    connection,
    namespace: config.namespace,
    pollMinutes: config.feeds.pollMinutes,
    feeds,
  });
  return { feeds, scheduler };
}

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

// ---------------------------------------------------------------------------------------------------------
// Services: workers, and for `serve` the chat adapters too, around one Redis. BullMQ, Bolt and discord.js are
// loaded only here, so one-shot commands (`ask`, `search`) do not pay for them at start-up.

/** Where the operations endpoints (/healthz, /readyz, /metrics, /admin/queues) answer. */
export interface OpsAddress {
  host: string;
  port: number;
  /** `slack`: on the Slack receiver's port, as its custom routes; `own`: a server of their own. */
  server: "slack" | "own";
}

export interface RunningServices {
  redisUrl: string;
  /** Undefined when they do not listen (the default port was taken; see the `ops_listen_failed` event). */
  ops: OpsAddress | undefined;
  /** What /readyz answers now. */
  readiness(): Promise<ReadinessReport>;
  /**
   * Readiness fails and the operations port closes at once; then the adapters stop taking questions, the jobs
   * in flight get SHUTDOWN_GRACE_MS to finish (after it they are handed back), then the queues, Redis, and
   * the embedded Redis close.
   */
  stop(): Promise<void>;
}

/** Parts a caller brings instead of the configured ones: tests and benches post to a recording replier. */
export interface ServiceParts {
  repliers?: Partial<Record<Platform, Replier>>;
  /** The web, instead of the configured fetcher (tests: a loopback publisher without the politeness pauses). */
  fetcher?: WebFetcher;
  /**
   * Where the operations endpoints listen when HTTP_PORT is not set. The CLI passes the documented defaults
   * (PORT for `serve`, 9464 for a worker); without it (tests, benches) a free port is taken.
   */
  opsPort?: number;
}

/**
 * The order of a shutdown: the operations port first (readiness fails at once), then the adapters (no new
 * questions), then the workers (jobs in flight finish or are handed back), then everything else.
 */
type StopPhase = "ops" | "adapters" | "workers" | "rest";
const STOP_PHASES: readonly StopPhase[] = ["ops", "adapters", "workers", "rest"];

/** Everything started so far: stopped phase by phase, each phase in reverse order of starting. */
class Stops {
  readonly #stops = new Map<StopPhase, Array<() => Promise<void>>>(STOP_PHASES.map((phase) => [phase, []]));
  readonly #log: Log;

  constructor(log: Log) {
    this.#log = log;
  }

  add(stop: () => Promise<void>, phase: StopPhase = "rest"): void {
    this.#stops.get(phase)?.push(stop);
  }

  connection(url: string, role: RedisRole): Redis {
    const redis = redisConnection(url, role);
    this.add(async () => void redis.disconnect());
    return redis;
  }

  async stopAll(): Promise<void> {
    for (const phase of STOP_PHASES)
      for (const stop of (this.#stops.get(phase) ?? []).splice(0).reverse())
        await stop().catch((error) => this.#log("stop_failed", { phase, error: String(error) }));
  }
}

async function redisUrlFor(config: Config, log: Log, stops: Stops): Promise<string> {
  if (config.redis) return config.redis.url;
  const server = await openEmbeddedRedis(config.dataDirectory);
  stops.add(() => server.stop());
  log(server.reused ? "embedded_redis_reused" : "embedded_redis_started", {
    url: server.url,
    dataDirectory: config.dataDirectory,
    owned: server.owned,
  });
  return server.url;
}

/** The embedded Redis starts empty: it gets the seeds (or SEEDS_DIR) once, so a fresh `serve` can answer. */
async function seedEmptyStore(config: Config, store: ArticleStore, log: Log): Promise<void> {
  if (config.redis || (await store.sequence()) !== 0) return;
  const seeds = config.seedsDirectory ?? BUNDLED_SEEDS;
  if (!existsSync(seeds)) return;
  const result = await store.put((await files.load([seeds])).articles);
  log("seeded_store", { from: seeds, added: result.added });
}

/** One retention pass: what is older than ARTICLE_RETENTION_DAYS leaves the store (and so every library). */
async function applyRetentionLogged(config: Config, store: ArticleStore, log: Log): Promise<void> {
  const { removed, cutoff } = await applyRetention(store, config.retention.days);
  if (removed > 0 && cutoff !== undefined)
    log("retention_applied", { removed, olderThan: new Date(cutoff).toISOString() });
}

async function repliersFor(config: Config, log: Log): Promise<Partial<Record<string, Replier>>> {
  const repliers: Partial<Record<string, Replier>> = {};
  if (config.slack) {
    const { SlackReplier } = await import("./adapters/slack/index.ts");
    repliers.slack = new SlackReplier({
      token: config.slack.botToken,
      ...(config.slack.apiUrl ? { apiUrl: config.slack.apiUrl } : {}),
      log,
    });
  }
  if (config.discord) {
    const { DiscordReplier } = await import("./adapters/discord/index.ts");
    repliers.discord = new DiscordReplier({
      token: config.discord.token,
      ...(config.discord.apiUrl ? { apiUrl: config.discord.apiUrl } : {}),
      log,
    });
  }
  return repliers;
}

interface Workers {
  redisUrl: string;
  library: Library;
  store: RedisArticleStore;
}

/** The operations side of a running process: its readiness, its endpoints, and where they answer. */
interface Operations {
  readiness: Readiness;
  handler: RequestHandler;
  /** The queue dashboard, once Redis is known (only with ADMIN_TOKEN). */
  dashboard: RequestHandler | undefined;
  /** Whether the endpoints go on Slack's HTTP receiver instead of a server of their own. */
  sharedWithSlack: boolean;
  address: OpsAddress | undefined;
}

/** How often a worker's library catches up with the store between questions (each time: one round trip). */
const BACKGROUND_SYNC_MS = 5_000;

/** Keeps the library current, so questions find it synced and readiness sees it keep up with the store. */
function keepSynced(
  library: Library,
  store: ArticleStore,
  embedder: Embedder | undefined,
  log: Log,
  stops: Stops,
): void {
  let syncing: Promise<void> | undefined;
  let failing = false;
  let stopped = false;
  const timer = setInterval(() => {
    if (syncing) return;
    const before = library.syncedSequence;
    syncing = syncLibrary(library, store, embedder)
      .then(
        (report) => {
          failing = false;
          logVectorFailure(report, log);
          logIndexSynced(library, before, log);
        },
        (error: unknown) => {
          if (!failing && !stopped) log("library_sync_failed", { error: String(error) });
          failing = true;
        },
      )
      .finally(() => {
        syncing = undefined;
      });
  }, BACKGROUND_SYNC_MS);
  timer.unref();
  stops.add(async () => {
    stopped = true;
    clearInterval(timer);
  }, "ops");
}

/** Readiness watches Redis, the queue and the store from now on; the queue dashboard opens (with ADMIN_TOKEN). */
async function watchReadiness(
  config: Config,
  redisUrl: string,
  stops: Stops,
  operations: Operations,
  syncedSequence: () => number | undefined,
): Promise<void> {
  const { QueueProbe } = await import("./queue/queue-probe.ts");
  // Fails fast while Redis is away (a worker's connection would wait for it): readiness answers in time.
  const probeRedis = stops.connection(redisUrl, "producer");
  const queue = new QueueProbe(probeRedis, config.namespace);
  stops.add(() => queue.close());
  const store = new RedisArticleStore(probeRedis, config.namespace);
  operations.readiness.watch({
    redis: () => probeRedis.ping(),
    queue: () => queue.check(),
    storeSequence: () => store.sequence(),
    syncedSequence,
  });
  if (config.ops.adminToken === undefined) return;
  const { queueDashboard } = await import("./queue/queue-dashboard.ts");
  const dashboard = queueDashboard(probeRedis, config.namespace, ADMIN_PATH);
  stops.add(() => dashboard.close());
  operations.dashboard = dashboard.handle;
}

/** The workers, closed together: in-flight jobs get SHUTDOWN_GRACE_MS, then they are handed back. */
async function closeRunningWorkers(
  workers: readonly ClosableWorker[],
  graceMs: number,
  log: Log,
): Promise<void> {
  const { closeWorkers } = await import("./queue/close-workers.ts");
  log("workers_stopping", { graceMs });
  if (await closeWorkers(workers, graceMs)) log("workers_stopped", {});
  else log("jobs_handed_back", { graceMs, hint: "another worker takes them over once their lock lapses" });
}

async function startWorkers(
  config: Config,
  log: Log,
  stops: Stops,
  parts: ServiceParts,
  operations: Operations,
): Promise<Workers> {
  const { startAskWorker } = await import("./queue/ask-worker.ts");
  const { startDigestWorker } = await import("./queue/digest-worker.ts");
  const { startRetentionWorker } = await import("./queue/retention-worker.ts");
  const { RetentionSchedule } = await import("./queue/retention-schedule.ts");
  const redisUrl = await redisUrlFor(config, log, stops);
  const redis = stops.connection(redisUrl, "worker");
  const store = new RedisArticleStore(redis, config.namespace);
  const library = new Library();
  let loaded = false;
  await watchReadiness(config, redisUrl, stops, operations, () =>
    loaded ? library.syncedSequence : undefined,
  );
  const running: ClosableWorker[] = [];
  stops.add(() => closeRunningWorkers(running, config.ops.shutdownGraceMs, log), "workers");
  await seedEmptyStore(config, store, log);
  // Once at start, before the library loads (what is expired is not loaded), then hourly by one scheduler.
  await applyRetentionLogged(config, store, log);
  const { embedder, modelAnswering } = await modelParts(
    config,
    (dailyTokens) => new RedisTokenBudget(redis, config.namespace, dailyTokens),
  );
  logVectorFailure(await syncLibrary(library, store, embedder), log);
  logIndexSynced(library, 0, log);
  loaded = true;
  keepSynced(library, store, embedder, log, stops);
  const engine = new AnswerEngine({ library, embedder, modelAnswering, log });
  const repliers = { ...(await repliersFor(config, log)), ...parts.repliers };
  const deliveries = new RedisDeliveryLog(redis, config.namespace);
  const subscriptions = new RedisSubscriptionStore(redis, config.namespace);
  const feedback = new RedisFeedbackStore(redis, config.namespace);
  const scopes = new RedisScopeStore(redis, config.namespace);
  const sharedVisible = config.sharedVisible;
  const ask = {
    library,
    store,
    repliers,
    deliveries,
    engine,
    embedder,
    feedback,
    scopes,
    sharedVisible,
    memory: new RedisConversationMemory(redis, config.namespace),
    log,
  };
  const askWorker = startAskWorker({
    connection: stops.connection(redisUrl, "worker"),
    namespace: config.namespace,
    concurrency: config.worker.concurrency,
    lockDurationMs: config.worker.lockDurationMs,
    answer: (request, attempt) => runAskJob(request, ask, attempt),
    giveUp: (request, error) => reportAskFailure(request, error, ask),
    log,
  });
  running.push(askWorker);
  const digest = { store, subscriptions, repliers, deliveries, modelAnswering, scopes, sharedVisible, log };
  const digestWorker = startDigestWorker({
    connection: stops.connection(redisUrl, "worker"),
    namespace: config.namespace,
    lockDurationMs: config.worker.lockDurationMs,
    run: (run, attempt) => postDigest(run, digest, attempt),
    giveUp: (run, error) => reportDigestFailure(run, error, digest),
    log,
  });
  running.push(digestWorker);
  await startFeedWork(config, { redis, redisUrl, store, repliers, log, stops, parts, running });
  if (config.retention.days > 0) {
    const retentionWorker = startRetentionWorker({
      connection: stops.connection(redisUrl, "worker"),
      namespace: config.namespace,
      lockDurationMs: config.worker.lockDurationMs,
      run: () => applyRetentionLogged(config, store, log),
      log,
    });
    running.push(retentionWorker);
  }
  const retention = new RetentionSchedule(redis, config.namespace);
  try {
    await retention.reconcile(config.retention.days > 0);
  } finally {
    await retention.close();
  }
  log("worker_started", {
    articles: library.articleCount,
    retentionDays: config.retention.days,
    concurrency: config.worker.concurrency,
    model: modelAnswering?.model.name,
    embeddings: embedder?.name,
    vectors: embedder ? library.vectorCount : undefined,
  });
  return { redisUrl, library, store };
}

interface FeedWorkParts {
  redis: Redis;
  redisUrl: string;
  store: ArticleStore;
  repliers: Partial<Record<Platform, Replier>>;
  log: Log;
  stops: Stops;
  parts: ServiceParts;
  /** Where the feed worker joins the workers closed together at shutdown. */
  running: ClosableWorker[];
}

/** The feed worker (scheduled polls, chat's follow and add), and every feed's scheduler made sure of. */
async function startFeedWork(config: Config, work: FeedWorkParts): Promise<void> {
  const { startFeedWorker } = await import("./queue/feed-worker.ts");
  const { redis, stops, log } = work;
  const pollMinutes = config.feeds.pollMinutes;
  const { feeds, scheduler } = await feedsOver(config, redis);
  stops.add(() => scheduler.close());
  let fetcher = work.parts.fetcher;
  if (!fetcher) {
    const own = await webFetcher(config);
    stops.add(() => own.close());
    fetcher = own;
  }
  const deps = {
    feeds,
    articles: work.store,
    fetcher,
    scheduler,
    repliers: work.repliers,
    pollMinutes,
    forgotten: new RedisForgottenArticles(redis, config.namespace),
    now: Date.now,
    log,
  };
  const worker = startFeedWorker({
    connection: stops.connection(work.redisUrl, "worker"),
    namespace: config.namespace,
    lockDurationMs: config.worker.lockDurationMs,
    poll: async (url) => void (await pollFeed(url, deps)),
    request: (request) => runFeedRequest(request, deps),
    giveUp: (request, error) => reportFeedRequestFailure(request, error, deps),
    log,
  });
  work.running.push(worker);
  log("feed_schedulers_ready", { feeds: await scheduler.reconcile(), pollMinutes });
}

/** The adapters' side of feeds: follow and add queued for the feed worker; listing and unfollowing at once. */
async function feedFollowing(config: Config, producer: Redis, stops: Stops): Promise<FeedFollowing> {
  const { BullFeedFollowing } = await import("./queue/feed-following.ts");
  const { feeds, scheduler } = await feedsOver(config, producer);
  const following = new BullFeedFollowing({
    connection: producer,
    namespace: config.namespace,
    feeds,
    scheduler,
  });
  stops.add(async () => {
    await following.close();
    await scheduler.close();
  });
  return following;
}

async function startAdapters(
  config: Config,
  workers: Workers,
  log: Log,
  stops: Stops,
  operations: Operations,
): Promise<void> {
  if (!config.slack && !config.discord) {
    log("no_chat_platform", {
      hint: "set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN), or DISCORD_TOKEN; see README",
    });
    return;
  }
  const { BullQuestionQueue } = await import("./queue/bull-question-queue.ts");
  const { BullDigestSubscriptions } = await import("./queue/bull-digest-subscriptions.ts");
  const producer = stops.connection(workers.redisUrl, "producer");
  const queue = new BullQuestionQueue(producer, config.namespace);
  stops.add(() => queue.close());
  const questions = new OutboxQuestionQueue(queue, { retryMs: config.enqueueRetryMs, log });
  stops.add(() => questions.close());
  const memory = new RedisConversationMemory(producer, config.namespace);
  const digests = new BullDigestSubscriptions({
    connection: producer,
    namespace: config.namespace,
    subscriptions: new RedisSubscriptionStore(producer, config.namespace),
    initialCursor: () => workers.store.sequenceBefore(Date.now() - FIRST_DIGEST_LOOKBACK_MS),
  });
  stops.add(() => digests.close());
  await whenReady(producer);
  log("digest_schedulers_ready", { subscriptions: await digests.reconcile() });
  const feeds = await feedFollowing(config, producer, stops);
  const feedback = new RedisFeedbackStore(producer, config.namespace);
  const scopes = new RedisScopeStore(producer, config.namespace);
  /** What "Searching N articles…" counts: the articles the asker's channel sees (all of them without a target). */
  const articleCount = async (target?: ReplyTarget) =>
    target === undefined
      ? workers.library.articleCount
      : workers.library.summary(await visibleCollections(target, scopes, config.sharedVisible)).articleCount;
  const articles = {
    store: workers.store,
    forgotten: new RedisForgottenArticles(producer, config.namespace),
    listings: new RedisArticleListings(producer, config.namespace),
  };
  if (config.slack) {
    const slack = config.slack;
    const { createSlackApp } = await import("./adapters/slack/index.ts");
    const app = createSlackApp({
      botToken: slack.botToken,
      ...(slack.signingSecret ? { signingSecret: slack.signingSecret } : {}),
      ...(slack.appToken ? { appToken: slack.appToken } : {}),
      ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
      port: slack.port,
      ...(operations.sharedWithSlack ? { customRoutes: opsCustomRoutes(operations.handler) } : {}),
      questions,
      memory,
      digests,
      feeds,
      feedback,
      ...(slack.adminUsers ? { adminUsers: slack.adminUsers } : {}),
      scopes,
      sharedVisible: config.sharedVisible,
      articles,
      followUpIdleMs: config.followUpIdleMinutes * 60_000,
      articleCount,
      log,
    });
    const { port } = await app.start();
    stops.add(() => app.stop(), "adapters");
    log(
      "slack_listening",
      app.mode === "http" ? { mode: "http", port, path: "/slack/events" } : { mode: "socket" },
    );
    if (operations.sharedWithSlack && port !== undefined) {
      // Bolt's receiver listens on every interface.
      operations.address = { host: "0.0.0.0", port, server: "slack" };
      log("ops_listening", { ...operations.address });
    }
    log("adapter_started", { platform: "slack" });
  }
  if (config.discord) {
    const discord = config.discord;
    const { connectDiscordClient, createDiscordClient } = await import("./adapters/discord/index.ts");
    const client = createDiscordClient({
      token: discord.token,
      ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}),
      questions,
      digests,
      feeds,
      scopes,
      sharedVisible: config.sharedVisible,
      articles,
      feedback,
      memory,
      followUpIdleMs: config.followUpIdleMinutes * 60_000,
      log,
    });
    stops.add(async () => void (await client.destroy()), "adapters");
    await connectDiscordClient(client);
    log("discord_connected", { user: client.user?.tag });
    log("adapter_started", { platform: "discord" });
  }
}

/** Slack's HTTP mode with HTTP_PORT unset or equal to PORT: the endpoints share the receiver's port. */
function sharesSlackPort(config: Config): boolean {
  const slack = config.slack;
  if (!slack?.signingSecret || slack.appToken) return false;
  return config.ops.httpPort === undefined || config.ops.httpPort === config.ops.servePort;
}

/**
 * The endpoints' own server on HTTP_HOST: HTTP_PORT, else the caller's default port. An HTTP_PORT that cannot be
 * bound stops the start; a default one that is taken (another worker on this machine) is logged and skipped.
 */
async function listenOwn(
  config: Config,
  parts: ServiceParts,
  handler: RequestHandler,
  stops: Stops,
  log: Log,
): Promise<OpsAddress | undefined> {
  const host = config.ops.httpHost;
  const port = config.ops.httpPort ?? parts.opsPort ?? 0;
  let server: OpsServer;
  try {
    server = await listenOps(handler, host, port);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (config.ops.httpPort !== undefined) {
      throw new BriefingError("CONFIG_INVALID", `HTTP_PORT ${port} on ${host} cannot be used: ${reason}`, {
        cause: error,
        userText: true,
      });
    }
    log("ops_listen_failed", { host, port, error: reason, hint: "set HTTP_PORT (0: any free port)" });
    return undefined;
  }
  stops.add(() => server.close(), "ops");
  log("ops_listening", { host, port: server.port, server: "own" });
  return { host, port: server.port, server: "own" };
}

function operationsOf(config: Config, log: Log, render: () => Promise<MetricsPage>): Operations {
  const readiness = new Readiness();
  const operations: Operations = {
    readiness,
    dashboard: undefined,
    sharedWithSlack: false,
    address: undefined,
    handler: opsRequestHandler({
      readiness,
      metrics: render,
      adminToken: config.ops.adminToken,
      dashboard: (request, response) => {
        if (operations.dashboard) return operations.dashboard(request, response);
        response.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "5" });
        response.end("Starting\n");
      },
      log,
    }),
  };
  return operations;
}

/** What /metrics reads when scraped: the queues' depths (over a fail-fast connection) and the index's lag. */
async function watchServiceFigures(
  config: Config,
  metrics: ServiceMetrics,
  workers: Workers,
  stops: Stops,
): Promise<void> {
  const { queueFigureReader } = await import("./queue/queue-figures.ts");
  const figures = queueFigureReader(stops.connection(workers.redisUrl, "producer"), config.namespace);
  stops.add(() => figures.close());
  metrics.watchQueues(() => figures.read());
  const { library, store } = workers;
  metrics.watchIndex(async () => ({
    articles: library.articleCount,
    passages: library.passageCount,
    syncedSequence: library.syncedSequence,
    storeSequence: await store.sequence(),
  }));
}

async function startServices(
  config: Config,
  givenLog: Log,
  adapters: boolean,
  parts: ServiceParts,
): Promise<RunningServices> {
  const metrics = createServiceMetrics();
  const log = teeLog(givenLog, metrics.observe);
  const stops = new Stops(log);
  const operations = operationsOf(config, log, () => metrics.render());
  const stop = async () => {
    operations.readiness.stop();
    await stops.stopAll();
  };
  try {
    operations.sharedWithSlack = adapters && sharesSlackPort(config);
    if (!operations.sharedWithSlack)
      operations.address = await listenOwn(config, parts, operations.handler, stops, log);
    const workers = await startWorkers(config, log, stops, parts, operations);
    await watchServiceFigures(config, metrics, workers, stops);
    if (adapters) await startAdapters(config, workers, log, stops, operations);
    operations.readiness.started();
    return {
      redisUrl: workers.redisUrl,
      ops: operations.address,
      readiness: () => operations.readiness.report(),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** `briefbot worker`: the ask and digest workers around one Redis (REDIS_URL, else an embedded redis-server). */
export async function startWorker(
  config: Config,
  log: Log,
  parts: ServiceParts = {},
): Promise<RunningServices> {
  return await startServices(config, log, false, parts);
}

/** `briefbot serve`: the workers, and the configured chat adapters putting questions on the queue. */
export async function startServe(
  config: Config,
  log: Log,
  parts: ServiceParts = {},
): Promise<RunningServices> {
  return await startServices(config, log, true, parts);
}
