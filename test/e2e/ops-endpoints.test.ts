import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPaths } from "../../src/adapters/files/load-paths.ts";
import { type RunningServices, startServe, startWorker } from "../../src/app.ts";
import { DEFAULT_WORKER_HTTP_PORT, loadConfig } from "../../src/config.ts";
import { parseDocument } from "../../src/core/ingest/index.ts";
import {
  freePort,
  type RedisServerProcess,
  startRedisServer,
} from "../../src/store/embedded-redis-server.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { SEEDS_DIRECTORY } from "../support/seed-library.ts";
import { assertServiceLogsClean, httpGet, spawnService } from "../support/service-process.ts";
import { until } from "../support/until.ts";

const TOKEN = "ops-admin-token-0123456789";

interface Readiness {
  ready: boolean;
  reasons: string[];
  syncedSequence?: number;
  storeSequence?: number;
}

async function readiness(port: number): Promise<{ status: number; report: Readiness }> {
  const { status, type, body } = await httpGet(port, "/readyz");
  expect(type).toMatch(/^application\/json/);
  return { status, report: JSON.parse(body) as Readiness };
}

function notes(count: number, from = 0) {
  const jsonl = Array.from({ length: count }, (_, index) =>
    JSON.stringify({
      id: `ops-note-${from + index}`,
      title: `Harbour note ${from + index}`,
      text: `The harbour office published note ${from + index} on the ferry timetable and the dike repairs.`,
      language: "en",
    }),
  ).join("\n");
  return parseDocument({ name: "notes.jsonl", content: new TextEncoder().encode(jsonl) }).articles;
}

