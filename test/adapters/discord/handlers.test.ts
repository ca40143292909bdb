import { describe, expect, it } from "vitest";
import {
  handleBriefCommand,
  type IncomingBriefCommand,
} from "../../../src/adapters/discord/handle-brief-command.ts";
import {
  handleDiscordMessage,
  type IncomingDiscordMessage,
} from "../../../src/adapters/discord/handle-message.ts";
import type { DiscordMessagePayload } from "../../../src/adapters/discord/payload.ts";
import { MemoryQuestionQueue } from "../../../src/core/memory/index.ts";

const BOT = "1100000000000000001";

function message(overrides: Partial<IncomingDiscordMessage> = {}) {
  const replies: DiscordMessagePayload[] = [];
  const incoming: IncomingDiscordMessage = {
    id: "1700000000000000001",
    channelId: "1300000000000000001",
    guildId: "1200000000000000001",
    authorId: "1400000000000000001",
    authorIsBot: false,
    content: `<@${BOT}> What will Trend Micro provide?`,
    mentionsBot: true,
    isDirectMessage: false,
    reply: async (payload) => {
      replies.push(payload);
    },
    ...overrides,
  };
  return { incoming, replies };
}

function command(overrides: Partial<IncomingBriefCommand> = {}) {
  const steps: string[] = [];
  const edits: DiscordMessagePayload[] = [];
  const incoming: IncomingBriefCommand = {
    id: "1800000000000000001",
    applicationId: BOT,
    token: "token-1",
    channelId: "1300000000000000001",
    guildId: undefined,
    userId: "1400000000000000001",
    question: "What will Trend Micro provide?",
    deferReply: async () => {
      steps.push("defer");
    },
    editReply: async (payload) => {
      steps.push("edit");
      edits.push(payload);
    },
    ...overrides,
  };
  return { incoming, steps, edits };
}

function dependencies(queue = new MemoryQuestionQueue()) {
  const events: string[] = [];
  return {
    queue,
    events,
    deps: {
      botUserId: BOT,
      botName: "Briefbot",
      questions: queue,
      now: () => 42,
      log: (event: string) => events.push(event),
    },
  };
}

describe("handleDiscordMessage", () => {
  it("takes a direct message as a question without a mention, with no guild in the target", async () => {
    const { deps, queue } = dependencies();
    const { incoming } = message({
      content: "Who signed?",
      mentionsBot: false,
      isDirectMessage: true,
      guildId: undefined,
    });
    expect(await handleDiscordMessage(incoming, deps)).toBe("enqueued");
    expect(queue.requests[0]).toEqual({
      jobId: "discord-msg-1700000000000000001",
      question: "Who signed?",
      target: {
        platform: "discord",
        channelId: "1300000000000000001",
        userId: "1400000000000000001",
        replyToMessageId: "1700000000000000001",
      },
      requestedAt: 42,
    });
  });

  it("strips every form of the bot's mention and collapses whitespace", async () => {
    const { deps, queue } = dependencies();
    await handleDiscordMessage(
      message({ content: `<@!${BOT}>\n  Who   signed <@${BOT}> it?` }).incoming,
      deps,
    );
    expect(queue.requests[0]?.question).toBe("Who signed it?");
  });

  it("reports a platform retry as a duplicate and queues it once", async () => {
    const { deps, queue } = dependencies();
    const { incoming } = message();
    expect(await handleDiscordMessage(incoming, deps)).toBe("enqueued");
    expect(await handleDiscordMessage(incoming, deps)).toBe("duplicate");
    expect(queue.requests).toHaveLength(1);
  });

  it("says so when the queue is unreachable, and survives a failing reply", async () => {
    const { deps, queue, events } = dependencies();
    queue.unreachable = true;
    const { incoming, replies } = message();
    expect(await handleDiscordMessage(incoming, deps)).toBe("queue_failed");
    expect(replies[0]?.content).toContain("could not queue your question");

    const failing = message({ reply: async () => Promise.reject(new Error("Missing Access")) });
    expect(await handleDiscordMessage(failing.incoming, deps)).toBe("queue_failed");
    expect(events).toContain("discord_reply_failed");
  });
});

describe("handleBriefCommand", () => {
  it("defers before anything else and queues with the interaction", async () => {
    const { deps, queue } = dependencies();
    const { incoming, steps } = command();
    expect(await handleBriefCommand(incoming, deps)).toBe("enqueued");
    expect(steps).toEqual(["defer"]);
    expect(queue.requests[0]).toMatchObject({
      jobId: "discord-int-1800000000000000001",
      target: { interaction: { applicationId: BOT, token: "token-1" } },
    });
    expect(queue.requests[0]?.target).not.toHaveProperty("guildId");
  });

  it("edits the deferred reply for an empty or over-long question, and queues nothing", async () => {
    const { deps, queue } = dependencies();
    const empty = command({ question: "   " });
    expect(await handleBriefCommand(empty.incoming, deps)).toBe("usage");
    expect(empty.edits[0]?.content).toContain("/brief");
    const long = command({ question: "why ".repeat(400) });
    expect(await handleBriefCommand(long.incoming, deps)).toBe("refused");
    expect(long.edits[0]?.content).toMatch(/keep it under 1,000/);
    expect(queue.requests).toEqual([]);
  });

  it("queues nothing when the interaction could not be deferred (it has expired)", async () => {
    const { deps, queue, events } = dependencies();
    const { incoming } = command({
      deferReply: async () => Promise.reject(new Error("Unknown interaction")),
    });
    expect(await handleBriefCommand(incoming, deps)).toBe("defer_failed");
    expect(queue.requests).toEqual([]);
    expect(events).toEqual(["discord_defer_failed"]);
  });
});
