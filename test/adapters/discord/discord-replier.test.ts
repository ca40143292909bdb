import { afterEach, describe, expect, it } from "vitest";
import { DiscordReplier } from "../../../src/adapters/discord/discord-replier.ts";
import type { DeliveryRecord, DiscordTarget } from "../../../src/core/chat.ts";
import { BriefingError } from "../../../src/core/errors.ts";
import type { Answer } from "../../../src/core/types.ts";
import { FakeDiscord, type RecordedCall } from "../../support/fake-discord.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp() {
  const fake = await FakeDiscord.start();
  cleanups.push(() => fake.close());
  const replier = new DiscordReplier({ token: "fake-bot-token", apiUrl: fake.apiUrl, timeoutMs: 2_000 });
  const messageTarget: DiscordTarget = {
    platform: "discord",
    channelId: fake.channelId,
    guildId: fake.guildId,
    userId: fake.reader.id,
    replyToMessageId: "1600000000000000001",
  };
  const interactionTarget: DiscordTarget = {
    platform: "discord",
    channelId: fake.channelId,
    userId: fake.reader.id,
    interaction: { applicationId: fake.applicationId, token: "interaction-token-1" },
  };
  return { fake, replier, messageTarget, interactionTarget };
}

function answerInParts(parts: number): Answer {
  // Each bullet fills most of an embed description; about 1.3 bullets fit in a 6,000-character message.
  const bullets = Array.from({ length: parts }, (_, index) => ({
    text: `Fact ${index}: ${"the central bank kept its rates unchanged ".repeat(95)}`,
    citations: [1],
  }));
  return {
    question: "What did the central bank do?",
    status: "answered",
    bullets,
    sources: [
      {
        n: 1,
        articleId: "a1",
        title: "Rates unchanged",
        source: "Reuters",
        url: "https://example.com/rates",
        published: "2026-01-01",
        language: "en",
        passageId: "a1#0",
        passage: "The central bank kept its rates unchanged.",
      },
    ],
  };
}

async function deliver(
  replier: DiscordReplier,
  target: DiscordTarget,
  answer: Answer,
  already?: DeliveryRecord,
) {
  const progress: DeliveryRecord[] = [];
  const record = await replier.deliverAnswer(target, answer, already, async (step) => {
    progress.push(step);
  });
  return { record, progress };
}

async function failure(promise: Promise<unknown>): Promise<BriefingError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BriefingError);
  return error as BriefingError;
}

const channelPosts = /^\/channels\/\d+\/messages$/;
const bodyOf = (call: RecordedCall | undefined) => call?.body as Record<string, unknown>;

