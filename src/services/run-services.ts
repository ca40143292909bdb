import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PlatformModule, RunningAdapter } from "../adapters/chat/platform-module.ts";
import { discordPlatform } from "../adapters/discord/discord-platform.ts";
import { loadPaths } from "../adapters/files/load-paths.ts";
import { slackPlatform } from "../adapters/slack/slack-platform.ts";
import type { Config } from "../config.ts";
import type { Replier } from "../core/chat.ts";
import { Library } from "../core/library.ts";
import type { Log } from "../core/log.ts";
import { AnswerEngine } from "../flows/ask/answer-engine.ts";
import { answerQuestion, reportFailure } from "../flows/ask/ask-job.ts";
import { FIRST_DIGEST_LOOKBACK_MS, postDigest, reportDigestFailure } from "../flows/digest/digest-job.ts";
import { logVectorFailure, syncLibrary } from "../flows/ingest/sync-library.ts";
import { modelParts } from "../flows/model/model-answering.ts";
import { startAskWorker } from "../queue/ask-worker.ts";
import { BullDigestSubscriptions } from "../queue/bull-digest-subscriptions.ts";
import { BullQuestionQueue } from "../queue/bull-question-queue.ts";
import { startDigestWorker } from "../queue/digest-worker.ts";
import { startRedisServer } from "../store/embedded-redis-server.ts";
import { RedisArticleStore } from "../store/redis-article-store.ts";
import { producerConnection, whenReady, workerConnection } from "../store/redis-connections.ts";
import { RedisConversationMemory } from "../store/redis-conversation-memory.ts";
import { RedisDeliveryLog } from "../store/redis-delivery-log.ts";
import { RedisSubscriptionStore } from "../store/redis-subscription-store.ts";
import { RedisTokenBudget } from "../store/redis-token-budget.ts";

const PLATFORMS: readonly PlatformModule[] = [slackPlatform, discordPlatform];
const BUNDLED_SEEDS = fileURLToPath(new URL("../../seeds", import.meta.url));

export interface ServiceOptions {
  /** true for `serve` (adapters, workers), false for `worker` (workers only). */
  adapters: boolean;
  log: Log;
}

export interface RunningServices {
  redisUrl: string;
  stop(): Promise<void>;
}

async function redisUrlFor(config: Config, log: Log, stops: Array<() => Promise<void>>): Promise<string> {
  if (config.redis) return config.redis.url;
  const server = await startRedisServer({ directory: config.dataDirectory });
  stops.push(() => server.stop());
  log("embedded_redis_started", { url: server.url, dataDirectory: config.dataDirectory, appendOnly: true });
  return server.url;
}

/** Starts workers (and, for `serve`, the configured chat adapters) around one Redis. */
export async function runServices(config: Config, options: ServiceOptions): Promise<RunningServices> {
  const { log } = options;
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse())
      await stop().catch((error) => log("stop_failed", { error: String(error) }));
  };
  try {
    const redisUrl = await redisUrlFor(config, log, stops);
    const redis = workerConnection(redisUrl);
    stops.push(async () => void redis.disconnect());
    const store = new RedisArticleStore(redis, config.namespace);
    if (!config.redis && (await store.sequence()) === 0) {
      const seeds = config.seedsDirectory ?? BUNDLED_SEEDS;
      if (existsSync(seeds)) {
        const result = await store.put((await loadPaths([seeds])).articles);
        log("seeded_store", { from: seeds, added: result.added });
      }
    }
    const { embedder, modelAnswering } = await modelParts(
      config,
      (dailyTokens) => new RedisTokenBudget(redis, config.namespace, dailyTokens),
    );
    const library = new Library();
    const synced = await syncLibrary(library, store, embedder);
    logVectorFailure(synced, log);
    const engine = new AnswerEngine({ library, embedder, modelAnswering, log });
    const configured = PLATFORMS.filter((platform) => platform.configured(config));
    const repliers: Partial<Record<string, Replier>> = {};
    for (const platform of configured) repliers[platform.platform] = platform.replier(config, log);
    const deliveries = new RedisDeliveryLog(redis, config.namespace);
    const dependencies = { library, store, repliers, deliveries, engine, embedder, log };
    const subscriptions = new RedisSubscriptionStore(redis, config.namespace);
    const workerRedis = workerConnection(redisUrl);
    stops.push(async () => void workerRedis.disconnect());
    const worker = startAskWorker({
      connection: workerRedis,
      namespace: config.namespace,
      concurrency: config.worker.concurrency,
      lockDurationMs: config.worker.lockDurationMs,
      answer: (request, attempt) => answerQuestion(request, dependencies, attempt),
      giveUp: (request, error) => reportFailure(request, error, dependencies),
      log,
    });
    stops.push(() => worker.close());
    const digestDependencies = { store, subscriptions, repliers, deliveries, modelAnswering, log };
    const digestRedis = workerConnection(redisUrl);
    stops.push(async () => void digestRedis.disconnect());
    const digestWorker = startDigestWorker({
      connection: digestRedis,
      namespace: config.namespace,
      lockDurationMs: config.worker.lockDurationMs,
      run: (run, attempt) => postDigest(run, digestDependencies, attempt),
      giveUp: (run, error) => reportDigestFailure(run, error, digestDependencies),
      log,
    });
    stops.push(() => digestWorker.close());
    log("worker_started", {
      articles: library.articleCount,
      concurrency: config.worker.concurrency,
      model: modelAnswering?.model.name,
      embeddings: embedder?.name,
      vectors: embedder ? library.vectorCount : undefined,
    });
    if (options.adapters) {
      await startAdapters({ config, configured, library, redisUrl, log, stops, store, subscriptions });
    }
    return { redisUrl, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

interface AdapterSetup {
  config: Config;
  configured: readonly PlatformModule[];
  library: Library;
  redisUrl: string;
  log: Log;
  stops: Array<() => Promise<void>>;
  store: RedisArticleStore;
  subscriptions: RedisSubscriptionStore;
}

async function startAdapters(setup: AdapterSetup): Promise<void> {
  const { config, configured, library, redisUrl, log, stops } = setup;
  if (configured.length === 0) {
    log("no_chat_platform", {
      hint: "set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN), or DISCORD_TOKEN; see README",
    });
    return;
  }
  const producer = producerConnection(redisUrl);
  stops.push(async () => void producer.disconnect());
  const questions = new BullQuestionQueue(producer, config.namespace);
  stops.push(() => questions.close());
  const memory = new RedisConversationMemory(producer, config.namespace);
  const digests = new BullDigestSubscriptions({
    connection: producer,
    namespace: config.namespace,
    subscriptions: new RedisSubscriptionStore(producer, config.namespace),
    initialCursor: () => setup.store.sequenceBefore(Date.now() - FIRST_DIGEST_LOOKBACK_MS),
  });
  stops.push(() => digests.close());
  await whenReady(producer);
  const scheduled = await digests.reconcile();
  log("digest_schedulers_ready", { subscriptions: scheduled });
  for (const platform of configured) {
    const adapter: RunningAdapter = await platform.startAdapter({
      config,
      questions,
      memory,
      digests,
      articleCount: () => library.articleCount,
      log,
    });
    stops.push(() => adapter.stop());
    log("adapter_started", { platform: adapter.name });
  }
}
