import { afterEach, describe, expect, it } from "vitest";
import { connectDiscordClient, createDiscordClient } from "../../../src/adapters/discord/discord-client.ts";
import { DiscordReplier } from "../../../src/adapters/discord/discord-replier.ts";
import { parseFeedbackCustomId } from "../../../src/adapters/discord/feedback-buttons.ts";
import type { DiscordActionRow } from "../../../src/adapters/discord/payload.ts";
import type { DiscordTarget } from "../../../src/core/chat.ts";
import { MemoryFeedbackStore, MemoryQuestionQueue } from "../../../src/core/memory/index.ts";
import type { Answer } from "../../../src/core/types.ts";
import { answeredQuestion } from "../../../src/flows/feedback/answered-question.ts";
import { FakeDiscord } from "../../support/fake-discord.ts";
import { until } from "../../support/until.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const answer: Answer = {
  question: "What will Trend Micro provide?",
  status: "answered",
  bullets: [{ text: "Threat intelligence and training to INTERPOL.", citations: [1] }],
  sources: [
    {
      n: 1,
      articleId: "article-1",
      title: "Article 1",
      source: "ZDNet",
      url: null,
      published: "2014-10-02",
      language: "en",
      passageId: "article-1#0",
      passage: "Trend Micro will provide threat intelligence and training.",
    },
  ],
};

async function connected() {
  const fake = await FakeDiscord.start();
  cleanups.push(() => fake.close());
  const feedback = new MemoryFeedbackStore();
  const logs: string[] = [];
  const client = createDiscordClient({
    token: "fake-bot-token",
    apiUrl: fake.apiUrl,
    questions: new MemoryQuestionQueue(),
    feedback,
    log: (event) => logs.push(event),
  });
  cleanups.push(() => client.destroy());
  await connectDiscordClient(client, 10_000);
  return { fake, feedback, logs };
}

/** Posts the answer as the worker does; returns the custom ids of its buttons (👍 first). */
async function postedAnswer(fake: FakeDiscord, feedback: MemoryFeedbackStore, jobId: string) {
  const target: DiscordTarget = {
    platform: "discord",
    channelId: fake.channelId,
    guildId: fake.guildId,
    userId: fake.reader.id,
    replyToMessageId: fake.snowflake(),
  };
  await feedback.rememberAnswer(answeredQuestion(jobId, answer.question, answer, target, Date.now()));
  const replier = new DiscordReplier({ token: "fake-bot-token", apiUrl: fake.apiUrl });
  await replier.deliverAnswer(target, answer, undefined, async () => {}, jobId);
  const posted = fake.callsTo("POST", /^\/channels\/\d+\/messages$/u).at(-1)?.body as {
    components?: DiscordActionRow[];
  };
  const ids = posted.components?.[0]?.components.map((button) => button.custom_id) ?? [];
  expect(ids).toHaveLength(2);
  for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
  return ids as [string, string];
}

/** The private reply a click got, once it has been edited from "thinking…" into text. */
async function privateReply(fake: FakeDiscord, token: string): Promise<string> {
  await until(
    () =>
      typeof fake.originalResponse(token)?.content === "string" &&
      fake.originalResponse(token)?.content !== "",
  );
  return String(fake.originalResponse(token)?.content);
}

describe("👍/👎 on Discord answers, through discord.js", () => {
  it("puts a row of two buttons on the answer, defers a click privately within 3 s and records it once per user", async () => {
    const { fake, feedback } = await connected();
    const [up, down] = await postedAnswer(fake, feedback, "discord-msg-1500000000000000009");
    expect(parseFeedbackCustomId(up)).toEqual({ vote: "up", jobId: "discord-msg-1500000000000000009" });

    const started = Date.now();
    const first = fake.sendButtonClick({ customId: down });
    const deferred = await fake.waitForCall("POST", new RegExp(`^/interactions/${first.id}/`, "u"));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(deferred.body).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(await privateReply(fake, first.token)).toMatch(/^Thanks/u);

    const again = fake.sendButtonClick({ customId: up });
    await privateReply(fake, again.token);
    const other = fake.sendButtonClick({ customId: up, userId: "1400000000000000077", locale: "fr" });
    expect(await privateReply(fake, other.token)).toBe("Merci pour votre avis !");

    const votes = await feedback.votesSince(0);
    expect(votes.map(({ userId, vote }) => ({ userId, vote }))).toEqual([
      { userId: fake.reader.id, vote: "down" },
      { userId: "1400000000000000077", vote: "up" },
    ]);
    expect(votes[0]).toMatchObject({
      question: answer.question,
      sourceIds: ["article-1"],
      platform: "discord",
      tenantId: fake.guildId,
      channelId: fake.channelId,
    });
  });

  it("refuses a click from another server, another channel, or with a forged answer id: nothing recorded", async () => {
    const { fake, feedback, logs } = await connected();
    const [up] = await postedAnswer(fake, feedback, "discord-msg-1500000000000000010");
    const clicks = [
      fake.sendButtonClick({ customId: up, guildId: "1200000000000000099" }),
      fake.sendButtonClick({ customId: up, channelId: "1300000000000000099" }),
      fake.sendButtonClick({ customId: "briefbot-feedback:up:discord-msg-1500000000000000011" }),
      fake.sendButtonClick({ customId: "briefbot-feedback:up:../../etc" }),
    ];
    for (const click of clicks) {
      expect(await privateReply(fake, click.token)).toBe("This answer cannot be rated from here.");
    }
    expect(await feedback.votesSince(0)).toEqual([]);
    expect(logs.filter((event) => event === "feedback_refused")).toHaveLength(clicks.length);
  });
});
