/** The workers of `serve` and `worker`: ask, digest, feed and retention, around one Redis, with the index kept synced. */

import { existsSync } from "node:fs";
import type { Redis } from "ioredis";
import type { Config } from "../config.ts";
import type { Platform, Replier } from "../core/chat.ts";
import { Library } from "../core/library.ts";
import type { Log } from "../core/log.ts";
import type { ArticleStore, Embedder } from "../core/ports.ts";
import { AnswerEngine } from "../flows/ask/answer-engine.ts";
import { reportAskFailure, runAskJob } from "../flows/ask/ask-job.ts";
import { postDigest, reportDigestFailure } from "../flows/digest/digest-job.ts";
import { applyRetention } from "../flows/ingest/apply-retention.ts";
import { reportFeedRequestFailure, runFeedRequest } from "../flows/ingest/follow-feed.ts";
import { pollFeed } from "../flows/ingest/poll-feed.ts";
import { logIndexSynced, logVectorFailure, syncLibrary } from "../flows/ingest/sync-library.ts";
import type { ClosableWorker } from "../queue/close-workers.ts";
import { openEmbeddedRedis } from "../store/embedded-redis.ts";
import { RedisArticleStore } from "../store/redis-article-store.ts";
import { RedisConversationMemory } from "../store/redis-conversation-memory.ts";
import { RedisDeliveryLog } from "../store/redis-delivery-log.ts";
import { RedisFeedbackStore } from "../store/redis-feedback-store.ts";
import { RedisForgottenArticles } from "../store/redis-forgotten-articles.ts";
import { RedisScopeStore } from "../store/redis-scope-store.ts";
import { RedisSubscriptionStore } from "../store/redis-subscription-store.ts";
import { RedisTokenBudget } from "../store/redis-token-budget.ts";
import { type FailFastRedis, type Operations, watchReadiness } from "./operations.ts";
import { BUNDLED_SEEDS, feedsOver, files, modelParts, repliersFor, webFetcher } from "./parts.ts";
import type { ServiceParts } from "./service-types.ts";
import type { Stops } from "./stops.ts";

export async function redisUrlFor(config: Config, log: Log, stops: Stops): Promise<string> {
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
export async function applyRetentionLogged(config: Config, store: ArticleStore, log: Log): Promise<void> {
  const { removed, cutoff } = await applyRetention(store, config.retention.days);
  if (removed > 0 && cutoff !== undefined)
    log("retention_applied", { removed, olderThan: new Date(cutoff).toISOString() });
}

export interface Workers {
  redisUrl: string;
  library: Library;
  store: RedisArticleStore;
  /** What the operations endpoints read: answers in time, or fails, while Redis is away. */
  probe: FailFastRedis;
}

/** How often a worker's library catches up with the store between questions (each time: one round trip). */
const BACKGROUND_SYNC_MS = 5_000;

/** Keeps the library current, so questions find it synced and readiness sees it keep up with the store. */
export function keepSynced(
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

/** The workers, closed together: in-flight jobs get SHUTDOWN_GRACE_MS, then they are handed back. */
async function closeRunningWorkers(
  workers: readonly ClosableWorker[],
  graceMs: number,
  log: Log,
): Promise<void> {
  const { closeWorkers } = await import("../queue/close-workers.ts");
  log("workers_stopping", { graceMs });
  if (await closeWorkers(workers, graceMs)) log("workers_stopped", {});
  else log("jobs_handed_back", { graceMs, hint: "another worker takes them over once their lock lapses" });
}

export async function startWorkers(
  config: Config,
  log: Log,
  stops: Stops,
  parts: ServiceParts,
  operations: Operations,
): Promise<Workers> {
  const { startAskWorker } = await import("../queue/ask-worker.ts");
  const { startDigestWorker } = await import("../queue/digest-worker.ts");
  const { startRetentionWorker } = await import("../queue/retention-worker.ts");
  const { RetentionSchedule } = await import("../queue/retention-schedule.ts");
  const redisUrl = await redisUrlFor(config, log, stops);
  const redis = stops.connection(redisUrl, "worker");
  const store = new RedisArticleStore(redis, config.namespace);
  const library = new Library();
  let loaded = false;
  const probe = await watchReadiness(config, redisUrl, stops, operations, () =>
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
  return { redisUrl, library, store, probe };
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
  const { startFeedWorker } = await import("../queue/feed-worker.ts");
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
