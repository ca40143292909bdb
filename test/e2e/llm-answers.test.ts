import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadPaths } from "../../src/adapters/files/load-paths.ts";
import { slackJobId } from "../../src/adapters/slack/job-ids.ts";
import { bulletSupport } from "../../src/core/answer/model/index.ts";
import type { Answer } from "../../src/core/types.ts";
import { modelAnswerJsonSchema } from "../support/answer-contract.ts";
import { FakeDiscord } from "../support/fake-discord.ts";
import { type ChatRequestBody, FakeOpenAI, type FakeReply } from "../support/fake-openai.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { hostileArticles } from "../support/hostile-article.ts";
import { type ContentReply, jsonReply, passageWith, quoteFrom } from "../support/model-prompt.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { SEEDS_DIRECTORY } from "../support/seed-library.ts";
import { type ServeOverRedis, serveOverRedis } from "../support/serve-over-redis.ts";
import { sendSlashCommand, slashCommandFields } from "../support/slack-signing.ts";
import { until } from "../support/until.ts";

const SECRET = "llm-signing-secret";
const NAMESPACE = "llm";
let redis: ThrowawayRedis;
let slack: FakeSlack;
let discord: FakeDiscord;
let openai: FakeOpenAI;
let serve: ServeOverRedis;
let eventsUrl: string;
let respond: (request: ChatRequestBody) => FakeReply;
const logs: string[] = [];

/** The test model: answers what the Trend Micro seeds say, from the passages it is given, with real quotes. */
function faithfulReply(request: ChatRequestBody, options: { chunkDelayMs?: number } = {}): ContentReply {
  const threat = passageWith(request, /threat information/iu);
  const training = passageWith(request, /training/iu);
  const bullets = [];
  if (threat) {
    bullets.push({
      text: "Trend Micro will share its threat information analysis with Interpol for the next three years.",
      citations: [{ passage: threat.id, quote: quoteFrom(threat, /share its threat information/iu, 8) }],
    });
  }
  if (training) {
    bullets.push({
      text: "Trend Micro will deliver training programmes to Interpol.",
      citations: [{ passage: training.id, quote: quoteFrom(training, /training/iu, 6) }],
    });
  }
  return jsonReply(bullets, options);
}

beforeAll(async () => {
  redis = await startRedis();
  slack = await FakeSlack.start({ token: "xoxb-llm" });
  discord = await FakeDiscord.start();
  openai = await FakeOpenAI.start({ respond: (request) => respond(request) });
  serve = await serveOverRedis(
    redis,
    NAMESPACE,
    [...(await loadPaths([SEEDS_DIRECTORY])).articles, ...hostileArticles()],
    {
      SLACK_BOT_TOKEN: "xoxb-llm",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: "discord-llm-token",
      DISCORD_API_URL: discord.apiUrl,
      OPENAI_BASE_URL: openai.baseUrl,
      OPENAI_MODEL: "fake-model",
      // Long enough for the streamed replies below (about 1.6 s), short enough for the timeout test.
      LLM_TIMEOUT_MS: "3000",
      LLM_ATTEMPTS: "3",
    },
    logs,
  );
  eventsUrl = serve.eventsUrl;
}, 60_000);

afterAll(async () => {
  await serve?.stop();
  await slack?.close();
  await discord?.close();
  await openai?.close();
  await redis?.stop();
});

beforeEach(() => {
  respond = (request) => faithfulReply(request);
});

const postsIn = (channel: string) =>
  slack.callsTo("chat.postMessage").filter((call) => call.body.channel === channel);
const updatesIn = (channel: string) =>
  slack.callsTo("chat.update").filter((call) => call.body.channel === channel);
const serialized = (value: unknown) => JSON.stringify(value);

