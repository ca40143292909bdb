import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningServices, startWorker } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import type { AskRequest, DeliveryRecord, ReplyTarget } from "../../src/core/chat.ts";
import { DAY_MS } from "../../src/core/retention.ts";
import type { Answer, IngestedArticle } from "../../src/core/types.ts";
import { BullQuestionQueue } from "../../src/queue/bull-question-queue.ts";
import { RETENTION_PATTERN, RetentionSchedule } from "../../src/queue/retention-schedule.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { redisConnection } from "../../src/store/redis-connections.ts";
import { onePassageArticle } from "../support/one-passage-article.ts";
import { RecordingReplier } from "../support/recording-replier.ts";
import { redisPerFile } from "../support/redis-server.ts";
import { until } from "../support/until.ts";

/** Records every answer it is given, with its sources, besides posting it as the recording replier does. */
class CitingReplier extends RecordingReplier {
  readonly answers: Answer[] = [];

  override async deliverAnswer(
    target: ReplyTarget,
    answer: Answer,
    alreadyPosted: DeliveryRecord | undefined,
    onPosted: (record: DeliveryRecord) => Promise<void>,
  ): Promise<DeliveryRecord> {
    this.answers.push(answer);
    return await super.deliverAnswer(target, answer, alreadyPosted, onPosted);
  }
}

function article(id: string, text: string, published?: string): IngestedArticle {
  const ingested = onePassageArticle(id, text, { title: `About ${id}`, contentHash: `hash-${id}` });
  return published === undefined ? ingested : { ...ingested, article: { ...ingested.article, published } };
}

/** Age counts from arrival: an archive article stored today stays; a recent one stored long ago goes. */
const BRIDGE = article(
  "bridge",
  "The Erasmus bridge in Rotterdam reopened after repairs to its cables on Friday.",
  "2013-05-01",
);
const HARBOUR = article(
  "harbour",
  "The Rotterdam harbour closed on Monday because of a storm with winds of 120 km/h.",
);
const TUNNEL = article(
  "tunnel",
  "The Maastunnel in Rotterdam is closed for cyclists because its escalators are being replaced.",
  new Date().toISOString().slice(0, 10),
);

const redis = redisPerFile();
let run = 0;
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Stored today, and stored 800 days ago. */
interface Stored {
  today: IngestedArticle[];
  longAgo: IngestedArticle[];
}

async function setUp(environment: Record<string, string>, { today, longAgo }: Stored) {
  const namespace = `retention-${process.pid}-${run++}`;
  const client = redis.client();
  /** The store's clock: arrivals are stamped `daysAgo` days before the real time. */
  const clock = { daysAgo: 800 };
  const store = new RedisArticleStore(client, namespace, () => Date.now() - clock.daysAgo * DAY_MS);
  await store.put(longAgo);
  clock.daysAgo = 0;
  await store.put(today);
  const replier = new CitingReplier();
  const logs: string[] = [];
  const schedule = new RetentionSchedule(client, namespace);
  const questions = new BullQuestionQueue(redisConnection(redis.url, "producer"), namespace);
  let services: RunningServices | undefined;
  cleanups.push(async () => {
    await services?.stop();
    await questions.close();
    await schedule.close();
  });
  const start = async () => {
    services = await startWorker(
      loadConfig({ REDIS_URL: redis.url, BRIEFBOT_NAMESPACE: namespace, ...environment }),
      (event, fields) => logs.push(`${event} ${JSON.stringify(fields)}`),
      { repliers: { slack: replier } },
    );
  };
  let asked = 0;
  /** The ids of the articles the answer to `question` cites. */
  const citedFor = async (question: string): Promise<string[]> => {
    const request: AskRequest = {
      jobId: `slack-ev-${namespace}-${asked++}`,
      question,
      target: { platform: "slack", channelId: "C1", userId: "U1" },
      requestedAt: Date.now(),
    };
    await questions.ask(request);
    await until(() => replier.answers.length >= asked, `the answer to "${question}"`);
    return (replier.answers[asked - 1]?.sources ?? []).map((source) => source.articleId);
  };
  return { namespace, client, clock, store, schedule, logs, start, citedFor };
}

