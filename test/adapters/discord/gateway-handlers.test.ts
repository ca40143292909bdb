import { type Client, GatewayIntentBits, IntentsBitField } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { connectDiscordClient, createDiscordClient } from "../../../src/adapters/discord/discord-client.ts";
import { MemoryQuestionQueue } from "../../../src/core/memory/index.ts";
import { FakeDiscord } from "../../support/fake-discord.ts";
import { pause, until } from "../../support/until.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function connected(options: { heartbeatIntervalMs?: number } = {}) {
  const fake = await FakeDiscord.start(options);
  cleanups.push(() => fake.close());
  const queue = new MemoryQuestionQueue();
  const logs: Array<{ event: string; fields: Record<string, unknown> }> = [];
  const client: Client = createDiscordClient({
    token: "fake-bot-token",
    apiUrl: fake.apiUrl,
    questions: queue,
    log: (event, fields) => logs.push({ event, fields }),
  });
  cleanups.push(() => client.destroy());
  await connectDiscordClient(client, 10_000);
  return { fake, queue, client, logs };
}

const channelPosts = /^\/channels\/\d+\/messages$/;

describe("Discord client over a loopback gateway", () => {
  it("identifies with JSON encoding, no compression and no privileged intents, and keeps heartbeating", async () => {
    const { fake } = await connected({ heartbeatIntervalMs: 200 });
    const query = new URLSearchParams(fake.gatewayConnections[0]?.replace(/^\/?\?/, ""));
    expect(query.get("v")).toBe("10");
    expect(query.get("encoding")).toBe("json");
    expect(query.has("compress")).toBe(false);
    const identify = fake.identifies[0] as { token: string; intents: number; compress?: boolean };
    expect(identify.compress ?? false).toBe(false);
    expect(identify.token).toBe("fake-bot-token");
    const intents = new IntentsBitField(identify.intents);
    expect(intents.has(GatewayIntentBits.GuildMessages)).toBe(true);
    expect(intents.has(GatewayIntentBits.DirectMessages)).toBe(true);
    expect(intents.has(GatewayIntentBits.MessageContent)).toBe(false);
    await until(() => fake.heartbeats >= 2, "two heartbeats", 5_000);
    expect(fake.identifies).toHaveLength(1);
  });

  it("turns a mention into exactly one queued question and does not reply itself", async () => {
    const { fake, queue, client } = await connected();
    const messageId = fake.sendMessageCreate({
      content: "What will Trend Micro provide?",
      mentionsBot: true,
    });
    await until(() => queue.requests.length > 0);
    await pause(150);
    expect(queue.requests).toHaveLength(1);
    expect(queue.requests[0]).toMatchObject({
      jobId: `discord-msg-${messageId}`,
      question: "What will Trend Micro provide?",
      target: {
        platform: "discord",
        channelId: fake.channelId,
        guildId: fake.guildId,
        userId: fake.reader.id,
        replyToMessageId: messageId,
      },
    });
    expect(queue.requests[0]?.requestedAt).toBeTypeOf("number");
    expect(fake.callsTo("POST", channelPosts)).toEqual([]);
    expect(client.isReady()).toBe(true);
  });

  it("ignores other bots, its own messages, @everyone and messages that do not mention it", async () => {
    const { fake, queue } = await connected();
    fake.sendMessageCreate({ content: "What happened?", mentionsBot: true, authorBot: true });
    fake.sendMessageCreate({ content: "What happened?", mentionsBot: true, fromSelf: true });
    fake.sendMessageCreate({ content: "@everyone What happened?", mentionEveryone: true });
    fake.sendMessageCreate({ content: "What happened at Interpol?" });
    const asked = fake.sendMessageCreate({ content: "Who signed the agreement?", mentionsBot: true });
    // The gateway delivers in order: once the last message is queued, the earlier ones were all handled.
    await until(() => queue.requests.length > 0);
    expect(queue.requests.map((request) => request.jobId)).toEqual([`discord-msg-${asked}`]);
    expect(fake.callsTo("POST", channelPosts)).toEqual([]);
  });

  it("answers an empty mention with usage help that pings no one", async () => {
    const { fake, queue } = await connected();
    const messageId = fake.sendMessageCreate({ content: "  ", mentionsBot: true });
    const reply = await fake.waitForCall("POST", channelPosts);
    expect(reply.body).toMatchObject({
      content: expect.stringContaining("/brief"),
      allowed_mentions: { parse: [] },
      message_reference: { message_id: messageId, fail_if_not_exists: false },
    });
    expect(queue.requests).toEqual([]);
  });

  it("refuses a question over 1,000 characters with a short reply and queues nothing", async () => {
    const { fake, queue } = await connected();
    fake.sendMessageCreate({ content: `Why ${"really ".repeat(200)}?`, mentionsBot: true });
    const reply = await fake.waitForCall("POST", channelPosts);
    const content = (reply.body as { content: string }).content;
    expect(content).toMatch(/characters long; keep it under 1,000/);
    expect(content.length).toBeLessThan(200);
    expect(queue.requests).toEqual([]);
  });

  it("defers /brief within 3 seconds, then queues the question with the interaction token", async () => {
    const { fake, queue } = await connected();
    const sentAt = Date.now();
    const { id, token } = fake.sendInteraction({ question: "What will Trend Micro provide?" });
    const callback = await fake.waitForCall("POST", /^\/interactions\/\d+\/[^/]+\/callback$/, 3_000);
    expect(callback.path).toBe(`/interactions/${id}/${token}/callback`);
    expect(callback.body).toMatchObject({ type: 5 });
    expect(callback.at - sentAt).toBeLessThan(3_000);
    await until(() => queue.requests.length > 0);
    expect(callback.at).toBeLessThanOrEqual(queue.arrivals[0] ?? 0);
    expect(queue.requests[0]).toMatchObject({
      jobId: `discord-int-${id}`,
      question: "What will Trend Micro provide?",
      target: {
        platform: "discord",
        channelId: fake.channelId,
        guildId: fake.guildId,
        userId: fake.reader.id,
        interaction: { applicationId: fake.applicationId, token },
      },
    });
    expect(fake.callsTo("PATCH", /@original$/)).toEqual([]);
  });

  it("defers /brief private:True as an ephemeral reply and queues the question for the asker alone", async () => {
    const { fake, queue } = await connected();
    fake.sendInteraction({ question: "What will Trend Micro provide?", booleans: { private: true } });
    const callback = await fake.waitForCall("POST", /^\/interactions\/\d+\/[^/]+\/callback$/, 3_000);
    expect(callback.body).toMatchObject({ type: 5, data: { flags: 64 } });
    await until(() => queue.requests.length > 0);
    expect(queue.requests[0]?.target).toMatchObject({ platform: "discord", private: true });
  });

  it("tells the asker when /brief cannot be queued, in the deferred reply", async () => {
    const { fake, queue, logs } = await connected();
    queue.unreachable = true;
    const { token } = fake.sendInteraction({ question: "What will Trend Micro provide?" });
    const edit = await fake.waitForCall("PATCH", /@original$/);
    expect(edit.path).toBe(`/webhooks/${fake.applicationId}/${token}/messages/@original`);
    expect(edit.body).toMatchObject({
      content: expect.stringContaining("could not queue your question"),
      allowed_mentions: { parse: [] },
    });
    expect(logs.map((line) => line.event)).toContain("discord_queue_failed");
  });

  it("answers an empty /brief with the help in the member's language", async () => {
    const { fake } = await connected();
    fake.sendInteraction({ question: "", locale: "fr" });
    const edit = await fake.waitForCall("PATCH", /@original$/);
    expect(edit.body).toMatchObject({ content: expect.stringContaining("Posez-moi des questions") });
  });

  it("says so in the member's language when the question is too short to tell", async () => {
    const { fake, queue } = await connected();
    queue.unreachable = true;
    fake.sendInteraction({ question: "IGCI?", locale: "nl" });
    const edit = await fake.waitForCall("PATCH", /@original$/);
    expect(edit.body).toMatchObject({ content: expect.stringContaining("niet in de wachtrij zetten") });
  });

  it("fails to connect with a clear error when Discord refuses the token", async () => {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.close());
    fake.failNext(1, { status: 401, code: 0, message: "401: Unauthorized" }, { path: /^\/gateway\/bot$/ });
    const client = createDiscordClient({
      token: "wrong-token",
      apiUrl: fake.apiUrl,
      questions: new MemoryQuestionQueue(),
      log: () => {},
    });
    cleanups.push(() => client.destroy());
    await expect(connectDiscordClient(client, 5_000)).rejects.toThrow(/token/i);
    expect(fake.identifies).toEqual([]);
  });

  it("leaves other commands alone", async () => {
    const { fake, queue } = await connected();
    fake.sendInteraction({ question: "x", commandName: "other" });
    const asked = fake.sendInteraction({ question: "Who is Trend Micro?" });
    await until(() => queue.requests.length > 0);
    expect(queue.requests.map((request) => request.jobId)).toEqual([`discord-int-${asked.id}`]);
    expect(fake.callsTo("POST", /callback$/)).toHaveLength(1);
  });
});
