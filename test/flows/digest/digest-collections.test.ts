import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPaths } from "../../../src/adapters/files/load-paths.ts";
import type { DigestRun, SlackTarget } from "../../../src/core/chat.ts";
import { withCollections } from "../../../src/core/collections.ts";
import { MemoryScopeStore } from "../../../src/core/memory/memory-scope-store.ts";
import type { Subscription } from "../../../src/core/subscriptions/index.ts";
import { postDigest } from "../../../src/flows/digest/digest-job.ts";
import { RedisArticleStore } from "../../../src/store/redis-article-store.ts";
import { RedisDeliveryLog } from "../../../src/store/redis-delivery-log.ts";
import { RedisSubscriptionStore } from "../../../src/store/redis-subscription-store.ts";
import { RecordingReplier } from "../../support/recording-replier.ts";
import { startRedis, type ThrowawayRedis } from "../../support/redis-server.ts";
import { SEEDS_DIRECTORY } from "../../support/seed-library.ts";

let redis: ThrowawayRedis;
let client: Redis;
let namespace = 0;

beforeAll(async () => {
  redis = await startRedis();
  client = new Redis(redis.url);
});

afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});

function subscriptionOf(target: SlackTarget): Subscription {
  return {
    id: `slack-sub-${target.teamId}-${target.channelId}`,
    target,
    schedule: { days: "daily", time: "08:00", timeZone: "Europe/Amsterdam" },
    quiet: false,
    createdAt: Date.parse("2026-11-22T12:00:00Z"),
    createdBy: "U1",
    version: "v1",
  };
}

function run(subscription: Subscription): DigestRun {
  const runAt = Date.parse("2026-11-23T07:00:00Z");
  return {
    request: {
      jobId: `digest-${subscription.id}-${runAt}`,
      subscriptionId: subscription.id,
      kind: "scheduled",
      requestedAt: runAt,
    },
    runAt,
    version: "v1",
  };
}

/** The seeds, all in the collection of workspace T1's channel C1. */
async function digestFor(target: SlackTarget, sharedVisible = true): Promise<string> {
  const ns = `digest-collections-${++namespace}`;
  const store = new RedisArticleStore(client, ns);
  const seeds = (await loadPaths([SEEDS_DIRECTORY])).articles;
  await store.put(
    seeds.map((ingested) => ({ ...ingested, article: withCollections(ingested.article, ["slack:t1:c1"]) })),
  );
  const subscriptions = new RedisSubscriptionStore(client, ns);
  const subscription = subscriptionOf(target);
  await subscriptions.save(subscription, 0);
  const replier = new RecordingReplier();
  await postDigest(run(subscription), {
    store,
    subscriptions,
    repliers: { slack: replier },
    deliveries: new RedisDeliveryLog(client, ns),
    scopes: new MemoryScopeStore(),
    sharedVisible,
    log: () => {},
  });
  return JSON.stringify(replier.digests);
}

describe("a digest covers only what its channel sees", () => {
  it("digests the channel's own collection, and nothing of it for a channel of another workspace", async () => {
    expect(await digestFor({ platform: "slack", teamId: "T1", channelId: "C1", userId: "U1" })).toMatch(
      /INTERPOL/i,
    );
    const other = await digestFor({ platform: "slack", teamId: "T2", channelId: "C1", userId: "U1" });
    expect(other).not.toMatch(/INTERPOL/i);
    expect(other).toMatch(/No new articles/);
  });
});