describe("ARTICLE_RETENTION_DAYS", () => {
  it("removes old articles at start and on the hourly scheduler's runs: out of the store, the index and the vectors", async () => {
    const { namespace, client, clock, store, schedule, logs, start, citedFor } = await setUp(
      { ARTICLE_RETENTION_DAYS: "365" },
      { today: [BRIDGE], longAgo: [HARBOUR] },
    );
    await start();
    expect(await store.get("harbour")).toBeUndefined();
    expect(logs.join("\n")).toMatch(/retention_applied \{"removed":1,/);
    expect(logs.join("\n")).toMatch(/worker_started .*"articles":1,"retentionDays":365/);
    expect(await schedule.nextRunAt()).toBeGreaterThan(Date.now());
    const scheduler = await schedule.nextRunAt();
    expect(new Date(scheduler ?? 0).getUTCMinutes()).toBe(Number(RETENTION_PATTERN.split(" ")[0]));

    // An article stored 400 days ago (a clock set back here), however recent its date, is answered from…
    clock.daysAgo = 400;
    await store.put([TUNNEL]);
    clock.daysAgo = 0;
    await store.putVectors([
      { articleId: "tunnel", contentHash: "hash-tunnel", model: "m", vectors: [Float32Array.of(1, 0)] },
    ]);
    expect(await citedFor("Why is the Maastunnel closed for cyclists?")).toContain("tunnel");

    // …until the next retention run takes it out of the store and the running worker's index.
    await schedule.runNow();
    await until(async () => (await store.get("tunnel")) === undefined, "the retention run");
    expect(await client.exists(`{${namespace}}:vec:tunnel`)).toBe(0);
    expect(await citedFor("Why is the Maastunnel closed for cyclists?")).not.toContain("tunnel");
    expect(await citedFor("When did the Erasmus bridge reopen?")).toContain("bridge");
    expect((await store.list()).map((a) => a.id)).toEqual(["bridge"]);
  });

  it("keeps everything with 0, and removes the scheduler an earlier configuration made", async () => {
    const { store, schedule, logs, start, citedFor } = await setUp(
      { ARTICLE_RETENTION_DAYS: "0" },
      { today: [BRIDGE], longAgo: [HARBOUR] },
    );
    await schedule.reconcile(true);
    expect(await schedule.nextRunAt()).toBeDefined();
    await start();
    expect(await schedule.nextRunAt()).toBeUndefined();
    expect(logs.join("\n")).not.toMatch(/retention_applied/);
    expect(await citedFor("Why did the Rotterdam harbour close?")).toContain("harbour");
    expect((await store.list()).map((a) => a.id).sort()).toEqual(["bridge", "harbour"]);
  });

  it("seeds an empty embedded store with all the seeds under the default retention (365 days)", async () => {
    const dataDirectory = await mkdtemp(join(tmpdir(), "briefbot-retention-"));
    const logs: string[] = [];
    const services = await startWorker(loadConfig({ BRIEFBOT_DATA_DIR: dataDirectory }), (event, fields) =>
      logs.push(`${event} ${JSON.stringify(fields)}`),
    );
    cleanups.push(async () => {
      await services.stop();
      await rm(dataDirectory, { recursive: true, force: true });
    });
    // Three of the five seeds are dated 2013 and 2014: retention counts from their arrival, so all five stay.
    expect(logs.join("\n")).toMatch(/seeded_store .*"added":5\}/);
    expect(logs.join("\n")).not.toMatch(/retention_applied/);
    expect(logs.join("\n")).toMatch(/worker_started .*"articles":5,"retentionDays":365/);
  });
});