describe("DiscordReplier", () => {
  it("replies to the question without pinging, with a nonce Discord enforces, recording each part", async () => {
    const { fake, replier, messageTarget } = await setUp();
    const { record, progress } = await deliver(replier, messageTarget, answerInParts(3));
    const posts = fake.callsTo("POST", channelPosts);
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(bodyOf(posts[0])).toMatchObject({
      message_reference: { message_id: "1600000000000000001", fail_if_not_exists: false },
      allowed_mentions: { parse: [], replied_user: false },
      enforce_nonce: true,
    });
    for (const post of posts.slice(1)) expect(bodyOf(post)).not.toHaveProperty("message_reference");
    const nonces = posts.map((post) => bodyOf(post).nonce as string);
    for (const nonce of nonces) expect(nonce.length).toBeLessThanOrEqual(25);
    expect(new Set(nonces).size).toBe(posts.length);
    expect(posts.every((post) => post.authorization === "Bot fake-bot-token")).toBe(true);
    expect(record.partsPosted).toBe(posts.length);
    expect(record.messageIds).toHaveLength(posts.length);
    expect(progress.map((step) => step.partsPosted)).toEqual([0, ...posts.map((_, index) => index + 1)]);
  });

  it("posts nothing twice when a crash came between posting and recording (same nonces)", async () => {
    const { fake, replier, messageTarget } = await setUp();
    const first = await deliver(replier, messageTarget, answerInParts(2));
    const again = await deliver(replier, messageTarget, answerInParts(2));
    expect(again.record.messageIds).toEqual(first.record.messageIds);
    const nonces = fake.callsTo("POST", channelPosts).map((post) => bodyOf(post).nonce);
    expect(nonces.slice(nonces.length / 2)).toEqual(nonces.slice(0, nonces.length / 2));
  });

  it("resumes after the parts an earlier attempt posted", async () => {
    const { fake, replier, messageTarget } = await setUp();
    const full = await deliver(replier, messageTarget, answerInParts(4));
    const total = full.record.partsPosted;
    expect(total).toBeGreaterThanOrEqual(3);
    fake.calls.length = 0;
    const earlier: DeliveryRecord = { platform: "discord", messageIds: ["m1", "m2"], partsPosted: 2 };
    const { record } = await deliver(replier, messageTarget, answerInParts(4), earlier);
    const posts = fake.callsTo("POST", channelPosts);
    expect(posts).toHaveLength(total - 2);
    expect(bodyOf(posts[0])).not.toHaveProperty("message_reference");
    expect(record.partsPosted).toBe(total);
    expect(record.messageIds.slice(0, 2)).toEqual(["m1", "m2"]);
    expect(record.messageIds).toHaveLength(total);
  });

  it("answers an interaction by editing the deferred reply, then posting follow-ups", async () => {
    const { fake, replier, interactionTarget } = await setUp();
    fake.addDeferredInteraction("interaction-token-1");
    const { record } = await deliver(replier, interactionTarget, answerInParts(3));
    const webhookCalls = fake.calls.filter((call) => call.path.startsWith("/webhooks/"));
    expect(webhookCalls[0]).toMatchObject({
      method: "PATCH",
      path: `/webhooks/${fake.applicationId}/interaction-token-1/messages/@original`,
    });
    for (const call of webhookCalls.slice(1)) {
      expect(call).toMatchObject({
        method: "POST",
        path: `/webhooks/${fake.applicationId}/interaction-token-1`,
      });
      expect(call.query.get("wait")).toBe("true");
    }
    expect(webhookCalls.every((call) => call.authorization === undefined)).toBe(true);
    expect(webhookCalls.every((call) => bodyOf(call).allowed_mentions !== undefined)).toBe(true);
    expect(record.partsPosted).toBe(webhookCalls.length);
    expect(new Set(record.messageIds).size).toBe(webhookCalls.length);
    expect(fake.callsTo("POST", channelPosts)).toEqual([]);
  });

  it("fails at once with PLATFORM_RATE_LIMITED and Discord's wait on a 429, after recording what was posted", async () => {
    const { fake, replier, interactionTarget } = await setUp();
    const progress: DeliveryRecord[] = [];
    const started = Date.now();
    fake.failNext(1, { status: 429, retryAfterSeconds: 3 }, { method: "POST" });
    const error = await failure(
      replier.deliverAnswer(interactionTarget, answerInParts(3), undefined, async (step) => {
        progress.push(step);
      }),
    );
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(error.code).toBe("PLATFORM_RATE_LIMITED");
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(3_000);
    expect(fake.callsTo("POST", /^\/webhooks\//)).toHaveLength(1);
    expect(progress.map((step) => step.partsPosted)).toEqual([0, 1]);
  });

  it("maps 5xx to PLATFORM_UNAVAILABLE without retrying by itself", async () => {
    const { fake, replier, messageTarget } = await setUp();
    fake.failNext(1, { status: 500 });
    const error = await failure(deliver(replier, messageTarget, answerInParts(1)));
    expect(error.code).toBe("PLATFORM_UNAVAILABLE");
    expect(error.retryable).toBe(true);
    expect(fake.callsTo("POST", channelPosts)).toHaveLength(1);
  });

  it("maps 4xx (unknown channel, expired interaction token) to PLATFORM_REJECTED", async () => {
    const { fake, replier, messageTarget, interactionTarget } = await setUp();
    fake.failNext(1, { status: 404, code: 10003, message: "Unknown Channel" });
    const unknownChannel = await failure(deliver(replier, messageTarget, answerInParts(1)));
    expect(unknownChannel.code).toBe("PLATFORM_REJECTED");
    expect(unknownChannel.retryable).toBe(false);
    expect(unknownChannel.message).toContain("Unknown Channel");

    fake.failNext(1, { status: 401, code: 50027, message: "Invalid Webhook Token" });
    const expired = await failure(deliver(replier, interactionTarget, answerInParts(1)));
    expect(expired.code).toBe("PLATFORM_REJECTED");
    expect(expired.message).not.toContain("interaction-token-1");
  });

  it("maps an unreachable Discord to PLATFORM_UNAVAILABLE", async () => {
    const { fake, messageTarget } = await setUp();
    const apiUrl = fake.apiUrl;
    await fake.close();
    const replier = new DiscordReplier({ token: "fake-bot-token", apiUrl, timeoutMs: 2_000 });
    const error = await failure(deliver(replier, messageTarget, answerInParts(1)));
    expect(error.code).toBe("PLATFORM_UNAVAILABLE");
  });

  describe("notifyFailure", () => {
    it("replies to the question message", async () => {
      const { fake, replier, messageTarget } = await setUp();
      await replier.notifyFailure(messageTarget, "Sorry, I could not answer. @everyone");
      expect(bodyOf(await fake.waitForCall("POST", channelPosts))).toMatchObject({
        content: "Sorry, I could not answer. @\u200beveryone",
        allowed_mentions: { parse: [] },
        message_reference: { message_id: "1600000000000000001" },
      });
    });

    it("replaces the interaction's thinking reply, or follows up once an answer part is there", async () => {
      const { fake, replier, interactionTarget } = await setUp();
      fake.addDeferredInteraction("interaction-token-1");
      await replier.notifyFailure(interactionTarget, "Sorry, first.");
      expect(fake.callsTo("PATCH", /@original$/)).toHaveLength(1);
      await replier.notifyFailure(interactionTarget, "Sorry, second.");
      const followUps = fake.callsTo("POST", /^\/webhooks\/\d+\/[^/]+$/);
      expect(followUps.map((call) => bodyOf(call).content)).toEqual(["Sorry, second."]);
    });

    it("falls back to the channel when the interaction token has expired, and never throws", async () => {
      const { fake, replier, interactionTarget } = await setUp();
      fake.failNext(
        2,
        { status: 401, code: 50027, message: "Invalid Webhook Token" },
        { path: /^\/webhooks\// },
      );
      await replier.notifyFailure(interactionTarget, "Sorry.");
      expect(bodyOf(fake.callsTo("POST", channelPosts)[0])).toMatchObject({ content: "Sorry." });

      fake.failNext(10, { status: 500 });
      await expect(replier.notifyFailure(interactionTarget, "Sorry.")).resolves.toBeUndefined();
    });
  });
});

describe("DiscordReplier progress placeholders", () => {
  it("a mention: replies with progress, edits it, then edits the answer into it", async () => {
    const { fake, replier, messageTarget } = await setUp();
    let record = await replier.showProgress(messageTarget, "Reading 4 passages… @everyone", undefined);
    const id = record.placeholderId ?? "";
    record = await replier.showProgress(messageTarget, "Writing the answer…", record);
    const answer = { ...answerInParts(1) };
    const delivered = await replier.deliverAnswer(messageTarget, answer, record, async () => {});
    expect(fake.callsTo("POST", /\/channels\/\d+\/messages$/)).toHaveLength(1);
    expect(delivered.messageIds).toEqual([id]);
    const shown = fake.channelMessage(fake.channelId, id);
    expect(shown?.content).toBe("");
    expect(JSON.stringify(shown?.embeds)).toContain("central bank");
    const progress = fake.callsTo("POST", /\/channels\/\d+\/messages$/)[0]?.body as Record<string, unknown>;
    expect(progress).toMatchObject({ allowed_mentions: { parse: [] }, enforce_nonce: true });
    expect(String(progress.content)).not.toMatch(/@everyone/u);
  });

  it("a private interaction: follow-up parts are ephemeral too, and a failure is never said in the channel", async () => {
    const { fake, replier, interactionTarget } = await setUp();
    const privateTarget: DiscordTarget = { ...interactionTarget, private: true };
    fake.addDeferredInteraction("interaction-token-1");
    await deliver(replier, privateTarget, answerInParts(3));
    const followUps = fake.callsTo("POST", /^\/webhooks\//);
    expect(followUps.length).toBeGreaterThan(0);
    for (const call of followUps) expect(call.body).toMatchObject({ flags: 64 });
    await replier.notifyFailure(privateTarget, "Sorry, something went wrong.");
    expect(fake.callsTo("POST", /^\/channels\/\d+\/messages$/)).toEqual([]);
  });

  it("an interaction: progress and the answer both edit the deferred reply", async () => {
    const { fake, replier, interactionTarget } = await setUp();
    const token = interactionTarget.interaction?.token ?? "";
    fake.addDeferredInteraction(token);
    const record = await replier.showProgress(interactionTarget, "Reading…", undefined);
    expect(record.placeholderId).toBe("@original");
    expect(fake.originalResponse(token)?.content).toBe("Reading…");
    await replier.deliverAnswer(interactionTarget, answerInParts(1), record, async () => {});
    expect(fake.originalResponse(token)?.content).toBe("");
    expect(JSON.stringify(fake.originalResponse(token)?.embeds)).toContain("central bank");
  });

  it("shows a failure in the placeholder when nothing else was posted", async () => {
    const { fake, replier, messageTarget } = await setUp();
    const record = await replier.showProgress(messageTarget, "Reading…", undefined);
    await replier.notifyFailure(messageTarget, "Sorry, I could not answer.", record);
    expect(fake.channelMessage(fake.channelId, record.placeholderId ?? "")?.content).toBe(
      "Sorry, I could not answer.",
    );
    expect(fake.callsTo("POST", /\/channels\/\d+\/messages$/)).toHaveLength(1);
  });
});

describe("DiscordReplier with a deleted placeholder", () => {
  it("posts the answer anew when the placeholder is gone", async () => {
    const { fake, replier, messageTarget } = await setUp();
    const record = await replier.showProgress(messageTarget, "Reading…", undefined);
    const gone = { ...record, placeholderId: "1699999999999999999" };
    const delivered = await replier.deliverAnswer(messageTarget, answerInParts(1), gone, async () => {});
    expect(fake.callsTo("POST", /\/channels\/\d+\/messages$/)).toHaveLength(2);
    expect(delivered.messageIds[0]).not.toBe("1699999999999999999");
    expect(delivered.partsPosted).toBe(1);
  });
});
