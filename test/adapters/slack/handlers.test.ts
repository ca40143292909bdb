import { describe, expect, it } from "vitest";
import type { SlackMessage } from "../../../src/adapters/slack/blocks.ts";
import { handleAppMention, type IncomingAppMention } from "../../../src/adapters/slack/handle-app-mention.ts";
import {
  type EphemeralReply,
  handleSlashCommand,
  type IncomingSlashCommand,
} from "../../../src/adapters/slack/handle-slash-command.ts";
import { plainTextFromSlack } from "../../../src/adapters/slack/incoming-text.ts";
import { slackJobId } from "../../../src/adapters/slack/job-ids.ts";
import { MemoryConversationMemory, MemoryQuestionQueue } from "../../../src/core/memory/index.ts";
import { JOB_ID } from "../../../src/queue/ask-job-schema.ts";

const BOT = "UBRIEFBOT";

function slashCommand(text: string, steps: string[]) {
  const acks: EphemeralReply[] = [];
  const command: IncomingSlashCommand = {
    triggerId: "13345224609.738474920.8088930838d88f008e0",
    teamId: "T0TEAM",
    channelId: "C0NEWS",
    userId: "U0ASKER",
    text,
    responseUrl: "https://hooks.slack.com/commands/T0TEAM/1/abc",
    ack: async (reply) => {
      steps.push("ack");
      acks.push(reply);
    },
    respond: async () => {
      steps.push("respond");
    },
  };
  return { command, acks };
}

function mention(overrides: Partial<IncomingAppMention> = {}) {
  const told: SlackMessage[] = [];
  const incoming: IncomingAppMention = {
    eventId: "Ev0001",
    teamId: "T0TEAM",
    channelId: "C0NEWS",
    userId: "U0ASKER",
    botId: undefined,
    text: `<@${BOT}> What will Trend Micro provide?`,
    ts: "1700000000.000100",
    threadTs: undefined,
    tellAuthor: async (message) => {
      told.push(message);
    },
    ...overrides,
  };
  return { incoming, told };
}

function mentionDependencies(queue = new MemoryQuestionQueue(), memory = new MemoryConversationMemory()) {
  return { botUserId: BOT, questions: queue, memory, now: () => 42, log: () => {} };
}

describe("handleSlashCommand", () => {
  it("acknowledges before it queues", async () => {
    const steps: string[] = [];
    const queue = new MemoryQuestionQueue();
    const recording = {
      ask: async (request: Parameters<MemoryQuestionQueue["ask"]>[0]) => {
        steps.push("ask");
        return await queue.ask(request);
      },
    };
    const { command, acks } = slashCommand("what will Trend Micro provide?", steps);
    const outcome = await handleSlashCommand(command, {
      questions: recording,
      articleCount: () => 7,
      now: () => 42,
      log: () => {},
    });
    expect(outcome).toBe("enqueued");
    expect(steps).toEqual(["ack", "ask"]);
    expect(acks[0]?.text).toBe("Searching 7 articles…");
    expect(queue.asked[0]).toMatchObject({
      jobId: "slack-cmd-13345224609_738474920_8088930838d88f008e0",
      requestedAt: 42,
    });
  });

  it("still acknowledges when counting the articles fails", async () => {
    const steps: string[] = [];
    const { command, acks } = slashCommand("what will Trend Micro provide?", steps);
    const outcome = await handleSlashCommand(command, {
      questions: new MemoryQuestionQueue(),
      articleCount: () => {
        throw new Error("store down");
      },
      now: () => 42,
      log: () => {},
    });
    expect(outcome).toBe("enqueued");
    expect(acks[0]?.text).toBe("Searching the articles…");
  });

  it("answers /brief hulp and /brief aide with the help in that language", async () => {
    for (const [word, expected] of [
      ["hulp", "/brief hulp"],
      ["aide", "/brief aide"],
    ] as const) {
      const { command, acks } = slashCommand(word, []);
      const outcome = await handleSlashCommand(command, {
        questions: new MemoryQuestionQueue(),
        articleCount: () => 1,
        now: () => 42,
        log: () => {},
      });
      expect(outcome).toBe("help");
      expect(JSON.stringify(acks[0])).toContain(expected);
    }
  });

  it("counts the articles the asker's channel sees, and acknowledges in the question's language", async () => {
    const { command, acks } = slashCommand("Wanneer opent het IGCI in Singapore?", []);
    const counted: Array<string | undefined> = [];
    await handleSlashCommand(command, {
      questions: new MemoryQuestionQueue(),
      articleCount: (target) => {
        counted.push(target?.channelId);
        return target ? 3 : 99;
      },
      now: () => 42,
      log: () => {},
    });
    expect(counted).toEqual([command.channelId]);
    expect(acks[0]?.text).toBe("Ik doorzoek 3 artikelen…");
  });
});

