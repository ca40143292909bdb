import { collectDefaultMetrics, Registry } from "prom-client";
import type { Log } from "../../core/log.ts";

export interface MetricsPage {
  contentType: string;
  body: string;
}

export interface ServiceMetrics {
  /** Fed every log event of the process: counters and histograms move from these. */
  observe: Log;
  /** The Prometheus text page. */
  render(): Promise<MetricsPage>;
}

// STUB (to be filled in): the process's default metrics only.
export function createServiceMetrics(): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "briefbot_" });
  return {
    observe: () => {},
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
