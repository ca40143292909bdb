import { Queue, type Worker } from "bullmq";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SlackReplier } from "../../src/adapters/slack/slack-replier.ts";
import type { AskRequest } from "../../src/core/chat.ts";
import { Library } from "../../src/core/library.ts";
import type { Answer } from "../../src/core/types.ts";
import { AnswerEngine } from "../../src/flows/ask/answer-engine.ts";
import { reportAskFailure, runAskJob } from "../../src/flows/ask/ask-job.ts";
import type { ModelCallContext } from "../../src/flows/model/model-call.ts";
import { startAskWorker } from "../../src/queue/ask-worker.ts";
import { BullQuestionQueue } from "../../src/queue/bull-question-queue.ts";
import { ASK_QUEUE, queuePrefix } from "../../src/queue/queue-names.ts";
import { ASK_JOB_OPTIONS } from "../../src/queue/retry-policy.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { redisConnection } from "../../src/store/redis-connections.ts";
import { RedisDeliveryLog } from "../../src/store/redis-delivery-log.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { until } from "../support/until.ts";

const TOKEN = "xoxb-safe-failure";
const INTERNAL_TEXT = "ECONNRESET 10.1.2.3:6379 read failed";

/** An engine whose answer fails the way a dropped connection does: a plain Error with internal text. */
class FailingEngine extends AnswerEngine {
  override async answer(_question: string, _context: ModelCallContext): Promise<Answer> {
    throw new Error(INTERNAL_TEXT);
  }
}

let redis: ThrowawayRedis;
let slack: FakeSlack;
let run = 0;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  redis = await startRedis();
  slack = await FakeSlack.start({ token: TOKEN });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await slack?.close();
  await redis?.stop();
});

async function setUp() {
  const namespace = `safe${process.pid}-${run++}`;
  const client = redis.client();
  const library = new Library();
  const logs: Array<{ event: string; fields: Record<string, unknown> }> = [];
  const log = (event: string, fields: Record<string, unknown> = {}) => void logs.push({ event, fields });
  const dependencies = {
    library,
    store: new RedisArticleStore(client, namespace),
    repliers: { slack: new SlackReplier({ token: TOKEN, apiUrl: slack.apiUrl, channelIntervalMs: 0, log }) },
    deliveries: new RedisDeliveryLog(client, namespace),
    engine: new FailingEngine({ library, log }),
    log,
  };
  const producer = redisConnection(redis.url, "producer");
  const queue = new BullQuestionQueue(producer, namespace);
  const workerRedis = redisConnection(redis.url, "worker");
  const worker: Worker = startAskWorker({
    connection: workerRedis,
    namespace,
    answer: (request, attempt) => runAskJob(request, dependencies, attempt),
    giveUp: (request, error) => reportAskFailure(request, error, dependencies),
    log,
  });
  cleanups.push(async () => {
    await worker.close();
    await queue.close();
    producer.disconnect();
    workerRedis.disconnect();
  });
  return { queue, client, logs, namespace, producer };
}

function request(jobId: string): AskRequest {
  return {
    jobId,
    question: "Who is the CEO of Trend Micro?",
    target: { platform: "slack", channelId: "C1", userId: "U1" },
    requestedAt: Date.now(),
  };
}

/** Everything Slack was sent for the asker's channel, as one text. */
function sentToSlack(): string {
  return JSON.stringify(slack.calls.filter((call) => call.body.channel === "C1").map((call) => call.body));
}

describe("a job that fails with internal text", () => {
  it("tells the asker a short safe sentence, and logs the full error with its code", async () => {
    slack.calls.length = 0;
    const { queue, logs } = await setUp();
    await queue.ask(request("slack-ev-Safe1"));
    await until(() => slack.callsTo("chat.postEphemeral").length >= 1, "the failure notice");

    const [notice] = slack.callsTo("chat.postEphemeral");
    expect(notice?.body.text).toBe(
      'Sorry, I could not answer "Who is the CEO of Trend Micro?". Something went wrong inside Briefbot. Please try again in a minute.',
    );
    expect(sentToSlack()).not.toMatch(/ECONNRESET|10\.1\.2\.3|6379|read failed|Error/u);

    const failed = logs.filter((entry) => entry.event === "job_failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]?.fields).toMatchObject({
      jobId: "slack-ev-Safe1",
      code: "INTERNAL",
      error: `Error: ${INTERNAL_TEXT}`,
      retrying: false,
    });
    expect(String(failed[0]?.fields.stack)).toContain(INTERNAL_TEXT);
  });

  it("reports a corrupt stored delivery record as stored data that could not be read", async () => {
    slack.calls.length = 0;
    const { queue, client, logs, namespace } = await setUp();
    await client.set(`{${namespace}}:delivery:slack-ev-Safe2`, '{"platform":"slack","secret":"10.1.2.3"');
    await queue.ask(request("slack-ev-Safe2"));
    await until(() => slack.callsTo("chat.postEphemeral").length >= 1, "the failure notice");

    expect(slack.callsTo("chat.postEphemeral")[0]?.body.text).toBe(
      'Sorry, I could not answer "Who is the CEO of Trend Micro?". Some of Briefbot\'s stored data could not be read. Please try again in a minute.',
    );
    expect(sentToSlack()).not.toContain("10.1.2.3");
    expect(logs.find((entry) => entry.event === "job_failed")?.fields).toMatchObject({
      code: "STORE_CORRUPT",
      error: expect.stringContaining(`{${namespace}}:delivery:slack-ev-Safe2`),
      retrying: false,
    });
  });

  it("fails a job whose data does not read back for good, logged with its code", async () => {
    slack.calls.length = 0;
    const { logs, namespace, producer } = await setUp();
    const raw = new Queue(ASK_QUEUE, { connection: producer, prefix: queuePrefix(namespace) });
    cleanups.push(() => raw.close());
    const job = await raw.add("ask", { jobId: "slack-ev-Safe3", question: 42 }, ASK_JOB_OPTIONS);
    await until(async () => (await job.isFailed()) === true, "the job to fail");

    const failed = logs.filter((entry) => entry.event === "job_failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]?.fields).toMatchObject({ code: "STORE_CORRUPT", retrying: false });
    expect(String(failed[0]?.fields.error)).toMatch(/question/u);
    expect((await raw.getJob(job.id ?? ""))?.attemptsMade).toBe(1);
    expect(sentToSlack()).toBe("[]");
  });
});
