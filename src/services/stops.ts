import type { Redis } from "ioredis";
import type { Log } from "../core/log.ts";
import { type RedisRole, redisConnection } from "../store/redis-connections.ts";

/**
 * The order of a shutdown: the operations port first (readiness fails at once), then the adapters (no new
 * questions), then the workers (jobs in flight finish or are handed back), then everything else.
 */
export type StopPhase = "ops" | "adapters" | "workers" | "rest";

const STOP_PHASES: readonly StopPhase[] = ["ops", "adapters", "workers", "rest"];

/** Everything started so far: stopped phase by phase, each phase in reverse order of starting. */
export class Stops {
  readonly #stops = new Map<StopPhase, Array<() => Promise<void>>>(STOP_PHASES.map((phase) => [phase, []]));
  readonly #log: Log;

  constructor(log: Log) {
    this.#log = log;
  }

  add(stop: () => Promise<void>, phase: StopPhase = "rest"): void {
    this.#stops.get(phase)?.push(stop);
  }

  connection(url: string, role: RedisRole): Redis {
    const redis = redisConnection(url, role);
    this.add(async () => void redis.disconnect());
    return redis;
  }

  async stopAll(): Promise<void> {
    for (const phase of STOP_PHASES)
      for (const stop of (this.#stops.get(phase) ?? []).splice(0).reverse())
        await stop().catch((error) => this.#log("stop_failed", { phase, error: String(error) }));
  }
}
