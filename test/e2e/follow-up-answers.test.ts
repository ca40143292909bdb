import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServices, startServe } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { parseDocument } from "../../src/core/ingest/index.ts";
import type { IngestedArticle } from "../../src/core/types.ts";
import { freePort } from "../../src/store/embedded-redis-server.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { FakeDiscord } from "../support/fake-discord.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { type AppMentionFields, appMentionEnvelope, sendEvent } from "../support/slack-signing.ts";
import { until } from "../support/until.ts";

/**
 * A follow-up leans on what the thread's earlier answer rested on: "how long will it last?" after an answer
 * about the Old Bridge's closure is about the closure, not about the bus strike that the same council words
 * (and "how long … last") also match. Two stories, in English and in Dutch.
 */
const SECRET = "follow-up-answers-signing-secret";
const NAMESPACE = "follow-up-answers";
let redis: ThrowawayRedis;
let client: Redis;
let slack: FakeSlack;
let discord: FakeDiscord;
let services: RunningServices | undefined;
let eventsUrl: string;
let dataDirectory: string;

function article(id: string, title: string, language: "en" | "nl", text: string): IngestedArticle {
  const line = JSON.stringify({ id, title, text, language, published: "2026-12-01" });
  const [parsed] = parseDocument({ name: `${id}.jsonl`, content: new TextEncoder().encode(line) }).articles;
  if (!parsed) throw new Error("no article");
  return parsed;
}

const ARTICLES = [
  article(
    "bridge",
    "Old Bridge to close",
    "en",
    "On Monday the city council decided to close the Old Bridge to all traffic after inspectors found cracks in two of its pillars. Cyclists and pedestrians will have to use the ferry or the tunnel instead, and buses will be diverted through the harbour district.\n\nRepairs to the Old Bridge start next week. The closure will last a long time, the engineers said: the work will run until the end of March. Shops near the bridge fear a quiet winter and asked for help with their rents.",
  ),
  article(
    "strike",
    "Bus drivers strike",
    "en",
    "The council's bus drivers went on strike on Monday. The strike will last a long time, the union said, unless the drivers get a better offer.",
  ),
  article("parks", "Parks budget", "en", "The council also approved a new budget for parks."),
  article(
    "brug",
    "Oude Brug gaat dicht",
    "nl",
    "De gemeenteraad heeft maandag besloten de Oude Brug af te sluiten voor alle verkeer, nadat inspecteurs scheuren in twee pijlers vonden. Fietsers en voetgangers moeten de pont of de tunnel nemen, en bussen rijden om via de haven.\n\nDe herstelling van de Oude Brug begint volgende week. De afsluiting duurt lang, zeggen de ingenieurs: het werk loopt tot eind maart. Winkels bij de brug vrezen een stille winter en vragen hulp bij hun huur.",
  ),
  article(
    "staking",
    "Buschauffeurs staken",
    "nl",
    "De buschauffeurs van de gemeente zijn maandag gaan staken over hun loon. Hoe lang de staking duurt is onduidelijk, zegt de vakbond, tenzij de chauffeurs een beter bod krijgen.",
  ),
  article(
    "begroting",
    "Begroting parken",
    "nl",
    "De gemeenteraad keurde ook een nieuwe begroting voor parken goed.",
  ),
];