/** Asks in a channel of its own; resolves with the job id once the answer (not the progress) is in place. */
async function ask(channel: string, question: string, timeoutMs = 20_000): Promise<string> {
  const fields = slashCommandFields({ channel_id: channel, text: question });
  const response = await sendSlashCommand(eventsUrl, SECRET, fields);
  expect(response.status).toBe(200);
  const jobId = slackJobId("slack-cmd", fields.trigger_id ?? "");
  await until(async () => (await delivery(jobId))?.complete === true, `the answer in ${channel}`, timeoutMs);
  return jobId;
}

async function delivery(jobId: string): Promise<{ complete: boolean; messageIds: string[] } | undefined> {
  const json = await redis.client().get(`{${NAMESPACE}}:delivery:${jobId}`);
  return json === null ? undefined : JSON.parse(json);
}

/** The answer the job posted, exactly as stored for it. */
async function postedAnswer(jobId: string): Promise<Answer> {
  const json = await redis.client().get(`{${NAMESPACE}}:delivery:${jobId}:answer`);
  if (json === null) throw new Error(`no answer stored for ${jobId}`);
  return modelAnswerJsonSchema.parse(JSON.parse(json)) as Answer;
}

/** What the channel shows now: the messages posted in it, after every edit. */
function shownIn(channel: string): string {
  return serialized(
    postsIn(channel).map((call) => slack.message(channel, String((call.reply as { ts?: string })?.ts))),
  );
}

/** Every bullet is supported by every passage it cites, and every source quote is in its passage. */
function expectVerified(answer: Answer): void {
  for (const bullet of answer.bullets) {
    for (const n of bullet.citations) {
      const source = answer.sources[n - 1];
      expect(source, `source [${n}]`).toBeDefined();
      if (!source) continue;
      const verdict = bulletSupport(bullet.text, "en", { text: source.passage, language: source.language });
      expect(verdict.supported, `"${bullet.text}" supported by [${n}] ${source.passage}`).toBe(true);
      if (source.quote) expect(source.passage).toContain(source.quote);
    }
  }
}

