import { describe, expect, it } from "vitest";
import {
  askNotice,
  checkQuestion,
  enqueueQuestion,
  QUEUE_FAILED_NOTICE,
  screenQuestion,
} from "../../../src/adapters/chat/inbound-ask.ts";
import { validateQuestion } from "../../../src/core/answer/question.ts";
import type { SlackTarget } from "../../../src/core/chat.ts";
import { MemoryQuestionQueue } from "../../../src/core/memory/index.ts";

const target: SlackTarget = { platform: "slack", channelId: "C1", userId: "U1", threadTs: "1.2" };

function dependencies(queue = new MemoryQuestionQueue()) {
  const logged: Array<{ event: string; fields: Record<string, unknown> }> = [];
  return {
    queue,
    logged,
    deps: {
      questions: queue,
      now: () => 42,
      log: (event: string, fields: Record<string, unknown>) => logged.push({ event, fields }),
    },
  };
}

describe("checkQuestion", () => {
  it("asks for usage on empty text, and on help words only where they are help", () => {
    expect(checkQuestion("   ")).toEqual({ kind: "help" });
    expect(checkQuestion(" Help ", { helpWords: true })).toEqual({ kind: "help", language: "en" });
    expect(checkQuestion("?", { helpWords: true })).toEqual({ kind: "help", language: "en" });
    expect(checkQuestion("Hulp", { helpWords: true })).toEqual({ kind: "help", language: "nl" });
    expect(checkQuestion("aide", { helpWords: true })).toEqual({ kind: "help", language: "fr" });
    expect(checkQuestion("help")).toEqual({ kind: "question", question: "help" });
  });

  it("refuses an over-long question with the reason, and collapses whitespace in a good one", () => {
    const refused = checkQuestion("why ".repeat(400));
    expect(refused.kind).toBe("refused");
    expect(checkQuestion("  Who   signed\nit? ")).toEqual({ kind: "question", question: "Who signed it?" });
  });
});

describe("screenQuestion", () => {
  it("shows the usage or the refusal and says which, or hands back the question", async () => {
    const shown: string[] = [];
    const replies = {
      help: async () => void shown.push("help"),
      refuse: async (reason: string) => void shown.push(`refused: ${reason.slice(0, 15)}`),
    };
    expect(await screenQuestion("", replies)).toBe("help");
    expect(await screenQuestion("why ".repeat(400), replies)).toBe("refused");
    expect(await screenQuestion("Who signed?", replies)).toEqual({ question: "Who signed?" });
    expect(shown).toEqual(["help", expect.stringMatching(/^refused: /u)]);
  });
});

describe("enqueueQuestion", () => {
  const inbound = {
    jobId: "slack-ev-Ev1",
    question: validateQuestion("Who signed?"),
    target,
  };

  it("queues the request with the time, the previous question and the mode, and tells nothing", async () => {
    const { deps, queue, logged } = dependencies();
    const told: string[] = [];
    const outcome = await enqueueQuestion(
      { ...inbound, previousQuestion: "Who met?", summarize: true },
      deps,
      async (notice) => void told.push(notice),
    );
    expect(outcome).toBe("enqueued");
    expect(queue.requests).toEqual([
      {
        jobId: "slack-ev-Ev1",
        question: "Who signed?",
        previousQuestion: "Who met?",
        target,
        requestedAt: 42,
        mode: "summarize",
      },
    ]);
    expect(told).toEqual([]);
    expect(logged).toEqual([
      {
        event: "slack_question_queued",
        fields: {
          jobId: "slack-ev-Ev1",
          platform: "slack",
          channel: target.channelId,
          enqueued: true,
          ackMs: 0,
        },
      },
    ]);
  });

  it("leaves out an empty previous question and the answer mode", async () => {
    const { deps, queue } = dependencies();
    await enqueueQuestion(
      { ...inbound, previousQuestion: undefined, summarize: false },
      deps,
      async () => {},
    );
    expect(queue.requests[0]).toEqual({
      jobId: "slack-ev-Ev1",
      question: "Who signed?",
      target,
      requestedAt: 42,
    });
  });

  it("reports a platform retry as a duplicate", async () => {
    const { deps } = dependencies();
    expect(await enqueueQuestion(inbound, deps, async () => {})).toBe("enqueued");
    expect(await enqueueQuestion(inbound, deps, async () => {})).toBe("duplicate");
  });

  it("tells the asker when the queue is unreachable, and logs it per platform", async () => {
    const queue = new MemoryQuestionQueue();
    queue.unreachable = true;
    const { deps, logged } = dependencies(queue);
    const told: string[] = [];
    const outcome = await enqueueQuestion(
      { ...inbound, jobId: "discord-msg-1", target: { platform: "discord", channelId: "1", userId: "2" } },
      deps,
      async (notice) => void told.push(notice),
    );
    expect(outcome).toBe("queue_failed");
    expect(told).toEqual([QUEUE_FAILED_NOTICE]);
    expect(logged.map((line) => line.event)).toEqual(["discord_queue_failed"]);
    expect(logged[0]?.fields).toMatchObject({
      jobId: "discord-msg-1",
      error: expect.stringContaining("ECONNREFUSED"),
    });
  });
});

describe("askNotice", () => {
  it("has words only for a question that could not be queued", () => {
    expect(askNotice("enqueued")).toBeUndefined();
    expect(askNotice("duplicate")).toBeUndefined();
    expect(askNotice("queue_failed")).toBe(
      "Sorry, I could not queue your question: the question queue is not reachable right now. Please try again in a minute.",
    );
  });
});
