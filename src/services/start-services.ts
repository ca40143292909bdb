/**
 * Services: workers, and for `serve` the chat adapters too, around one Redis. BullMQ, Bolt and discord.js are
 * loaded only here, so one-shot commands (`ask`, `search`) do not pay for them at start-up.
 */

import { createServiceMetrics, type ServiceMetrics } from "../adapters/ops/service-metrics.ts";
import type { Config } from "../config.ts";
import { type Log, teeLog } from "../core/log.ts";
import { startAdapters } from "./chat-adapters.ts";
import { listenOwn, operationsOf, sharesSlackPort } from "./operations.ts";
import type { RunningServices, ServiceParts } from "./service-types.ts";
import { Stops } from "./stops.ts";
import { startWorkers, type Workers } from "./workers.ts";

/**
 * What /metrics reads when scraped: the queues' depths and the index's lag, over the fail-fast connection
 * readiness uses, so a scrape while Redis is away fails at once instead of waiting for it.
 */
async function watchServiceFigures(
  config: Config,
  metrics: ServiceMetrics,
  workers: Workers,
  stops: Stops,
): Promise<void> {
  const { queueFigureReader } = await import("../queue/queue-figures.ts");
  const figures = queueFigureReader(workers.probe.redis, config.namespace);
  stops.add(() => figures.close());
  metrics.watchQueues(() => figures.read());
  const { library } = workers;
  const { store } = workers.probe;
  metrics.watchIndex(async () => ({
    articles: library.articleCount,
    passages: library.passageCount,
    syncedSequence: library.syncedSequence,
    storeSequence: await store.sequence(),
  }));
}

async function startServices(
  config: Config,
  givenLog: Log,
  adapters: boolean,
  parts: ServiceParts,
): Promise<RunningServices> {
  const metrics = createServiceMetrics();
  const log = teeLog(givenLog, metrics.observe);
  const stops = new Stops(log);
  const operations = operationsOf(config, log, () => metrics.render());
  const stop = async () => {
    operations.readiness.stop();
    await stops.stopAll();
  };
  try {
    operations.sharedWithSlack = adapters && sharesSlackPort(config);
    if (!operations.sharedWithSlack)
      operations.address = await listenOwn(config, parts, operations.handler, stops, log);
    const workers = await startWorkers(config, log, stops, parts, operations);
    await watchServiceFigures(config, metrics, workers, stops);
    if (adapters) await startAdapters(config, workers, log, stops, operations);
    operations.readiness.started();
    return {
      redisUrl: workers.redisUrl,
      ops: operations.address,
      readiness: () => operations.readiness.report(),
      stop,
    };
  } catch (error) {
    await stop();
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
