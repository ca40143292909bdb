/**
 * The composition root: the only module that constructs concrete infrastructure (Redis connections and stores,
 * BullMQ queues and workers, the OpenAI clients, the Slack and Discord clients, the embedded redis-server).
 * Everything else receives ports. Three entry points: openCli (one command), startWorker, startServe.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Redis } from "ioredis";
import { loadPaths } from "./adapters/files/load-paths.ts";
import type { Config } from "./config.ts";
import type { Platform, Replier } from "./core/chat.ts";
import { BriefingError } from "./core/errors.ts";
import { Library } from "./core/library.ts";
import type { Log } from "./core/log.ts";
import { MemoryTokenBudget } from "./core/memory/memory-token-budget.ts";
import type { ArticleStore, DocumentLoader, Embedder, LoadProgress, TokenBudget } from "./core/ports.ts";
import type { IngestedArticle } from "./core/types.ts";
import { AnswerEngine } from "./flows/ask/answer-engine.ts";
import { reportAskFailure, runAskJob } from "./flows/ask/ask-job.ts";
import { FIRST_DIGEST_LOOKBACK_MS, postDigest, reportDigestFailure } from "./flows/digest/digest-job.ts";
import { articlesArrivedSince, articlesPublishedSince } from "./flows/digest/digest-window.ts";
import { type WrittenDigest, writeDigest } from "./flows/digest/digest-writer.ts";
import { type IngestReport, ingestDocuments } from "./flows/ingest/ingest-documents.ts";
import { libraryFromDocuments, libraryFromStore, type OpenedLibrary } from "./flows/ingest/open-library.ts";
import { logVectorFailure, syncLibrary } from "./flows/ingest/sync-library.ts";
import type { ModelAnswering, ModelParts } from "./flows/model/model-answering.ts";
import type { ModelCallContext } from "./flows/model/model-call.ts";
import { startRedisServer } from "./store/embedded-redis-server.ts";
import { RedisArticleStore } from "./store/redis-article-store.ts";
import {
  connectedCommandRedis,
  type RedisRole,
  redisConnection,
  whenReady,
} from "./store/redis-connections.ts";
import { RedisConversationMemory } from "./store/redis-conversation-memory.ts";
import { RedisDeliveryLog } from "./store/redis-delivery-log.ts";
import { RedisSubscriptionStore } from "./store/redis-subscription-store.ts";
import { RedisTokenBudget } from "./store/redis-token-budget.ts";

const BUNDLED_SEEDS = fileURLToPath(new URL("../seeds", import.meta.url));

const files: DocumentLoader = {
  load: (paths, onProgress) => loadPaths([...paths], onProgress ? { onProgress } : {}),
};

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
  ingest(paths: readonly string[], onProgress?: LoadProgress): Promise<CliIngestReport>;
  digest(
    corpus: readonly string[],
    sinceMs: number | undefined,
    context: ModelCallContext,
  ): Promise<CliDigest>;
  registerDiscordCommands(): Promise<string>;
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
  const opened = await libraryFromDocuments(await files.load(paths, onProgress), embedder);
  return { ...opened, origin: paths.join(", ") };
}

/** The articles a digest covers now: the store's arrivals in the window, or the files' articles published in it. */
async function digestArticles(
  config: Config,
  corpus: readonly string[],
  sinceMs: number | undefined,
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
  const loaded = await files.load(paths);
  return {
    articles: articlesPublishedSince(loaded.articles, sinceMs),
    problems: loaded.problems,
    origin: paths.join(", "),
  };
}

