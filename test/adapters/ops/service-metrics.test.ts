import { describe, expect, it } from "vitest";
import { createServiceMetrics, type QueueFigures } from "../../../src/adapters/ops/service-metrics.ts";
import { parsePrometheusText, sampleValue } from "../../support/prometheus-text.ts";

async function scrape(metrics: ReturnType<typeof createServiceMetrics>) {
  const page = await metrics.render();
  expect(page.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  return { body: page.body, samples: parsePrometheusText(page.body) };
}

const answered = {
  jobId: "slack-ev-Ev1",
  platform: "slack",
  channel: "C0SECRET1",
  outcome: "answered",
  queueWaitMs: 120,
  answerMs: 2_400,
  postMs: 80,
};

describe("service metrics from log events", () => {
  it("counts questions by platform and outcome and times each answer phase", async () => {
    const metrics = createServiceMetrics();
    metrics.observe("slack_question_queued", { jobId: "slack-ev-Ev1", platform: "slack", ackMs: 30 });
    metrics.observe("answer_posted", answered);
    metrics.observe("answer_posted", { ...answered, platform: "discord", outcome: "no_evidence" });
    metrics.observe("job_failed", {
      jobId: "slack-ev-Ev2",
      queue: "ask",
      platform: "slack",
      channel: "C0SECRET1",
      code: "PLATFORM_RATE_LIMITED",
      retrying: true,
    });
    metrics.observe("job_failed", {
      queue: "ask",
      platform: "slack",
      code: "PLATFORM_REJECTED",
      retrying: false,
    });
    const { samples, body } = await scrape(metrics);
    const questions = "briefbot_questions_total";
    expect(sampleValue(samples, questions, { platform: "slack", outcome: "answered" })).toBe(1);
    expect(sampleValue(samples, questions, { platform: "discord", outcome: "no_evidence" })).toBe(1);
    expect(sampleValue(samples, questions, { platform: "slack", outcome: "failed" })).toBe(1);
    const phase = "briefbot_answer_phase_seconds";
    expect(sampleValue(samples, `${phase}_count`, { phase: "ack", platform: "slack" })).toBe(1);
    expect(sampleValue(samples, `${phase}_sum`, { phase: "answer", platform: "slack" })).toBeCloseTo(2.4);
    expect(
      sampleValue(samples, `${phase}_bucket`, { phase: "queue_wait", platform: "slack", le: "0.25" }),
    ).toBe(1);
    expect(sampleValue(samples, `${phase}_bucket`, { phase: "post", platform: "slack", le: "0.05" })).toBe(0);
    expect(
      sampleValue(samples, "briefbot_job_retries_total", { queue: "ask", code: "PLATFORM_RATE_LIMITED" }),
    ).toBe(1);
    expect(
      sampleValue(samples, "briefbot_job_failures_total", { queue: "ask", code: "PLATFORM_REJECTED" }),
    ).toBe(1);
    // Ids never become labels.
    expect(body).not.toContain("C0SECRET1");
    expect(body).not.toContain("slack-ev-Ev");
  });

  it("counts digests, feed polls, model calls, tokens, fallbacks and rate limits", async () => {
    const metrics = createServiceMetrics();
    metrics.observe("digest_posted", { jobId: "d1", stories: 3 });
    metrics.observe("digest_skipped", { jobId: "d2", reason: "quiet" });
    metrics.observe("feed_polled", { url: "https://example.org/feed", added: 2 });
    metrics.observe("feed_not_modified", { url: "https://example.org/feed" });
    metrics.observe("feed_failed", { url: "https://example.org/feed", code: "FETCH_FAILED" });
    metrics.observe("model_called", { kind: "answer", promptTokens: 900, completionTokens: 120 });
    metrics.observe("model_called", { kind: "digest", promptTokens: 100, completionTokens: 30 });
    metrics.observe("model_failed", { kind: "answer", code: "MODEL_UNAVAILABLE" });
    metrics.observe("model_fell_back", { kind: "answer", reason: "budget" });
    metrics.observe("model_answered", { fellBack: true });
    metrics.observe("platform_rate_limited", { platform: "discord", route: "/channels/:id/messages" });
    metrics.observe("job_failed", { queue: "ask", code: "NOT_A_CODE", retrying: false, platform: "irc" });
    const { samples, body } = await scrape(metrics);
    expect(sampleValue(samples, "briefbot_digests_total", { result: "posted" })).toBe(1);
    expect(sampleValue(samples, "briefbot_digests_total", { result: "skipped" })).toBe(1);
    for (const result of ["polled", "not_modified", "failed"])
      expect(sampleValue(samples, "briefbot_feed_polls_total", { result })).toBe(1);
    expect(sampleValue(samples, "briefbot_model_calls_total", { kind: "answer", result: "ok" })).toBe(1);
    expect(sampleValue(samples, "briefbot_model_calls_total", { kind: "answer", result: "failed" })).toBe(1);
    expect(sampleValue(samples, "briefbot_model_tokens_total", { kind: "prompt" })).toBe(1_000);
    expect(sampleValue(samples, "briefbot_model_tokens_total", { kind: "completion" })).toBe(150);
    expect(sampleValue(samples, "briefbot_model_fallbacks_total", { reason: "budget" })).toBe(1);
    expect(sampleValue(samples, "briefbot_model_fallbacks_total", { reason: "unverified" })).toBe(1);
    expect(sampleValue(samples, "briefbot_rate_limited_total", { platform: "discord" })).toBe(1);
    // Unknown values are bounded to "other".
    expect(sampleValue(samples, "briefbot_job_failures_total", { queue: "ask", code: "other" })).toBe(1);
    expect(sampleValue(samples, "briefbot_questions_total", { platform: "other", outcome: "failed" })).toBe(
      1,
    );
    expect(body).not.toContain("example.org");
  });

  it("shows the index from index_synced events, and the default process metrics", async () => {
    const metrics = createServiceMetrics();
    metrics.observe("index_synced", { articles: 12, passages: 80, syncedSequence: 40, storeSequence: 43 });
    const { samples } = await scrape(metrics);
    expect(sampleValue(samples, "briefbot_articles_indexed")).toBe(12);
    expect(sampleValue(samples, "briefbot_passages_indexed")).toBe(80);
    expect(sampleValue(samples, "briefbot_index_sync_lag")).toBe(3);
    expect(sampleValue(samples, "briefbot_process_resident_memory_bytes")).toBeGreaterThan(0);
  });
});

describe("service metrics read at scrape time", () => {
  const figures: QueueFigures[] = [
    { queue: "ask", counts: { waiting: 2, active: 1, delayed: 0 }, oldestWaitingSeconds: 4.5 },
    { queue: "digest", counts: { waiting: 0, active: 0, delayed: 3 }, oldestWaitingSeconds: undefined },
  ];

  it("shows each queue's depth by state and its oldest waiting job's age", async () => {
    const metrics = createServiceMetrics();
    metrics.watchQueues(async () => figures);
    const { samples } = await scrape(metrics);
    expect(sampleValue(samples, "briefbot_queue_depth", { queue: "ask", state: "waiting" })).toBe(2);
    expect(sampleValue(samples, "briefbot_queue_depth", { queue: "digest", state: "delayed" })).toBe(3);
    expect(sampleValue(samples, "briefbot_queue_oldest_waiting_seconds", { queue: "ask" })).toBe(4.5);
    expect(sampleValue(samples, "briefbot_queue_oldest_waiting_seconds", { queue: "digest" })).toBe(0);
  });

  it("does not hang when the source does not answer: the last figures stand", async () => {
    const metrics = createServiceMetrics({ scrapeTimeoutMs: 50 });
    let answer = true;
    metrics.watchQueues(() => (answer ? Promise.resolve(figures) : new Promise<QueueFigures[]>(() => {})));
    await scrape(metrics);
    answer = false;
    const started = performance.now();
    const { samples } = await scrape(metrics);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(sampleValue(samples, "briefbot_queue_depth", { queue: "ask", state: "waiting" })).toBe(2);
  });

  it("reads the index's lag from its source, and survives a failing one", async () => {
    const metrics = createServiceMetrics();
    let fail = false;
    metrics.watchIndex(async () => {
      if (fail) throw new Error("Redis is away");
      return { articles: 5, passages: 20, syncedSequence: 7, storeSequence: 9 };
    });
    expect(sampleValue((await scrape(metrics)).samples, "briefbot_index_sync_lag")).toBe(2);
    fail = true;
    expect(sampleValue((await scrape(metrics)).samples, "briefbot_articles_indexed")).toBe(5);
  });
});
