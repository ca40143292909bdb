import { afterEach, describe, expect, it } from "vitest";
import { createServiceMetrics } from "../../src/adapters/ops/service-metrics.ts";
import { openQueue } from "../../src/queue/producer-queue.ts";
import { queueFigureReader } from "../../src/queue/queue-figures.ts";
import { redisConnection } from "../../src/store/redis-connections.ts";
import { redisPerFile } from "../support/redis-server.ts";

const redis = redisPerFile();
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("queue figures", () => {
  it("counts each queue's jobs by state and ages its oldest waiting job", async () => {
    const connection = redisConnection(redis.url, "producer");
    cleanups.push(async () => void connection.disconnect());
    const asks = openQueue("ask", connection, "figures");
    cleanups.push(() => asks.close());
    await asks.add("ask", { n: 1 }, { jobId: "first", timestamp: Date.now() - 30_000 });
    await asks.add("ask", { n: 2 }, { jobId: "second" });
    await asks.add("ask", { n: 3 }, { jobId: "later", delay: 60_000 });
    const reader = queueFigureReader(connection, "figures");
    cleanups.push(() => reader.close());
    const figures = await reader.read();
    expect(figures.map((figure) => figure.queue)).toEqual(["ask", "digest", "feed", "retention"]);
    const ask = figures.find((figure) => figure.queue === "ask");
    expect(ask?.counts).toMatchObject({ waiting: 2, active: 0, delayed: 1, failed: 0 });
    expect(ask?.oldestWaitingSeconds).toBeGreaterThanOrEqual(29);
    expect(ask?.oldestWaitingSeconds).toBeLessThan(120);
    const digest = figures.find((figure) => figure.queue === "digest");
    expect(digest?.counts).toMatchObject({ waiting: 0, active: 0, delayed: 0 });
    expect(digest?.oldestWaitingSeconds).toBeUndefined();
  });

  it("does not hold up a scrape when Redis is not there", async () => {
    const connection = redisConnection("redis://127.0.0.1:1", "producer");
    connection.on("error", () => {});
    cleanups.push(async () => void connection.disconnect());
    const reader = queueFigureReader(connection, "figures");
    const metrics = createServiceMetrics({ scrapeTimeoutMs: 200 });
    metrics.watchQueues(() => reader.read());
    const started = performance.now();
    const page = await metrics.render();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(page.body).not.toMatch(/^briefbot_queue_depth\{/m);
  });
});
