import type { Client } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { connectDiscordClient, createDiscordClient } from "../../../src/adapters/discord/discord-client.ts";
import { MemoryConversationMemory, MemoryQuestionQueue } from "../../../src/core/memory/index.ts";
import { FakeDiscord } from "../../support/fake-discord.ts";
import { until } from "../../support/until.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("Discord follow-ups: a reply to the bot's answer", () => {
  it("is a question read with the asker's latest questions in the channel, until the conversation goes idle", async () => {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.close());
    const queue = new MemoryQuestionQueue();
    const memory = new MemoryConversationMemory();
    let clock = 1_000_000;
    const client: Client = createDiscordClient({
      token: "fake-bot-token",
      apiUrl: fake.apiUrl,
      questions: queue,
      memory,
      followUpIdleMs: 10 * 60_000,
      now: () => clock,
      log: () => {},
    });
    cleanups.push(() => client.destroy());
    await connectDiscordClient(client, 10_000);

    fake.sendMessageCreate({ content: "What did Trend Micro sign with Interpol?", mentionsBot: true });
    await until(() => queue.jobs.size === 1, "the first question");
    await until(() => memory.threads.size === 1, "the first question to be remembered");
    clock += 60_000;
    fake.sendMessageCreate({ content: "and for how long?", replyToBotMessage: "1234567890123456789" });
    await until(() => queue.jobs.size === 2, "the follow-up");
    expect(queue.requests[1]).toMatchObject({
      question: "and for how long?",
      previousQuestion: "What did Trend Micro sign with Interpol?",
    });

    clock += 11 * 60_000;
    fake.sendMessageCreate({ content: "and where?", replyToBotMessage: "1234567890123456789" });
    await until(() => queue.jobs.size === 3, "the late reply");
    expect(queue.requests[2]?.previousQuestion).toBeUndefined();
  });
});
