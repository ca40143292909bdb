import { collectDefaultMetrics, Registry } from "prom-client";
import type { Log } from "../../core/log.ts";
import { valueWithin } from "../../core/within.ts";
import { eventMetricsLog } from "./event-metrics.ts";
import { defineEventMetrics, defineScrapedGauges, type ScrapedGauges } from "./metric-definitions.ts";

export interface MetricsPage {
  contentType: string;
  body: string;
}

/** One queue's job counts by state, and how long its oldest waiting job has waited (undefined: none waits). */
export interface QueueFigures {
  queue: string;
  counts: Record<string, number>;
  oldestWaitingSeconds: number | undefined;
}

/** The search index as a worker holds it, and how far the store has moved past it. */
export interface IndexFigures {
  articles: number;
  passages: number;
  syncedSequence: number;
  storeSequence: number;
}

export interface ServiceMetrics {
  /** Fed every log event of the process: counters and histograms move from these. */
  observe: Log;
  /** The Prometheus text page. */
  render(): Promise<MetricsPage>;
  /** Queue depths and the oldest waiting job's age, read from `read` at each scrape. */
  watchQueues(read: () => Promise<QueueFigures[]>): void;
  /** Articles, passages and sync lag, read from `read` at each scrape (else from `index_synced` events). */
  watchIndex(read: () => Promise<IndexFigures>): void;
}

export interface ServiceMetricsOptions {
  /** How long a scrape waits for Redis before it shows the last figures it read (default 1 s). */
  scrapeTimeoutMs?: number;
}

/** The last value `read` gave, re-read at most once at a time and given up on after `timeoutMs`. */
function lastKnown<T>(read: () => Promise<T>, timeoutMs: number): () => Promise<T | undefined> {
  let last: T | undefined;
  let inFlight: { read: Promise<void>; since: number } | undefined;
  const refresh = () => {
    const attempt = { since: performance.now(), read: Promise.resolve() };
    attempt.read = (async () => {
      try {
        last = await read();
      } catch {
        // Redis away: the last figures stand.
      } finally {
        if (inFlight === attempt) inFlight = undefined;
      }
    })();
    return attempt;
  };
  return async () => {
    // A read that never settles (a connection waiting for Redis) is given up on after ten scrape timeouts.
    if (inFlight === undefined || performance.now() - inFlight.since > 10 * timeoutMs) inFlight = refresh();
    await valueWithin(inFlight.read, timeoutMs);
    return last;
  };
}

function showQueues(gauges: ScrapedGauges, figures: readonly QueueFigures[]): void {
  for (const { queue, counts, oldestWaitingSeconds } of figures) {
    for (const [state, jobs] of Object.entries(counts)) gauges.queueDepth.set({ queue, state }, jobs);
    gauges.oldestWaiting.set({ queue }, oldestWaitingSeconds ?? 0);
  }
}

function showIndex(gauges: ScrapedGauges, figures: IndexFigures): void {
  gauges.articles.set(figures.articles);
  gauges.passages.set(figures.passages);
  gauges.syncLag.set(Math.max(0, figures.storeSequence - figures.syncedSequence));
}

function isIndexFigures(fields: Record<string, unknown>): fields is Record<string, unknown> & IndexFigures {
  return ["articles", "passages", "syncedSequence", "storeSequence"].every(
    (key) => typeof fields[key] === "number",
  );
}

/** The process's metrics: prom-client's default ones, those its log events move, and those read at scrape time. */
export function createServiceMetrics(options: ServiceMetricsOptions = {}): ServiceMetrics {
  const timeoutMs = options.scrapeTimeoutMs ?? 1_000;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "briefbot_" });
  const fromEvents = eventMetricsLog(defineEventMetrics(registry));
  const gauges = defineScrapedGauges(registry);
  let readQueues: (() => Promise<QueueFigures[] | undefined>) | undefined;
  let readIndex: (() => Promise<IndexFigures | undefined>) | undefined;
  return {
    observe(event, fields = {}) {
      fromEvents(event, fields);
      if (event === "index_synced" && !readIndex && isIndexFigures(fields)) showIndex(gauges, fields);
    },
    watchQueues(read) {
      readQueues = lastKnown(read, timeoutMs);
    },
    watchIndex(read) {
      readIndex = lastKnown(read, timeoutMs);
    },
    async render() {
      const [queues, index] = await Promise.all([readQueues?.(), readIndex?.()]);
      if (queues) showQueues(gauges, queues);
      if (index) showIndex(gauges, index);
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
