import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServices, startServe } from "../../src/app.ts";
import { type Config, loadConfig } from "../../src/config.ts";
import { withCollections } from "../../src/core/collections.ts";
import { parseDocument } from "../../src/core/ingest/index.ts";
import type { IngestedArticle } from "../../src/core/types.ts";
import { freePort } from "../../src/store/embedded-redis-server.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { FakeDiscord } from "../support/fake-discord.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { sendSlashCommand, slashCommandFields } from "../support/slack-signing.ts";
import { until } from "../support/until.ts";

const SECRET = "tenants-signing-secret";
let redis: ThrowawayRedis;
let slack: FakeSlack;
let discord: FakeDiscord;
let services: RunningServices | undefined;
let config: Config;
let eventsUrl: string;
let dataDirectory: string;

function article(id: string, text: string, collection: string): IngestedArticle {
  const line = JSON.stringify({ id, title: "Acme Rotterdam office", text, language: "en" });
  const [parsed] = parseDocument({ name: `${id}.jsonl`, content: new TextEncoder().encode(line) }).articles;
  if (!parsed) throw new Error("no article");
  return { ...parsed, article: withCollections(parsed.article, [collection]) };
}

beforeAll(async () => {
  redis = await startRedis();
  slack = await FakeSlack.start({ token: "xoxb-tenants" });
  discord = await FakeDiscord.start();
  dataDirectory = await mkdtemp(join(tmpdir(), "briefbot-tenants-"));
  const client = new Redis(redis.url);
  // Two workspaces of one Enterprise Grid install share a channel id; two Discord servers; one shared article.
  await new RedisArticleStore(client, "tenants").put([
    article("alpha", "The Rotterdam office of Acme moves to Delft in May.", "slack:t0alpha:c0same"),
    article(
      "beta",
      "The Rotterdam office of Acme moves to Utrecht in June. The Rotterdam office of Acme moves after ten years.",
      "slack:t0beta:c0same",
    ),
    article(
      "guild-here",
      "The Rotterdam office of Acme moves to Leiden in July.",
      `discord:${discord.guildId}:${discord.channelId}`,
    ),
    article(
      "guild-other",
      "The Rotterdam office of Acme moves to Gouda in August. The Rotterdam office of Acme moves for good.",
      `discord:1200000000000000999:${discord.channelId}`,
    ),
  ]);
  client.disconnect();
  const port = await freePort();
  eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  config = loadConfig({
    REDIS_URL: redis.url,
    BRIEFBOT_NAMESPACE: "tenants",
    BRIEFBOT_DATA_DIR: dataDirectory,
    BRIEFBOT_SHARED: "false",
    PORT: String(port),
    SLACK_BOT_TOKEN: "xoxb-tenants",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: "discord-tenants-token",
    DISCORD_API_URL: discord.apiUrl,
    JOB_LOCK_MS: "5000",
  });
  services = await startServe(config, () => {});
}, 60_000);

afterAll(async () => {
  await services?.stop();
  await slack?.close();
  await discord?.close();
  await redis?.stop();
  await rm(dataDirectory, { recursive: true, force: true });
});

const QUESTION = "Where does the Rotterdam office of Acme move to?";
const answersIn = (channel: string) =>
  slack.callsTo("chat.postMessage").filter((call) => call.body.channel === channel);

async function askSlack(teamId: string): Promise<void> {
  const response = await sendSlashCommand(
    eventsUrl,
    SECRET,
    slashCommandFields({ team_id: teamId, channel_id: "C0SAME", text: QUESTION }),
  );
  expect(response.status).toBe(200);
}

async function askDiscord(): Promise<string> {
  const { token } = discord.sendInteraction({ question: QUESTION });
  const answer = await discord.waitForCall(
    "PATCH",
    new RegExp(`/webhooks/\\d+/${token}/messages/@original`),
    15_000,
  );
  return JSON.stringify(answer.body);
}

describe("tenants: a question in one workspace or server never cites another's articles", () => {
  it("answers two workspaces asking at once, each from its own articles, and a server from its own", async () => {
    await Promise.all([askSlack("T0ALPHA"), askSlack("T0BETA")]);
    await until(() => answersIn("C0SAME").length >= 2, "both workspaces' answers");
    const posted = answersIn("C0SAME").map((call) => JSON.stringify(call.body));
    expect(posted.filter((post) => post.includes("Delft"))).toHaveLength(1);
    expect(posted.filter((post) => post.includes("Utrecht"))).toHaveLength(1);
    expect(posted.some((post) => post.includes("Delft") && post.includes("Utrecht"))).toBe(false);
    const fromDiscord = await askDiscord();
    expect(fromDiscord).toMatch(/Leiden/);
    expect(fromDiscord).not.toMatch(/Gouda|Delft|Utrecht/);
  });

  it("keeps them apart after the workers restart", async () => {
    await services?.stop();
    services = await startServe(config, () => {});
    const before = answersIn("C0SAME").length;
    await askSlack("T0BETA");
    await until(() => answersIn("C0SAME").length > before, "the answer after the restart");
    const post = JSON.stringify(answersIn("C0SAME").at(-1)?.body);
    expect(post).toMatch(/Utrecht/);
    expect(post).not.toMatch(/Delft|Leiden|Gouda/);
  });
});
