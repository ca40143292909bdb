import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadPaths } from "../../../src/adapters/files/load-paths.ts";
import type { DigestRun, SlackTarget } from "../../../src/core/chat.ts";
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

const channel: SlackTarget = { platform: "slack", teamId: "T1", channelId: "C1", userId: "U1" };
const subscription: Subscription = {
  id: "slack-sub-T1-C1",
  target: channel,
  schedule: { days: "daily", time: "08:00", timeZone: "Europe/Amsterdam" },
  quiet: false,
  createdAt: Date.parse("2026-11-22T12:00:00Z"),
  createdBy: "U1",
  version: "v1",
};

/** A scheduled run at the given instant, as the digest worker builds it from a scheduler job. */
function scheduledRun(iso: string, version = "v1"): DigestRun {
  const runAt = Date.parse(iso);
  return {
    request: {
      jobId: `digest-${subscription.id}-${runAt}`,
      subscriptionId: subscription.id,
      kind: "scheduled",
      requestedAt: runAt,
    },
    runAt,
    version,
  };
}

let replier: RecordingReplier;
let dependencies: Parameters<typeof postDigest>[1];

beforeEach(async () => {
  namespace++;
  const ns = `post-digest-${namespace}`;
  const store = new RedisArticleStore(client, ns);
  await store.put((await loadPaths([SEEDS_DIRECTORY])).articles);
  const subscriptions = new RedisSubscriptionStore(client, ns);
  await subscriptions.save(subscription, 0);
  replier = new RecordingReplier();
  dependencies = {
    store,
    subscriptions,
    repliers: { slack: replier },
    deliveries: new RedisDeliveryLog(client, ns),
    log: () => {},
  };
});

describe("a digest run", () => {
  it("posts at the subscription's own time, and moves the cursor past what it covered", async () => {
    await postDigest(scheduledRun("2026-11-23T07:00:00Z"), dependencies);
    expect(replier.digests).toHaveLength(1);
    expect(replier.digests[0]?.post.digest.articleCount).toBe(5);
    expect((await dependencies.subscriptions.progress(subscription.id)).cursor).toBe(5);
  });

  it("skips a scheduler run at any other time, such as an immediate first run", async () => {
    await postDigest(scheduledRun("2026-11-23T07:03:00Z"), dependencies);
    await postDigest(scheduledRun("2026-11-22T12:00:00Z"), dependencies);
    expect(replier.digests).toHaveLength(0);
    expect((await dependencies.subscriptions.progress(subscription.id)).cursor).toBe(0);
  });

  it("skips a run of a replaced schedule", async () => {
    await postDigest(scheduledRun("2026-11-23T07:00:00Z", "v0"), dependencies);
    expect(replier.digests).toHaveLength(0);
  });

  it("posts one digest a day even when the day's run comes twice", async () => {
    const run = scheduledRun("2026-11-23T07:00:00Z");
    await postDigest(run, dependencies);
    await postDigest(run, dependencies);
    await postDigest(
      { ...run, request: { ...run.request, jobId: `${run.request.jobId}-again` } },
      dependencies,
    );
    expect(replier.digests).toHaveLength(1);
  });

  it("refuses to run while another run of the same channel holds its lock (retried later)", async () => {
    await dependencies.subscriptions.lock(subscription.id, "someone-else", 10_000);
    await expect(postDigest(scheduledRun("2026-11-23T07:00:00Z"), dependencies)).rejects.toMatchObject({
      code: "BUSY",
      retryable: true,
    });
    await dependencies.subscriptions.unlock(subscription.id, "someone-else");
    await postDigest(scheduledRun("2026-11-23T07:00:00Z"), dependencies);
    expect(replier.digests).toHaveLength(1);
  });

  it("says there is nothing new, or stays silent when the subscription is quiet", async () => {
    await postDigest(scheduledRun("2026-11-23T07:00:00Z"), dependencies);
    await postDigest(scheduledRun("2026-11-24T07:00:00Z"), dependencies);
    expect(replier.digests[1]?.post.notice).toBe("No new articles since 2026-11-23 08:00 Europe/Amsterdam.");
    await dependencies.subscriptions.save({ ...subscription, quiet: true }, 0);
    await postDigest(scheduledRun("2026-11-25T07:00:00Z"), dependencies);
    expect(replier.digests).toHaveLength(2);
    expect((await dependencies.subscriptions.progress(subscription.id)).lastScheduledDate).toBe("2026-11-25");
  });
});