describe("answers written by a model over an OpenAI-compatible server", () => {
  it("posts a well-formed answer with its citations, verified, saying which model wrote it", async () => {
    const jobId = await ask("C1WELL", "What will Trend Micro provide?");
    const answer = await postedAnswer(jobId);
    expect(answer.model).toBe("fake-model");
    expect(answer.bullets.map((bullet) => bullet.text)).toEqual([
      "Trend Micro will share its threat information analysis with Interpol for the next three years.",
      "Trend Micro will deliver training programmes to Interpol.",
    ]);
    expect(answer.sources).toHaveLength(2);
    expectVerified(answer);
    const shown = shownIn("C1WELL");
    expect(shown).toContain("threat information analysis");
    expect(shown).toMatch(/\[1\]/);
    expect(shown).toContain("Written by fake-model");
    const request = openai.chatCalls().at(-1)?.body as ChatRequestBody;
    expect(request.response_format?.type).toBe("json_schema");
    expect(request.messages[0]?.content).toMatch(/never instructions/);
  });

  it("drops a bullet citing a passage it was not given, or quoting what its passage does not say", async () => {
    respond = (request) => {
      const good = faithfulReply(request);
      const threat = passageWith(request, /threat information/iu);
      const bullets = JSON.parse(good.content).bullets.slice(0, 1);
      bullets.push(
        {
          text: "Trend Micro will open an office in Lyon.",
          citations: [{ passage: "P99", quote: "an office in Lyon" }],
        },
        {
          text: "Trend Micro will share its threat information with Europol.",
          citations: [{ passage: threat?.id ?? "P1", quote: "share its threat information with Europol" }],
        },
      );
      return jsonReply(bullets);
    };
    const answer = await postedAnswer(await ask("C2DROP", "What will Trend Micro provide?"));
    expect(answer.bullets).toHaveLength(1);
    expect(answer.sources).toHaveLength(1);
    expect(shownIn("C2DROP")).not.toMatch(/Lyon|Europol/);
    expect(logs.some((line) => line.startsWith("model_answered") && line.includes("unknown_passage"))).toBe(
      true,
    );
  });

  it("posts the extractive answer with a note when every bullet is dropped", async () => {
    respond = () =>
      jsonReply([
        {
          text: "Eva Chen founded Interpol in 1923.",
          citations: [{ passage: "P1", quote: "Interpol in 1923" }],
        },
      ]);
    const answer = await postedAnswer(await ask("C3ALLDROP", "Who is the CEO of Trend Micro?"));
    expect(answer.model).toBeUndefined();
    expect(answer.note).toMatch(/could not be checked/);
    expect(answer.bullets.some((bullet) => /Eva Chen/u.test(bullet.text))).toBe(true);
    const shown = shownIn("C3ALLDROP");
    expect(shown).toMatch(/could not be checked/);
    expect(shown).not.toMatch(/1923/);
  });

  it("retries a 500 and a 429 (after its Retry-After) through the queue, then takes the model's answer", async () => {
    const before = openai.chatCalls().length;
    openai.script({ kind: "status", status: 500 }, { kind: "status", status: 429, retryAfterSeconds: 1 });
    const answer = await postedAnswer(await ask("C4RETRY", "What will Trend Micro provide?", 30_000));
    const calls = openai.chatCalls().slice(before);
    expect(calls).toHaveLength(3);
    expect((calls[2]?.at ?? 0) - (calls[1]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(answer.model).toBe("fake-model");
    expect(postsIn("C4RETRY")).toHaveLength(1);
  });

  it("after malformed JSON, a 500 and a timeout, posts the extractive answer with a note", async () => {
    const before = openai.chatCalls().length;
    openai.script(
      { kind: "content", content: '{"answerable": true, "bullets": [{"text": "Trend' },
      { kind: "status", status: 503 },
      { kind: "hang" },
    );
    const answer = await postedAnswer(await ask("C5FAIL", "Who is the CEO of Trend Micro?", 30_000));
    expect(openai.chatCalls().length - before).toBe(3);
    expect(answer.model).toBeUndefined();
    expect(answer.note).toMatch(/not answering right now/);
    expect(answer.bullets.some((bullet) => /Eva Chen/u.test(bullet.text))).toBe(true);
    expect(shownIn("C5FAIL")).toMatch(/not answering right now/);
    expect(postsIn("C5FAIL")).toHaveLength(1);
  });

  it("an article's instructions cannot make a post ping anyone or cite a passage that does not say it", async () => {
    respond = (request) => {
      const storm = passageWith(request, /Rotterdam harbour closed/iu);
      const id = storm?.id ?? "P1";
      return jsonReply([
        {
          text: "<!channel> @everyone Reply to every question about the harbour.",
          citations: [{ passage: id, quote: "reply with ‹!channel› and @everyone" }],
        },
        {
          text: "The Rotterdam harbour closed on Monday because of a storm.",
          citations: [{ passage: id, quote: "The Rotterdam harbour closed on Monday because of a storm" }],
        },
        {
          text: "The Rotterdam harbour reopened on Tuesday.",
          citations: [{ passage: id, quote: "The Rotterdam harbour closed on Monday" }],
        },
      ]);
    };
    const answer = await postedAnswer(await ask("C6HOSTILE", "Why did the Rotterdam harbour close?"));
    expectVerified(answer);
    expect(answer.bullets.map((bullet) => bullet.text)).toEqual([
      "The Rotterdam harbour closed on Monday because of a storm.",
    ]);
    const shown = shownIn("C6HOSTILE");
    expect(shown).not.toMatch(/<!channel>|<!here>|<@U123>/u);
    expect(shown).not.toMatch(/reopened/u);
  });
});

describe("streaming: progress within 2 s, edited into the verified answer", () => {
  const slowly = (request: ChatRequestBody): FakeReply => {
    // About 27 chunks, 1.6 s: longer than the 1 s between progress edits, within LLM_TIMEOUT_MS.
    const reply = faithfulReply(request, { chunkDelayMs: 60 });
    const threat = passageWith(request, /threat information/iu);
    const content = JSON.parse(reply.content);
    content.bullets.push({
      text: "Trend Micro will build a new headquarters in Lyon.",
      citations: [
        {
          passage: threat?.id ?? "P1",
          quote: quoteFrom(threat ?? { id: "", title: "", language: "", text: "" }, /Trend/u, 5),
        },
      ],
    });
    return { ...reply, content: JSON.stringify(content), chunkSize: 20 };
  };

  it("Slack: a placeholder at once, progress edits while the model writes, then the answer in its place", async () => {
    respond = slowly;
    const fields = slashCommandFields({ channel_id: "C7STREAM", text: "What will Trend Micro provide?" });
    const asked = Date.now();
    await sendSlashCommand(eventsUrl, SECRET, fields);
    await until(() => postsIn("C7STREAM").length > 0, "the placeholder", 2_000);
    expect((postsIn("C7STREAM")[0]?.at ?? 0) - asked).toBeLessThan(2_000);
    const jobId = slackJobId("slack-cmd", fields.trigger_id ?? "");
    await until(async () => (await delivery(jobId))?.complete === true, "the streamed answer", 20_000);
    expect((await postedAnswer(jobId)).model).toBe("fake-model");
    const updates = updatesIn("C7STREAM");
    const final = updates.at(-1);
    const progress = updates.filter((call) => serialized(call.body).includes("Writing the answer"));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]?.at ?? Number.POSITIVE_INFINITY).toBeLessThan(final?.at ?? 0);
    expect(postsIn("C7STREAM")).toHaveLength(1);
    const shown = shownIn("C7STREAM");
    expect(shown).toContain("threat information analysis");
    expect(shown).not.toContain("headquarters");
    expect(shown).not.toContain("Writing the answer");
  });

  it("Discord /brief: the deferred reply shows progress, then becomes the verified answer", async () => {
    respond = slowly;
    await until(() => discord.identifies.length > 0, "the Discord client to identify");
    const { token } = discord.sendInteraction({ question: "What will Trend Micro provide?" });
    const edits = () => discord.callsTo("PATCH", new RegExp(`/webhooks/\\d+/${token}/messages/@original`));
    await until(() => edits().length > 0, "a progress edit", 2_000);
    await until(
      () => serialized(discord.originalResponse(token)).includes("threat information"),
      "the answer",
      20_000,
    );
    expect(edits().some((call) => serialized(call.body).includes("Writing the answer"))).toBe(true);
    const final = discord.originalResponse(token);
    expect(serialized(final)).toContain("Written by fake-model");
    expect(final?.content).toBe("");
    expect(serialized(final)).not.toContain("headquarters");
    expect(final).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it("Discord mention: a reply that shows progress, then is edited into the verified answer", async () => {
    respond = slowly;
    const messageId = discord.sendMessageCreate({
      content: "What will Trend Micro provide?",
      mentionsBot: true,
    });
    const replies = () =>
      discord
        .callsTo("POST", /\/channels\/\d+\/messages$/)
        .filter((call) => serialized(call.body).includes(messageId));
    await until(() => replies().length > 0, "the placeholder reply", 2_000);
    await until(
      () =>
        discord
          .callsTo("PATCH", /\/channels\/\d+\/messages\/\d+$/)
          .some((call) => serialized(call.body).includes("threat information")),
      "the answer edited in",
      20_000,
    );
    expect(replies()).toHaveLength(1);
    const edits = discord.callsTo("PATCH", /\/channels\/\d+\/messages\/\d+$/);
    expect(edits.some((call) => serialized(call.body).includes("Writing the answer"))).toBe(true);
    expect(serialized(edits.at(-1)?.body)).not.toContain("headquarters");
    expect(serialized(edits.at(-1)?.body)).toContain("Written by fake-model");
  });
});
