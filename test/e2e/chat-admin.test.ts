import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServices, startServe } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { withCollections } from "../../src/core/collections.ts";
import { parseDocument } from "../../src/core/ingest/index.ts";
import type { IngestedArticle } from "../../src/core/types.ts";
import { freePort } from "../../src/store/embedded-redis-server.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { FakeDiscord } from "../support/fake-discord.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { sendSlashCommand, slashCommandFields } from "../support/slack-signing.ts";

const SECRET = "chat-admin-signing-secret";
let redis: ThrowawayRedis;
let client: Redis;
let slack: FakeSlack;
let discord: FakeDiscord;
let services: RunningServices | undefined;
let eventsUrl: string;
let dataDirectory: string;

function article(id: string, title: string, published: string, collections: string[]): IngestedArticle {
  const line = JSON.stringify({
    id,
    title,
    text: `${title}: the council said so on Tuesday.`,
    language: "en",
    published,
    url: `https://news.example/${id}`,
  });
  const [parsed] = parseDocument({ name: `${id}.jsonl`, content: new TextEncoder().encode(line) }).articles;
  if (!parsed) throw new Error("no article");
  return { ...parsed, article: withCollections(parsed.article, collections) };
}

const store = () => new RedisArticleStore(client, "chat-admin");

beforeAll(async () => {
  redis = await startRedis();
  client = new Redis(redis.url);
  slack = await FakeSlack.start({ token: "xoxb-chat-admin" });
  discord = await FakeDiscord.start();
  dataDirectory = await mkdtemp(join(tmpdir(), "briefbot-chat-admin-"));
  const here = `discord:${discord.guildId}:${discord.channelId}`;
  await store().put([
    article("bridge", "Bridge plan approved", "2026-12-01", ["slack:t0team:c0news"]),
    article("tram", "Tram line extended", "2026-12-03", ["slack:t0team:c0news", here]),
    article("ferry", "Ferry timetable changes", "2026-12-02", ["slack:t0else:c0news"]),
    article("quay", "New quay opens", "2026-12-04", [here]),
  ]);
  const port = await freePort();
  eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  const config = loadConfig({
    REDIS_URL: redis.url,
    BRIEFBOT_NAMESPACE: "chat-admin",
    BRIEFBOT_DATA_DIR: dataDirectory,
    BRIEFBOT_SHARED: "false",
    PORT: String(port),
    SLACK_BOT_TOKEN: "xoxb-chat-admin",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    SLACK_ADMIN_USERS: "U0ADMIN",
    DISCORD_TOKEN: "discord-chat-admin-token",
    DISCORD_API_URL: discord.apiUrl,
  });
  services = await startServe(config, () => {});
}, 60_000);

afterAll(async () => {
  await services?.stop();
  client?.disconnect();
  await slack?.close();
  await discord?.close();
  await redis?.stop();
  await rm(dataDirectory, { recursive: true, force: true });
});

async function slash(text: string, userId = "U0ASKER"): Promise<string> {
  const response = await sendSlashCommand(
    eventsUrl,
    SECRET,
    slashCommandFields({ team_id: "T0TEAM", channel_id: "C0NEWS", user_id: userId, text }),
  );
  expect(response.status).toBe(200);
  return response.text;
}

