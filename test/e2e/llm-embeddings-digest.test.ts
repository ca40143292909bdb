import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPaths } from "../../src/adapters/files/load-paths.ts";
import { slackJobId } from "../../src/adapters/slack/job-ids.ts";
import type { Answer } from "../../src/core/types.ts";
import { type ChatRequestBody, FakeOpenAI, type FakeReply } from "../support/fake-openai.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { jsonReply, passageWith, promptPassages, quoteFrom } from "../support/model-prompt.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { SEEDS_DIRECTORY } from "../support/seed-library.ts";
import { type ServeOverRedis, serveOverRedis } from "../support/serve-over-redis.ts";
import { sendSlashCommand, slashCommandFields } from "../support/slack-signing.ts";
import { until } from "../support/until.ts";

const SECRET = "embeddings-signing-secret";
const NAMESPACE = "hybrid";
/** Concepts the test embedder knows in three languages, one dimension each: a stand-in for a real model. */
const CONCEPTS = [
  /researcher|onderzoeker|chercheur/iu,
  /training|formation|opleiding/iu,
  /threat|menace|bedreiging/iu,
  /singapo/iu,
];
let redis: ThrowawayRedis;
let slack: FakeSlack;
let openai: FakeOpenAI;
let serve: ServeOverRedis;
let eventsUrl: string;
let respond: (request: ChatRequestBody) => FakeReply;
const logs: string[] = [];

function conceptVector(text: string): number[] {
  const vector = CONCEPTS.map((concept) => (concept.test(text) ? 1 : 0));
  return [...vector, 0.05];
}

/** The test model for digests and summaries: the first sentence of each of the first two passages. */
function storyReply(request: ChatRequestBody): FakeReply {
  const bullets = promptPassages(request)
    .slice(0, 2)
    .map((passage) => {
      const sentence = passage.text.split(/(?<=[.!?])\s+/u)[0] ?? passage.text;
      return { text: sentence, citations: [{ passage: passage.id, quote: quoteFrom(passage, /\S/u, 8) }] };
    });
  return jsonReply(bullets, { tokens: 100 });
}

beforeAll(async () => {
  redis = await startRedis();
  slack = await FakeSlack.start({ token: "xoxb-hybrid" });
  openai = await FakeOpenAI.start({ respond: (request) => respond(request), embed: conceptVector });
  respond = storyReply;
  serve = await serveOverRedis(
    redis,
    NAMESPACE,
    (await loadPaths([SEEDS_DIRECTORY])).articles,
    {
      SLACK_BOT_TOKEN: "xoxb-hybrid",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      OPENAI_BASE_URL: openai.baseUrl,
      OPENAI_MODEL: "fake-model",
      OPENAI_EMBEDDING_MODEL: "fake-embed",
      LLM_PASSAGE_TOKENS: "2000",
      LLM_MAX_OUTPUT_TOKENS: "500",
      LLM_DAILY_TOKENS: "8000",
    },
    logs,
  );
  eventsUrl = serve.eventsUrl;
}, 60_000);

afterAll(async () => {
  await serve?.stop();
  await slack?.close();
  await openai?.close();
  await redis?.stop();
});

const postsIn = (channel: string) =>
  slack.callsTo("chat.postMessage").filter((call) => call.body.channel === channel);

async function command(channel: string, text: string): Promise<string> {
  const fields = slashCommandFields({ channel_id: channel, text });
  const response = await sendSlashCommand(eventsUrl, SECRET, fields);
  expect(response.status).toBe(200);
  return slackJobId("slack-cmd", fields.trigger_id ?? "");
}

async function answered(jobId: string): Promise<Answer> {
  const key = `{${NAMESPACE}}:delivery:${jobId}`;
  await until(async () => JSON.parse((await redis.client().get(key)) ?? "{}").complete === true, jobId);
  return JSON.parse((await redis.client().get(`${key}:answer`)) ?? "{}") as Answer;
}

