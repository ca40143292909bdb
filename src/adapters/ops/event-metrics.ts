import { ERROR_CODES } from "../../core/errors.ts";
import type { Log } from "../../core/log.ts";
import type { EventMetrics } from "./metric-definitions.ts";

const PLATFORMS = new Set(["slack", "discord"]);
const QUEUES = new Set(["ask", "digest", "feed", "retention"]);
const ANSWER_OUTCOMES = new Set(["answered", "no_evidence"]);
const FALLBACK_REASONS = new Set(["budget", "rejected", "invalid", "failed", "unverified"]);
const MODEL_KINDS = new Set(["answer", "summarize", "digest"]);

/** The per-attempt failure event of each queue's worker (see src/queue/*-worker.ts). */
const JOB_FAILURE_EVENTS = new Set(["job_failed", "digest_failed", "feed_job_failed", "retention_failed"]);
const FEED_POLL_RESULTS: Record<string, string> = {
  feed_polled: "polled",
  feed_not_modified: "not_modified",
  feed_failed: "failed",
};

type Fields = Record<string, unknown>;

/** A label value from a field, or `fallback` when the field is not one of the known values. */
function bounded(value: unknown, known: ReadonlySet<string>, fallback = "other"): string {
  return typeof value === "string" && known.has(value) ? value : fallback;
}

function errorCode(value: unknown): string {
  return typeof value === "string" && Object.hasOwn(ERROR_CODES, value) ? value : "other";
}

function milliseconds(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
}

function observePhase(metrics: EventMetrics, phase: string, platform: string, ms: unknown): void {
  const value = milliseconds(ms);
  if (value !== undefined) metrics.answerPhase.observe({ phase, platform }, value / 1_000);
}

function answerPosted(metrics: EventMetrics, fields: Fields): void {
  const platform = bounded(fields.platform, PLATFORMS);
  metrics.questions.inc({ platform, outcome: bounded(fields.outcome, ANSWER_OUTCOMES) });
  observePhase(metrics, "queue_wait", platform, fields.queueWaitMs);
  observePhase(metrics, "answer", platform, fields.answerMs);
  observePhase(metrics, "post", platform, fields.postMs);
}

function jobFailed(metrics: EventMetrics, fields: Fields): void {
  const labels = { queue: bounded(fields.queue, QUEUES), code: errorCode(fields.code) };
  if (fields.retrying === true) {
    metrics.jobRetries.inc(labels);
    return;
  }
  metrics.jobFailures.inc(labels);
  if (labels.queue === "ask")
    metrics.questions.inc({ platform: bounded(fields.platform, PLATFORMS), outcome: "failed" });
}

function modelCalled(metrics: EventMetrics, fields: Fields): void {
  metrics.modelCalls.inc({ kind: bounded(fields.kind, MODEL_KINDS), result: "ok" });
  metrics.modelTokens.inc({ kind: "prompt" }, count(fields.promptTokens));
  metrics.modelTokens.inc({ kind: "completion" }, count(fields.completionTokens));
}

/** The log that moves the counters and histograms: every event of the process goes through it. */
export function eventMetricsLog(metrics: EventMetrics): Log {
  return (event, fields = {}) => {
    if (event === "answer_posted") answerPosted(metrics, fields);
    else if (event.endsWith("_question_queued") || event.endsWith("_question_held"))
      observePhase(metrics, "ack", bounded(fields.platform, PLATFORMS), fields.ackMs);
    else if (JOB_FAILURE_EVENTS.has(event)) jobFailed(metrics, fields);
    else if (event === "digest_posted") metrics.digests.inc({ result: "posted" });
    else if (event === "digest_skipped") metrics.digests.inc({ result: "skipped" });
    else if (Object.hasOwn(FEED_POLL_RESULTS, event))
      metrics.feedPolls.inc({ result: FEED_POLL_RESULTS[event] ?? "other" });
    else if (event === "model_called") modelCalled(metrics, fields);
    else if (event === "model_failed")
      metrics.modelCalls.inc({ kind: bounded(fields.kind, MODEL_KINDS), result: "failed" });
    else if (event === "model_answered" && fields.fellBack === true)
      metrics.modelFallbacks.inc({ reason: "unverified" });
    else if (event === "model_fell_back")
      metrics.modelFallbacks.inc({ reason: bounded(fields.reason, FALLBACK_REASONS) });
    else if (event === "platform_rate_limited")
      metrics.rateLimited.inc({ platform: bounded(fields.platform, PLATFORMS) });
  };
}