describe("admin from chat through the real Bolt and discord.js clients", () => {
  it("lists a Slack channel's articles privately and lets only SLACK_ADMIN_USERS forget one", async () => {
    const listed = await slash("articles");
    expect(listed).toContain('"response_type":"ephemeral"');
    expect(listed).toMatch(/1\. \\"Tram line extended\\".*2\. \\"Bridge plan approved\\"/su);
    expect(listed).not.toMatch(/Ferry|quay/);
    expect(await slash("forget 2")).toMatch(/SLACK_ADMIN_USERS/);
    expect(await store().get("bridge")).toBeDefined();
    // An article arriving after the listing does not shift its numbers: 2 is still the bridge.
    await store().put([article("late", "Late council news", "2026-12-05", ["slack:t0team:c0news"])]);
    expect(await slash("forget 2", "U0ADMIN")).toMatch(/Forgot \\"Bridge plan approved\\"/);
    expect(await store().get("bridge")).toBeUndefined();
    expect(await store().get("late")).toBeDefined();
    expect(await slash("forget https://news.example/tram", "U0ADMIN")).toMatch(/Forgot/);
    expect((await store().get("tram"))?.article.collections).toEqual([
      `discord:${discord.guildId}:${discord.channelId}`,
    ]);
    expect(await slash("forget https://news.example/ferry", "U0ADMIN")).toMatch(
      /No article this channel sees/,
    );
  });

  it("lists a Discord channel's articles privately; forgetting needs Manage Channels", async () => {
    const listing = discord.sendInteraction({ integers: { articles: 5 } });
    const listed = await discord.waitForCall(
      "PATCH",
      new RegExp(`/webhooks/\\d+/${listing.token}/messages/@original`),
      15_000,
    );
    expect(JSON.stringify(listed.body)).toMatch(/1\. \\"New quay opens\\".*2\. \\"Tram line extended\\"/su);
    const forgetting = discord.sendInteraction({ options: { forget: "1" } });
    const refused = await discord.waitForCall(
      "PATCH",
      new RegExp(`/webhooks/\\d+/${forgetting.token}/messages/@original`),
      15_000,
    );
    expect(JSON.stringify(refused.body)).toMatch(/Manage Channels/);
    expect(await store().get("quay")).toBeDefined();
  });
});

describe("admin replies in the asker's language", () => {
  async function discordReply(options: Parameters<FakeDiscord["sendInteraction"]>[0]): Promise<string> {
    const sent = discord.sendInteraction(options);
    const edited = await discord.waitForCall(
      "PATCH",
      new RegExp(`/webhooks/\\d+/${sent.token}/messages/@original`),
      15_000,
    );
    return JSON.stringify(edited.body);
  }

  it("answers a Dutch-locale Discord member's `feeds` and `scope` in Dutch, and others in English", async () => {
    expect(await discordReply({ booleans: { feeds: true }, locale: "nl" })).toContain(
      "Dit kanaal volgt geen feeds.",
    );
    const scope = await discordReply({ options: { scope: "show" }, locale: "nl" });
    expect(scope).toContain("Antwoorden, samenvattingen en overzichten hier putten uit:");
    expect(scope).toContain("(wat dit kanaal volgde of toevoegde)");
    const refused = await discordReply({ options: { scope: "add shared" }, locale: "nl" });
    expect(refused).toContain(
      "Alleen leden met de machtiging Kanalen beheren mogen wijzigen wat dit kanaal ziet.",
    );
    expect(await discordReply({ options: { scope: "show" } })).toContain(
      "Answers, summaries and digests here draw on:",
    );
  });

  it("answers a Slack user whose locale is fr-FR in French (users.info), and others in English", async () => {
    slack.setUserLocale("U0FRENCH", "fr-FR");
    const scope = await slash("scope", "U0FRENCH");
    expect(scope).toContain("Ici, les réponses, les résumés et les récapitulatifs s'appuient sur :");
    expect(scope).toContain("(ce que ce canal a suivi ou ajouté)");
    // The earlier test forgot all but one of this channel's articles.
    const listed = await slash("articles 2", "U0FRENCH");
    expect(listed).toContain("L'article le plus récent que voit ce canal :");
    expect(listed).toContain("en retire un de cet espace de travail ou serveur.");
    expect(await slash("scope add other:thing", "U0FRENCH")).toContain(
      "Pour modifier ce que voit ce canal, il faut être l'une des personnes listées dans SLACK_ADMIN_USERS.",
    );
    expect(await slash("articles 99", "U0FRENCH")).toContain("Utilisez `articles` avec un nombre de 1 à 50.");
    expect(await slash("digest daily 25:00 UTC", "U0FRENCH")).toContain("n'est pas une heure de la journée");
    expect(await slash("scope")).toContain("Answers, summaries and digests here draw on:");
    expect(await slash("feeds")).toContain("This channel follows no feeds.");
  });
});
