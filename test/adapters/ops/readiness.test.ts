import { describe, expect, it } from "vitest";
import { Readiness, type ReadinessProbes } from "../../../src/adapters/ops/readiness.ts";

function probes(state: {
  synced: number | undefined;
  store: number;
  redis?: "down" | "hangs";
}): ReadinessProbes {
  const redis = async () => {
    if (state.redis === "down") throw new Error("connect ECONNREFUSED");
    if (state.redis === "hangs") await new Promise(() => {});
    return "PONG";
  };
  return {
    redis,
    queue: redis,
    storeSequence: async () => {
      await redis();
      return state.store;
    },
    syncedSequence: () => state.synced,
  };
}

describe("readiness", () => {
  it("fails while starting, then follows Redis, the queue and the index; and fails for good once stopping", async () => {
    const readiness = new Readiness();
    expect(await readiness.report()).toEqual({ ready: false, reasons: ["starting"] });
    const state: { synced: number | undefined; store: number; redis?: "down" | "hangs" } = {
      synced: undefined,
      store: 4,
    };
    readiness.watch(probes(state));
    readiness.started();
    expect(await readiness.report()).toEqual({
      ready: false,
      reasons: ["index: not loaded yet"],
      storeSequence: 4,
    });
    state.synced = 4;
    expect(await readiness.report()).toEqual({
      ready: true,
      reasons: [],
      syncedSequence: 4,
      storeSequence: 4,
    });
    state.redis = "down";
    const down = await readiness.report();
    expect(down.ready).toBe(false);
    expect(down.reasons).toEqual(["redis: connect ECONNREFUSED", "queue: connect ECONNREFUSED"]);
    readiness.stop();
    state.redis = undefined;
    expect(await readiness.report()).toEqual({ ready: false, reasons: ["stopping"] });
  });

  it("answers in time when Redis hangs (a reconnecting client queues commands for ever)", async () => {
    const readiness = new Readiness({ timeoutMs: 50 });
    readiness.watch(probes({ synced: 1, store: 1, redis: "hangs" }));
    readiness.started();
    const report = await readiness.report();
    expect(report.ready).toBe(false);
    expect(report.reasons).toContain("redis: Redis did not answer within 50 ms");
  });

  it("lets the index trail the store for a while, not for good: a stuck sync shows", async () => {
    let now = 0;
    const readiness = new Readiness({ lagToleranceMs: 10_000, now: () => now });
    const state = { synced: 4 as number | undefined, store: 9 };
    readiness.watch(probes(state));
    readiness.started();
    expect((await readiness.report()).ready).toBe(true);
    now = 8_000;
    state.synced = 6;
    expect((await readiness.report()).ready).toBe(true);
    now = 17_000;
    expect((await readiness.report()).ready).toBe(true);
    now = 19_000;
    expect(await readiness.report()).toMatchObject({
      ready: false,
      reasons: ["index: synced to 6 of the store's 9 for 11 s"],
    });
    state.synced = 9;
    expect((await readiness.report()).ready).toBe(true);
  });
});