export function openCli(config: Config, warn: (line: string) => void): CliApp {
  const log = cliWarnings(warn);
  return {
    async openEngine(corpus, onProgress) {
      const budget = cliBudget(config);
      try {
        const parts = await modelParts(config, (dailyTokens) => budget.budgetFor(dailyTokens));
        const opened = await openCorpus(config, corpus, onProgress, parts.embedder);
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

    async ingest(paths, onProgress) {
      const { embedder } = await modelParts(config, () => undefined);
      const store = config.redis ? await commandStore(config.redis) : undefined;
      try {
        const report = await ingestDocuments(await files.load(paths, onProgress), store, embedder);
        return {
          ...report,
          target: config.redis
            ? `Redis store ${config.redis.url}`
            : "nowhere (REDIS_URL is not set: checked only)",
          embedder: embedder?.name,
        };
      } finally {
        await store?.close();
      }
    },

    async digest(corpus, sinceMs, context) {
      const { articles, problems, origin } = await digestArticles(config, corpus, sinceMs);
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
  };
}

// ---------------------------------------------------------------------------------------------------------
// Services: workers, and for `serve` the chat adapters too, around one Redis. BullMQ, Bolt and discord.js are
// loaded only here, so one-shot commands (`ask`, `search`) do not pay for them at start-up.

export interface RunningServices {
  redisUrl: string;
  stop(): Promise<void>;
}

/** Parts a caller brings instead of the configured ones: tests and benches post to a recording replier. */
export interface ServiceParts {
  repliers?: Partial<Record<Platform, Replier>>;
}

/** Everything started so far, stopped in reverse order. */
class Stops {
  readonly #stops: Array<() => Promise<void>> = [];
  readonly #log: Log;

  constructor(log: Log) {
    this.#log = log;
  }

  add(stop: () => Promise<void>): void {
    this.#stops.push(stop);
  }

  connection(url: string, role: RedisRole): Redis {
    const redis = redisConnection(url, role);
    this.add(async () => void redis.disconnect());
    return redis;
  }

  async stopAll(): Promise<void> {
    for (const stop of this.#stops.splice(0).reverse())
      await stop().catch((error) => this.#log("stop_failed", { error: String(error) }));
  }
}

async function redisUrlFor(config: Config, log: Log, stops: Stops): Promise<string> {
  if (config.redis) return config.redis.url;
  const server = await startRedisServer({ directory: config.dataDirectory });
  stops.add(() => server.stop());
  log("embedded_redis_started", { url: server.url, dataDirectory: config.dataDirectory, appendOnly: true });
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

async function startWorkers(config: Config, log: Log, stops: Stops, parts: ServiceParts): Promise<Workers> {
  const { startAskWorker } = await import("./queue/ask-worker.ts");
  const { startDigestWorker } = await import("./queue/digest-worker.ts");
  const redisUrl = await redisUrlFor(config, log, stops);
  const redis = stops.connection(redisUrl, "worker");
  const store = new RedisArticleStore(redis, config.namespace);
  await seedEmptyStore(config, store, log);
  const { embedder, modelAnswering } = await modelParts(
    config,
    (dailyTokens) => new RedisTokenBudget(redis, config.namespace, dailyTokens),
  );
  const { library } = await libraryFromStoreLogged(store, embedder, log);
  const engine = new AnswerEngine({ library, embedder, modelAnswering, log });
  const repliers = { ...(await repliersFor(config, log)), ...parts.repliers };
  const deliveries = new RedisDeliveryLog(redis, config.namespace);
  const subscriptions = new RedisSubscriptionStore(redis, config.namespace);
  const ask = { library, store, repliers, deliveries, engine, embedder, log };
  const askWorker = startAskWorker({
    connection: stops.connection(redisUrl, "worker"),
    namespace: config.namespace,
    concurrency: config.worker.concurrency,
    lockDurationMs: config.worker.lockDurationMs,
    answer: (request, attempt) => runAskJob(request, ask, attempt),
    giveUp: (request, error) => reportAskFailure(request, error, ask),
    log,
  });
  stops.add(() => askWorker.close());
  const digest = { store, subscriptions, repliers, deliveries, modelAnswering, log };
  const digestWorker = startDigestWorker({
    connection: stops.connection(redisUrl, "worker"),
    namespace: config.namespace,
    lockDurationMs: config.worker.lockDurationMs,
    run: (run, attempt) => postDigest(run, digest, attempt),
    giveUp: (run, error) => reportDigestFailure(run, error, digest),
    log,
  });
  stops.add(() => digestWorker.close());
  log("worker_started", {
    articles: library.articleCount,
    concurrency: config.worker.concurrency,
    model: modelAnswering?.model.name,
    embeddings: embedder?.name,
    vectors: embedder ? library.vectorCount : undefined,
  });
  return { redisUrl, library, store };
}

async function libraryFromStoreLogged(
  store: ArticleStore,
  embedder: Embedder | undefined,
  log: Log,
): Promise<{ library: Library }> {
  const library = new Library();
  logVectorFailure(await syncLibrary(library, store, embedder), log);
  return { library };
}

async function startAdapters(config: Config, workers: Workers, log: Log, stops: Stops): Promise<void> {
  if (!config.slack && !config.discord) {
    log("no_chat_platform", {
      hint: "set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN), or DISCORD_TOKEN; see README",
    });
    return;
  }
  const { BullQuestionQueue } = await import("./queue/bull-question-queue.ts");
  const { BullDigestSubscriptions } = await import("./queue/bull-digest-subscriptions.ts");
  const producer = stops.connection(workers.redisUrl, "producer");
  const questions = new BullQuestionQueue(producer, config.namespace);
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
  const articleCount = () => workers.library.articleCount;
  if (config.slack) {
    const slack = config.slack;
    const { createSlackApp } = await import("./adapters/slack/index.ts");
    const app = createSlackApp({
      botToken: slack.botToken,
      ...(slack.signingSecret ? { signingSecret: slack.signingSecret } : {}),
      ...(slack.appToken ? { appToken: slack.appToken } : {}),
      ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
      port: slack.port,
      questions,
      memory,
      digests,
      articleCount,
      log,
    });
    const { port } = await app.start();
    stops.add(() => app.stop());
    log(
      "slack_listening",
      app.mode === "http" ? { mode: "http", port, path: "/slack/events" } : { mode: "socket" },
    );
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
      log,
    });
    stops.add(async () => void (await client.destroy()));
    await connectDiscordClient(client);
    log("discord_connected", { user: client.user?.tag });
    log("adapter_started", { platform: "discord" });
  }
}

async function startServices(
  config: Config,
  log: Log,
  adapters: boolean,
  parts: ServiceParts,
): Promise<RunningServices> {
  const stops = new Stops(log);
  try {
    const workers = await startWorkers(config, log, stops, parts);
    if (adapters) await startAdapters(config, workers, log, stops);
    return { redisUrl: workers.redisUrl, stop: () => stops.stopAll() };
  } catch (error) {
    await stops.stopAll();
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
