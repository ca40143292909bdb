import { afterEach, describe, expect, it } from "vitest";
import { registerDiscordCommands } from "../../../src/adapters/discord/commands.ts";
import { BriefingError } from "../../../src/core/errors.ts";
import { FakeDiscord } from "../../support/fake-discord.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fakeDiscord() {
  const fake = await FakeDiscord.start();
  cleanups.push(() => fake.close());
  return fake;
}

describe("registerDiscordCommands", () => {
  it("puts /brief with question, digest, summarize and feed options, globally", async () => {
    const fake = await fakeDiscord();
    const registered = await registerDiscordCommands({
      token: "fake-bot-token",
      applicationId: fake.applicationId,
      apiUrl: fake.apiUrl,
    });
    const [call] = fake.callsTo("PUT", /commands$/);
    expect(call?.path).toBe(`/applications/${fake.applicationId}/commands`);
    expect(call?.authorization).toBe("Bot fake-bot-token");
    expect(call?.body).toEqual([
      expect.objectContaining({
        name: "brief",
        options: [
          expect.objectContaining({ type: 3, name: "question", required: false, max_length: 1_000 }),
          expect.objectContaining({ type: 3, name: "digest", required: false }),
          expect.objectContaining({ type: 3, name: "summarize", required: false }),
          expect.objectContaining({ type: 3, name: "follow", required: false }),
          expect.objectContaining({ type: 3, name: "unfollow", required: false }),
          expect.objectContaining({ type: 5, name: "feeds", required: false }),
          expect.objectContaining({ type: 5, name: "private", required: false }),
          expect.objectContaining({ type: 3, name: "add", required: false }),
          expect.objectContaining({ type: 3, name: "scope", required: false }),
          expect.objectContaining({
            type: 4,
            name: "articles",
            required: false,
            min_value: 1,
            max_value: 50,
          }),
          expect.objectContaining({ type: 3, name: "forget", required: false }),
        ],
      }),
    ]);
    expect(registered.map((command) => command.name)).toEqual(["brief"]);
  });

  it("registers in one guild when given one", async () => {
    const fake = await fakeDiscord();
    await registerDiscordCommands({
      token: "fake-bot-token",
      applicationId: fake.applicationId,
      guildId: fake.guildId,
      apiUrl: fake.apiUrl,
    });
    expect(fake.callsTo("PUT", /commands$/)[0]?.path).toBe(
      `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`,
    );
  });

  it("reports a refused token as PLATFORM_REJECTED", async () => {
    const fake = await fakeDiscord();
    fake.failNext(1, { status: 401, code: 0, message: "401: Unauthorized" });
    const attempt = registerDiscordCommands({
      token: "bad",
      applicationId: fake.applicationId,
      apiUrl: fake.apiUrl,
    });
    await expect(attempt).rejects.toBeInstanceOf(BriefingError);
    await expect(attempt).rejects.toMatchObject({ code: "PLATFORM_REJECTED" });
  });
});