describe("the operations endpoints of a worker process", () => {
  it("are not ready until Redis answers and the index is synced; then ready, and not ready soon after Redis goes away", async () => {
    const directory = await mkdtemp(join(tmpdir(), "briefbot-ops-"));
    const redisPort = await freePort();
    // The store holds the seeds (kept in the AOF) before the worker starts; Redis is then away at its start.
    let redis: RedisServerProcess | undefined = await startRedisServer({ directory, port: redisPort });
    let client = new Redis(redis.url);
    client.on("error", () => {});
    await new RedisArticleStore(client, "ops").put((await loadPaths([SEEDS_DIRECTORY])).articles);
    const stored = await new RedisArticleStore(client, "ops").sequence();
    client.disconnect();
    await redis.stop();
    redis = undefined;
    const worker = spawnService("worker", {
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      BRIEFBOT_NAMESPACE: "ops",
      HTTP_PORT: "0",
      ADMIN_TOKEN: TOKEN,
    });
    try {
      const port = await worker.opsPort();
      expect(port).toBeGreaterThan(0);
      expect(port).not.toBe(DEFAULT_WORKER_HTTP_PORT);
      // Alive at once, while Redis is not there at all.
      expect(await httpGet(port, "/healthz")).toMatchObject({ status: 200, body: '{"alive":true}\n' });
      const before = await readiness(port);
      expect(before.status).toBe(503);
      expect(before.report.ready).toBe(false);
      expect(before.report.reasons.some((reason) => reason.startsWith("redis:"))).toBe(true);
      expect(before.report.reasons).toContain("index: not loaded yet");

      redis = await startRedisServer({ directory, port: redisPort });
      client = new Redis(redis.url);
      client.on("error", () => {});
      const store = new RedisArticleStore(client, "ops");
      let first: Readiness | undefined;
      await until(
        async () => {
          const { status, report } = await readiness(port);
          if (status === 200) first = report;
          return status === 200;
        },
        `/readyz to turn 200 (log: ${worker.log().slice(-500)})`,
        30_000,
      );
      // Ready only with the index synced to the store.
      expect(first).toEqual({ ready: true, reasons: [], syncedSequence: stored, storeSequence: stored });

      // An ingest does not make it flap: the background sync catches up while it stays ready.
      await store.put(notes(20));
      const after = await store.sequence();
      const statuses: number[] = [];
      await until(
        async () => {
          const { status, report } = await readiness(port);
          statuses.push(status);
          return report.syncedSequence === after;
        },
        "the index to catch up with the ingest",
        15_000,
      );
      expect(new Set(statuses)).toEqual(new Set([200]));

      const metrics = await httpGet(port, "/metrics");
      expect(metrics.status).toBe(200);
      expect(metrics.type).toMatch(/^text\/plain/);
      expect(metrics.body).toMatch(/^# TYPE /m);

      // The dashboard: refused without the token and with a wrong one; served with it.
      const withoutToken = await httpGet(port, "/admin/queues");
      expect(withoutToken.status).toBe(401);
      expect(
        (await httpGet(port, "/admin/queues", { headers: { authorization: "Bearer nope" } })).status,
      ).toBe(403);
      const bearer = { headers: { authorization: `Bearer ${TOKEN}` } };
      const page = await httpGet(port, "/admin/queues", bearer);
      expect(page.status).toBe(200);
      expect(page.type).toMatch(/^text\/html/);
      const api = await httpGet(port, "/admin/queues/api/queues", bearer);
      expect(api.status).toBe(200);
      const names = (JSON.parse(api.body) as { queues: Array<{ name: string }> }).queues.map((q) => q.name);
      expect(names.sort()).toEqual(["ask", "digest", "feed", "retention"]);
      const basic = `Basic ${Buffer.from(`admin:${TOKEN}`).toString("base64")}`;
      expect((await httpGet(port, "/admin/queues", { headers: { authorization: basic } })).status).toBe(200);

      // Nothing else is served.
      expect((await httpGet(port, "/readyz", { method: "POST" })).status).toBe(405);
      expect((await httpGet(port, "/")).status).toBe(404);
      expect((await httpGet(port, "/admin")).status).toBe(404);

      client.disconnect();
      await redis.stop();
      redis = undefined;
      const goneAt = performance.now();
      await until(async () => (await readiness(port)).status === 503, "/readyz to turn 503", 5_000);
      expect(performance.now() - goneAt).toBeLessThan(5_000);
      const gone = (await readiness(port)).report;
      expect(gone.ready).toBe(false);
      expect(gone.reasons.some((reason) => reason.startsWith("redis:"))).toBe(true);
      expect((await httpGet(port, "/healthz")).status).toBe(200);

      worker.child.kill("SIGTERM");
      expect(await worker.exited).toBe(0);
      await expect(httpGet(port, "/healthz")).rejects.toThrow();
    } finally {
      worker.child.kill("SIGKILL");
      client.disconnect();
      await redis?.stop();
      await rm(directory, { recursive: true, force: true });
    }
  }, 90_000);
});

describe("the operations endpoints in process", () => {
  let redis: ThrowawayRedis;
  let slack: FakeSlack;
  const running: RunningServices[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    slack = await FakeSlack.start({ token: "xoxb-ops" });
    const client = redis.client();
    await new RedisArticleStore(client, "ops-in").put((await loadPaths([SEEDS_DIRECTORY])).articles);
  }, 30_000);

  afterAll(async () => {
    for (const services of running.splice(0)) await services.stop();
    await slack?.close();
    await redis?.stop();
  });

  it("listen on a free port when no port is given, and refuse the dashboard when ADMIN_TOKEN is not set", async () => {
    const services = await startWorker(
      loadConfig({ REDIS_URL: redis.url, BRIEFBOT_NAMESPACE: "ops-in" }),
      () => {},
    );
    running.push(services);
    const port = services.ops?.port ?? 0;
    expect(services.ops).toMatchObject({ host: "127.0.0.1", server: "own" });
    expect(port).not.toBe(DEFAULT_WORKER_HTTP_PORT);
    expect(await services.readiness()).toMatchObject({ ready: true });
    expect((await httpGet(port, "/readyz")).status).toBe(200);
    expect((await httpGet(port, "/admin/queues")).status).toBe(404);
    const bearer = { headers: { authorization: `Bearer ${TOKEN}` } };
    expect((await httpGet(port, "/admin/queues/api/queues", bearer)).status).toBe(404);
    await services.stop();
    running.splice(running.indexOf(services), 1);
    expect(await services.readiness()).toMatchObject({ ready: false, reasons: ["stopping"] });
    await expect(httpGet(port, "/healthz")).rejects.toThrow();
  }, 30_000);

  it("share the Slack receiver's port in Slack's HTTP mode, next to /slack/events", async () => {
    const services = await startServe(
      loadConfig({
        REDIS_URL: redis.url,
        BRIEFBOT_NAMESPACE: "ops-in",
        PORT: "0",
        SLACK_BOT_TOKEN: "xoxb-ops",
        SLACK_SIGNING_SECRET: "ops-signing-secret",
        SLACK_API_URL: slack.apiUrl,
        ADMIN_TOKEN: TOKEN,
      }),
      () => {},
    );
    running.push(services);
    expect(services.ops?.server).toBe("slack");
    const port = services.ops?.port ?? 0;
    expect((await httpGet(port, "/healthz")).status).toBe(200);
    expect(await readiness(port)).toMatchObject({ status: 200, report: { ready: true } });
    expect((await httpGet(port, "/metrics")).body).toMatch(/^# TYPE /m);
    expect((await httpGet(port, "/admin/queues")).status).toBe(401);
    const bearer = { headers: { authorization: `Bearer ${TOKEN}` } };
    expect((await httpGet(port, "/admin/queues/api/queues", bearer)).status).toBe(200);
    // Slack's own endpoint still checks signatures; other paths are not served.
    expect((await httpGet(port, "/slack/events", { method: "POST", body: "{}" })).status).toBe(401);
    expect((await httpGet(port, "/other")).status).toBe(404);
  }, 30_000);
});

afterAll(() => assertServiceLogsClean());