describe("handleAppMention", () => {
  it("ignores bots, itself, and events without a user", async () => {
    const queue = new MemoryQuestionQueue();
    for (const overrides of [{ botId: "B0OTHER" }, { userId: BOT }, { userId: undefined }]) {
      const { incoming, told } = mention(overrides);
      expect(await handleAppMention(incoming, mentionDependencies(queue))).toBe("ignored");
      expect(told).toHaveLength(0);
    }
    expect(queue.asked).toHaveLength(0);
  });

  it("falls back to channel and ts for the job id when the event id is missing", async () => {
    const queue = new MemoryQuestionQueue();
    const { incoming } = mention({ eventId: undefined });
    await handleAppMention(incoming, mentionDependencies(queue));
    expect(queue.asked[0]?.jobId).toBe("slack-ev-C0NEWS-1700000000_000100");
  });

  it("reports a retry as a duplicate and does not overwrite the thread's memory", async () => {
    const queue = new MemoryQuestionQueue();
    const memory = new MemoryConversationMemory();
    const { incoming } = mention();
    expect(await handleAppMention(incoming, mentionDependencies(queue, memory))).toBe("enqueued");
    await memory.remember("slack:C0NEWS:1700000000.000100", "a later question", 1);
    expect(await handleAppMention(incoming, mentionDependencies(queue, memory))).toBe("duplicate");
    expect((await memory.turns("slack:C0NEWS:1700000000.000100"))?.questions.at(-1)).toBe("a later question");
  });

  it("queues without the previous question when the memory is unreachable", async () => {
    const queue = new MemoryQuestionQueue();
    const broken = {
      turns: async () => {
        throw new Error("redis down");
      },
      remember: async () => {
        throw new Error("redis down");
      },
      rememberAnswer: async () => {
        throw new Error("redis down");
      },
    };
    const { incoming } = mention({ threadTs: "1699999999.000001" });
    const outcome = await handleAppMention(incoming, { ...mentionDependencies(queue), memory: broken });
    expect(outcome).toBe("enqueued");
    expect(queue.asked[0]?.previousQuestion).toBeUndefined();
  });
});

describe("Slack text and ids", () => {
  it("reads the question out of Slack's formatting", () => {
    expect(plainTextFromSlack(`<@${BOT}> what did <@U0ALICE|alice> say in <#C0NEWS|news>?`, BOT).trim()).toBe(
      "what did @alice say in #news?",
    );
    expect(
      plainTextFromSlack("see <https://example.com/a?b=1&amp;c=2|the article> &lt;now&gt; <!here>"),
    ).toBe("see the article <now> @here");
    expect(plainTextFromSlack("<https://example.com>")).toBe("https://example.com");
  });

  it("makes job ids BullMQ accepts: no ':', never only digits", () => {
    for (const id of ["123456", "1700000000.000100", "C0:1700000000.000100", "Ev0ABC"]) {
      for (const prefix of ["slack-cmd", "slack-ev"] as const) {
        const jobId = slackJobId(prefix, id);
        expect(jobId).toMatch(JOB_ID);
        expect(jobId).not.toContain(":");
        expect(jobId.startsWith(`${prefix}-`)).toBe(true);
      }
    }
  });
});