describe("embeddings: passages embedded once, stored with the article, fused with the lexical ranking", () => {
  it("stores every seed article's passage vectors in Redis at start-up", async () => {
    const ids = await redis.client().zrange(`{${NAMESPACE}}:log`, "0", "-1");
    expect(ids).toHaveLength(5);
    for (const id of ids) {
      expect(await redis.client().hexists(`{${NAMESPACE}}:vec:${id}`, "fake-embed")).toBe(1);
    }
    const embedded = openai.embeddingCalls().flatMap((call) => call.body.input as string[]);
    expect(embedded.length).toBeGreaterThan(20);
  });

  it("gives the model the Dutch and French passages an English question finds by meaning, one fact citing all", async () => {
    const before = openai.embeddingCalls().length;
    respond = (request) => {
      const english = passageWith(request, /security researcher will be onsite/iu);
      const dutch = passageWith(request, /security-onderzoeker/iu);
      const citations = [english, dutch].flatMap((passage) =>
        passage ? [{ passage: passage.id, quote: quoteFrom(passage, /Trend Micro security/iu, 5) }] : [],
      );
      return jsonReply(
        [
          {
            text: "A Trend Micro security researcher will be based in Singapore.",
            citations,
          },
        ],
        { tokens: 100 },
      );
    };
    const answer = await answered(await command("C1HYBRID", "Where will the researcher work?"));
    const queries = openai.embeddingCalls().slice(before);
    expect(queries.map((call) => call.body.input)).toContainEqual(["Where will the researcher work?"]);
    const prompt = openai.chatCalls().at(-1)?.body as ChatRequestBody;
    const languages = promptPassages(prompt)
      .filter((passage) => CONCEPTS[0]?.test(passage.text))
      .map((passage) => passage.language);
    expect(languages).toContain("nl");
    expect(answer.model).toBe("fake-model");
    expect(answer.bullets).toHaveLength(1);
    expect(answer.bullets[0]?.citations).toHaveLength(2);
    expect(new Set(answer.sources.map((source) => source.language))).toEqual(new Set(["en", "nl"]));
  });
});

describe("digests and summaries written by the model", () => {
  it("posts a digest whose story summary the model wrote, quotes checked", async () => {
    respond = storyReply;
    await command("C2DIGEST", "digest daily 08:00 UTC");
    await command("C2DIGEST", "digest now");
    await until(() => postsIn("C2DIGEST").length > 0, "the digest");
    const post = JSON.stringify(postsIn("C2DIGEST")[0]?.body.blocks);
    expect(post).toMatch(/summary by fake-model, quotes checked/u);
    expect(post).toMatch(/\[1\]/u);
    const storyPrompt = openai.chatCalls().at(-1)?.body as ChatRequestBody;
    expect(storyPrompt.messages[0]?.content).toMatch(/daily digest/u);
  });

  it("summarize <topic>: the model's verified summary", async () => {
    respond = storyReply;
    const answer = await answered(await command("C3SUMMARY", "summarize Trend Micro"));
    expect(answer.model).toBe("fake-model");
    expect(answer.bullets.length).toBeGreaterThan(0);
    for (const bullet of answer.bullets) {
      for (const n of bullet.citations) {
        const source = answer.sources[n - 1];
        expect(source?.passage).toContain(source?.quote ?? "no quote");
      }
    }
  });
});

describe("the daily token budget", () => {
  it("once spent, answers are extractive with a note, and the model is not called", async () => {
    respond = (request) => ({
      ...storyReply(request),
      usage: { prompt_tokens: 9_000, completion_tokens: 50 },
    });
    await answered(await command("C4SPEND", "Who is the CEO of Trend Micro?"));
    const calls = openai.chatCalls().length;
    const answer = await answered(await command("C4SPENT", "Who is the CEO of Trend Micro?"));
    expect(openai.chatCalls()).toHaveLength(calls);
    expect(answer.model).toBeUndefined();
    expect(answer.note).toMatch(/budget is spent/u);
    expect(answer.bullets.some((bullet) => /Eva Chen/u.test(bullet.text))).toBe(true);
    const posted = postsIn("C4SPENT")[0];
    const shown = slack.message("C4SPENT", String((posted?.reply as { ts?: string })?.ts));
    expect(JSON.stringify(shown?.blocks)).toMatch(/budget is spent/u);
  });
});
