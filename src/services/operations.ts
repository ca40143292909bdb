/** The operations endpoints of a process: /healthz, /readyz, /metrics and the queue dashboard, and where they listen. */

import type { Redis } from "ioredis";
import {
  ADMIN_PATH,
  listenOps,
  type OpsServer,
  opsRequestHandler,
  type RequestHandler,
} from "../adapters/ops/http-endpoints.ts";
import { Readiness } from "../adapters/ops/readiness.ts";
import type { MetricsPage } from "../adapters/ops/service-metrics.ts";
import type { Config } from "../config.ts";
import { BriefingError } from "../core/errors.ts";
import type { Log } from "../core/log.ts";
import { RedisArticleStore } from "../store/redis-article-store.ts";
import type { OpsAddress, ServiceParts } from "./service-types.ts";
import type { Stops } from "./stops.ts";

/** The operations side of a running process: its readiness, its endpoints, and where they answer. */
export interface Operations {
  readiness: Readiness;
  handler: RequestHandler;
  /** The queue dashboard, once Redis is known (only with ADMIN_TOKEN). */
  dashboard: RequestHandler | undefined;
  /** Whether the endpoints go on Slack's HTTP receiver instead of a server of their own. */
  sharedWithSlack: boolean;
  address: OpsAddress | undefined;
}

/** A connection that fails at once while Redis is away (a worker's waits for it), and the store over it. */
export interface FailFastRedis {
  redis: Redis;
  store: RedisArticleStore;
}

/** Readiness watches Redis, the queue and the store from now on; the queue dashboard opens (with ADMIN_TOKEN). */
export async function watchReadiness(
  config: Config,
  redisUrl: string,
  stops: Stops,
  operations: Operations,
  syncedSequence: () => number | undefined,
): Promise<FailFastRedis> {
  const { QueueProbe } = await import("../queue/queue-probe.ts");
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
  const probe = { redis: probeRedis, store };
  if (config.ops.adminToken === undefined) return probe;
  const { queueDashboard } = await import("../queue/queue-dashboard.ts");
  const dashboard = queueDashboard(probeRedis, config.namespace, ADMIN_PATH);
  stops.add(() => dashboard.close());
  operations.dashboard = dashboard.handle;
  return probe;
}

/** Slack's HTTP mode with HTTP_PORT unset or equal to PORT: the endpoints share the receiver's port. */
export function sharesSlackPort(config: Config): boolean {
  const slack = config.slack;
  if (!slack?.signingSecret || slack.appToken) return false;
  return config.ops.httpPort === undefined || config.ops.httpPort === config.ops.servePort;
}

/**
 * The endpoints' own server on HTTP_HOST: HTTP_PORT, else the caller's default port. An HTTP_PORT that cannot be
 * bound stops the start; a default one that is taken (another worker on this machine) is logged and skipped.
 */
export async function listenOwn(
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

export function operationsOf(config: Config, log: Log, render: () => Promise<MetricsPage>): Operations {
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
