import { Counter, Gauge, Histogram, type Registry } from "prom-client";

/** Chat latency: from a snappy ack to a slow model answer. */
export const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 13, 20, 30, 60];

/** Every metric the log events move; labels take bounded values only (never a channel or job id). */
export function defineEventMetrics(registry: Registry) {
  const registers = [registry];
  return {
    questions: new Counter({
      name: "briefbot_questions_total",
      help: "Questions finished, by platform and outcome (answered, no_evidence, failed)",
      labelNames: ["platform", "outcome"] as const,
      registers,
    }),
    answerPhase: new Histogram({
      name: "briefbot_answer_phase_seconds",
      help: "Time spent in each phase of answering a question (ack, queue_wait, answer, post)",
      labelNames: ["phase", "platform"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    jobRetries: new Counter({
      name: "briefbot_job_retries_total",
      help: "Job attempts that failed and will be retried, by queue and error code",
      labelNames: ["queue", "code"] as const,
      registers,
    }),
    jobFailures: new Counter({
      name: "briefbot_job_failures_total",
      help: "Jobs that failed for good, by queue and error code",
      labelNames: ["queue", "code"] as const,
      registers,
    }),
    digests: new Counter({
      name: "briefbot_digests_total",
      help: "Digest runs, by result (posted, skipped)",
      labelNames: ["result"] as const,
      registers,
    }),
    feedPolls: new Counter({
      name: "briefbot_feed_polls_total",
      help: "Feed polls, by result (polled, not_modified, failed)",
      labelNames: ["result"] as const,
      registers,
    }),
    modelCalls: new Counter({
      name: "briefbot_model_calls_total",
      help: "Language model calls, by kind (answer, summarize, digest) and result (ok, failed)",
      labelNames: ["kind", "result"] as const,
      registers,
    }),
    modelTokens: new Counter({
      name: "briefbot_model_tokens_total",
      help: "Language model tokens used, by kind (prompt, completion)",
      labelNames: ["kind"] as const,
      registers,
    }),
    modelFallbacks: new Counter({
      name: "briefbot_model_fallbacks_total",
      help: "Answers that fell back to the extractive answer, by reason",
      labelNames: ["reason"] as const,
      registers,
    }),
    rateLimited: new Counter({
      name: "briefbot_rate_limited_total",
      help: "Calls a chat platform answered with 429 (rate limited), by platform",
      labelNames: ["platform"] as const,
      registers,
    }),
  };
}

export type EventMetrics = ReturnType<typeof defineEventMetrics>;

/** Gauges read when scraped: the queues and the search index. */
export function defineScrapedGauges(registry: Registry) {
  const registers = [registry];
  return {
    queueDepth: new Gauge({
      name: "briefbot_queue_depth",
      help: "Jobs in each queue, by state (waiting, active, delayed, prioritized, failed)",
      labelNames: ["queue", "state"] as const,
      registers,
    }),
    oldestWaiting: new Gauge({
      name: "briefbot_queue_oldest_waiting_seconds",
      help: "Age of the oldest job waiting in each queue (0 when none waits)",
      labelNames: ["queue"] as const,
      registers,
    }),
    articles: new Gauge({
      name: "briefbot_articles_indexed",
      help: "Articles in this process's search index",
      registers,
    }),
    passages: new Gauge({
      name: "briefbot_passages_indexed",
      help: "Passages in this process's search index",
      registers,
    }),
    syncLag: new Gauge({
      name: "briefbot_index_sync_lag",
      help: "Store changes (sequence numbers) the search index has not caught up with yet",
      registers,
    }),
  };
}

export type ScrapedGauges = ReturnType<typeof defineScrapedGauges>;
