import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueQuestion, QUEUE_FAILED_NOTICE } from "../../../src/adapters/chat/inbound-ask.ts";
import { OutboxQuestionQueue } from "../../../src/adapters/chat/question-outbox.ts";
import { validateQuestion } from "../../../src/core/answer/question.ts";
import type { AskRequest, SlackTarget } from "../../../src/core/chat.ts";
import { MemoryQuestionQueue } from "../../../src/core/memory/index.ts";
import { BullQuestionQueue } from "../../../src/queue/bull-question-queue.ts";
import { redisConnection } from "../../../src/store/redis-connections.ts";
import { startRedis, type ThrowawayRedis } from "../../support/redis-server.ts";
import { until } from "../../support/until.ts";

const target: SlackTarget = { platform: "slack", channelId: "C1", userId: "U1", threadTs: "1.2" };

function request(jobId: string): AskRequest {
  return { jobId, question: validateQuestion("What will Trend Micro provide?"), target, requestedAt: 1 };
}

function logged() {
  const lines: string[] = [];
  return { lines, log: (event: string) => lines.push(event) };
}

describe("the question outbox", () => {
  it("holds a question while the queue is unreachable and queues it, once, when the queue is back", async () => {
    const queue = new MemoryQuestionQueue();
    const { lines, log } = logged();
    const outbox = new OutboxQuestionQueue(queue, { retryMs: 10_000, log });
    queue.unreachable = true;
    const told: string[] = [];
    const outcome = await enqueueQuestion(
      { jobId: "slack-cmd-1", question: validateQuestion("What will Trend Micro provide?"), target },
      { questions: outbox, now: () => 1, log },
      async (notice) => {
        told.push(notice);
      },
    );
    expect(outcome).toBe("enqueued");
    expect(lines).toContain("slack_question_held");
    expect(outbox.size).toBe(1);
    await new Promise((wake) => setTimeout(wake, 600));
    queue.unreachable = false;
    await until(() => outbox.size === 0, "the held question to be queued");
    expect(queue.requests.map((r) => r.jobId)).toEqual(["slack-cmd-1"]);
    expect(lines).toContain("question_queued_late");
    expect(told).toEqual([]);
  });

  it("tells the asker when the queue stays away past ENQUEUE_RETRY_MS, and on close, never silently", async () => {
    const queue = new MemoryQuestionQueue();
    queue.unreachable = true;
    const { log } = logged();
    const outbox = new OutboxQuestionQueue(queue, { retryMs: 400, log });
    const abandoned: string[] = [];
    await outbox.ask(request("a"), async () => {
      abandoned.push("a");
    });
    await until(() => abandoned.length === 1, "the asker to be told", 5_000);
    await outbox.ask(request("b"), async () => {
      abandoned.push("b");
    });
    await outbox.close(300);
    expect(abandoned).toEqual(["a", "b"]);
    await expect(outbox.ask(request("c"))).rejects.toThrow(/Could not queue/);
  });

  it("refuses at once when full, or when retrying is off", async () => {
    const queue = new MemoryQuestionQueue();
    queue.unreachable = true;
    const { log } = logged();
    const full = new OutboxQuestionQueue(queue, { retryMs: 10_000, capacity: 1, log });
    expect(await full.ask(request("a"))).toEqual({ enqueued: true, held: true });
    await expect(full.ask(request("b"))).rejects.toThrow();
    await full.close(0);
    const off = new OutboxQuestionQueue(queue, { retryMs: 0, log });
    const told: string[] = [];
    const outcome = await enqueueQuestion(
      { jobId: "x", question: validateQuestion("Why?"), target },
      { questions: off, now: () => 1, log },
      async (notice) => {
        told.push(notice);
      },
    );
    expect(outcome).toBe("queue_failed");
    expect(told).toEqual([QUEUE_FAILED_NOTICE]);
  });
});

describe("the question outbox over a real Redis that restarts", () => {
  let redis: ThrowawayRedis;

  beforeAll(async () => {
    redis = await startRedis();
  });

  afterAll(async () => {
    await redis.stop();
  });

  it("loses none of the questions asked while Redis was down", async () => {
    const producer = redisConnection(redis.url, "producer");
    const queue = new BullQuestionQueue(producer, "outbox-test");
    const { log } = logged();
    const outbox = new OutboxQuestionQueue(queue, { retryMs: 30_000, log });
    const abandoned: string[] = [];
    try {
      await until(() => producer.status === "ready", "the producer to connect");
      const restarted = redis.restart();
      await until(() => producer.status !== "ready", "Redis to go down");
      const asked = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          outbox.ask(request(`q-${index}`), async () => {
            abandoned.push(`q-${index}`);
          }),
        ),
      );
      expect(asked.every((result) => result.enqueued)).toBe(true);
      expect(asked.some((result) => result.held)).toBe(true);
      await restarted;
      await until(() => outbox.size === 0, "every held question to be queued", 20_000);
      const checker = redisConnection(redis.url, "worker");
      const counted = new BullQuestionQueue(checker, "outbox-test");
      expect((await counted.counts()).waiting).toBe(20);
      await counted.close();
      checker.disconnect();
      expect(abandoned).toEqual([]);
    } finally {
      await outbox.close(0);
      await queue.close();
      producer.disconnect();
    }
  }, 40_000);
});