beforeAll(async () => {
  redis = await startRedis();
  client = new Redis(redis.url);
  slack = await FakeSlack.start({ token: "xoxb-follow-up" });
  discord = await FakeDiscord.start();
  dataDirectory = await mkdtemp(join(tmpdir(), "briefbot-follow-up-"));
  await new RedisArticleStore(client, NAMESPACE).put(ARTICLES);
  const port = await freePort();
  eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  const config = loadConfig({
    REDIS_URL: redis.url,
    BRIEFBOT_NAMESPACE: NAMESPACE,
    BRIEFBOT_DATA_DIR: dataDirectory,
    PORT: String(port),
    SLACK_BOT_TOKEN: "xoxb-follow-up",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: "discord-follow-up-token",
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

const threadKey = (channel: string, thread: string) => `{${NAMESPACE}}:thread:slack:${channel}:${thread}`;

function threadReply(fields: AppMentionFields): Record<string, unknown> {
  const envelope = appMentionEnvelope(fields);
  const event = envelope.event as Record<string, unknown>;
  event.type = "message";
  event.channel_type = "channel";
  return envelope;
}

const repliesIn = (channel: string, thread: string) =>
  slack
    .callsTo("chat.postMessage")
    .filter((call) => call.body.channel === channel && call.body.thread_ts === thread);

/** Asks in a new thread and waits for the answer and for the worker to remember what it cited. */
async function askInThread(channel: string, thread: string): Promise<string> {
  const text = `<@${slack.botUserId}> What did the council decide on Monday?`;
  await sendEvent(eventsUrl, SECRET, appMentionEnvelope({ text, user: "U0ASKER", channel, ts: thread }));
  await until(() => repliesIn(channel, thread).length === 1, "the first answer");
  await until(
    async () => (await client.get(threadKey(channel, thread)))?.includes("articleIds") === true,
    "the answer's articles to be remembered",
  );
  return JSON.stringify(repliesIn(channel, thread)[0]?.body);
}

async function followUp(channel: string, thread: string): Promise<string> {
  const reply = { text: "and how long will it last?", user: "U0ASKER", channel, threadTs: thread };
  await sendEvent(eventsUrl, SECRET, threadReply({ ...reply, ts: `${thread.slice(0, -3)}900` }));
  await until(() => repliesIn(channel, thread).length === 2, "the follow-up's answer");
  return JSON.stringify(repliesIn(channel, thread)[1]?.body);
}

describe("follow-ups read with the thread's earlier answer, through the real adapters and worker", () => {
  it("a pronoun follow-up in a Slack thread cites the earlier answer's story, not another that matches its words", async () => {
    const first = await askInThread("C0BRIDGE", "1700001000.000100");
    expect(first).toMatch(/Old Bridge to close/u);
    expect(JSON.parse((await client.get(threadKey("C0BRIDGE", "1700001000.000100"))) ?? "{}")).toMatchObject({
      turns: [{ question: "What did the council decide on Monday?", answer: { articleIds: ["bridge"] } }],
    });
    const answer = await followUp("C0BRIDGE", "1700001000.000100");
    expect(answer).toMatch(/Old Bridge to close/u);
    expect(answer).not.toMatch(/Bus drivers strike/u);
  });

  it("without the remembered answer (a record from before answers were kept) the same follow-up drifts to the strike", async () => {
    await askInThread("C0OLDREC", "1700002000.000100");
    // The record as the earlier format wrote it: the questions alone.
    await client.set(
      threadKey("C0OLDREC", "1700002000.000100"),
      JSON.stringify({ questions: ["What did the council decide on Monday?"], lastAt: Date.now() }),
    );
    const answer = await followUp("C0OLDREC", "1700002000.000100");
    expect(answer).toMatch(/Bus drivers strike/u);
  });

  it("a Dutch reply to the bot's answer on Discord cites the earlier answer's story", async () => {
    const posts = () => discord.callsTo("POST", new RegExp(`/channels/${discord.channelId}/messages`));
    discord.sendMessageCreate({ content: "Wat heeft de gemeenteraad maandag besloten?", mentionsBot: true });
    await until(() => posts().length === 1, "the first Discord answer");
    expect(JSON.stringify(posts()[0]?.body)).toMatch(/Oude Brug gaat dicht/u);
    const key = `{${NAMESPACE}}:thread:discord:${discord.channelId}:${discord.reader.id}`;
    await until(
      async () => (await client.get(key))?.includes("articleIds") === true,
      "the answer remembered",
    );
    discord.sendMessageCreate({ content: "hoe lang duurt dat?", replyToBotMessage: "1400000000000000001" });
    await until(() => posts().length === 2, "the follow-up's answer");
    const answer = JSON.stringify(posts()[1]?.body);
    expect(answer).toMatch(/Oude Brug gaat dicht/u);
    expect(answer).not.toMatch(/Buschauffeurs staken/u);
  });
});
