import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPaths } from "../../src/adapters/files/load-paths.ts";
import { questionHash } from "../../src/adapters/ops/service-log.ts";
import { slackJobId } from "../../src/adapters/slack/job-ids.ts";
import { freePort } from "../../src/store/embedded-redis-server.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { FakeDiscord } from "../support/fake-discord.ts";
import { type ChatRequestBody, FakeOpenAI, type FakeReply } from "../support/fake-openai.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { assertNoSecrets, type LogLine, parseLogLines } from "../support/log-lines.ts";
import { jsonReply, passageWith, quoteFrom } from "../support/model-prompt.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { SEEDS_DIRECTORY } from "../support/seed-library.ts";
import { sendSlashCommand, slashCommandFields } from "../support/slack-signing.ts";
import { until } from "../support/until.ts";

const BIN = fileURLToPath(new URL("../../bin/briefbot.js", import.meta.url));
const NAMESPACE = "loglines";

// Distinctive, so that any trace of them in a line is found.
const BOT_TOKEN = "xoxb-loglines-7f3a9c-bot-token";
const SIGNING_SECRET = "loglines-signing/secret+5b2e81d4";
const DISCORD_TOKEN = "loglines-discord.token-c41f77e2";
const OPENAI_KEY = "sk-loglines-openai-key-91ce05aa";
const ADMIN_TOKEN = "loglines-admin-token-e07b3d19";
const REDIS_PASSWORD = "loglines-redis-password-6d2a";
const SECRETS = [BOT_TOKEN, SIGNING_SECRET, DISCORD_TOKEN, OPENAI_KEY, ADMIN_TOKEN, REDIS_PASSWORD];

const ANSWERED_QUESTION = "What will Trend Micro provide to Interpol, for the log check?";
const FAILING_QUESTION = "What will Trend Micro share with Interpol, when the model refuses the key?";
const DISCORD_QUESTION = "What training will Trend Micro deliver to Interpol, asked on Discord?";

let redis: ThrowawayRedis;
let client: Redis;
let slack: FakeSlack;
let discord: FakeDiscord;
let openai: FakeOpenAI;
let serve: ChildProcessWithoutNullStreams;
let dataDirectory: string;
let port: number;
let stderr = "";
let stdout = "";
let respond: (request: ChatRequestBody) => FakeReply;

/** The test model: answers from the Trend Micro seeds it is given, with real quotes. */
function faithfulReply(request: ChatRequestBody): FakeReply {
  const threat = passageWith(request, /threat information/iu);
  const training = passageWith(request, /training/iu);
  const bullets = [];
  if (threat) {
    bullets.push({
      text: "Trend Micro will share its threat information analysis with Interpol.",
      citations: [{ passage: threat.id, quote: quoteFrom(threat, /share its threat information/iu, 8) }],
    });
  }
  if (training) {
    bullets.push({
      text: "Trend Micro will deliver training programmes to Interpol.",
      citations: [{ passage: training.id, quote: quoteFrom(training, /training/iu, 6) }],
    });
  }
  return jsonReply(bullets);
}

/** What a careless server does with a refused key: says it back, in the body and the message. */
function refusedKeyReply(status: number): FakeReply {
  return {
    kind: "status",
    status,
    body: {
      error: {
        message: `Incorrect API key provided: ${OPENAI_KEY}. Authorization: Bearer ${OPENAI_KEY}`,
        type: "invalid_request_error",
        param: null,
        code: "invalid_api_key",
      },
    },
  };
}

async function delivered(jobId: string): Promise<boolean> {
  const json = await client.get(`{${NAMESPACE}}:delivery:${jobId}`);
  return json !== null && (JSON.parse(json) as { complete?: boolean }).complete === true;
}

async function askOnSlack(channel: string, question: string): Promise<string> {
  const fields = slashCommandFields({ channel_id: channel, text: question });
  const response = await sendSlashCommand(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, fields);
  expect(response.status).toBe(200);
  return slackJobId("slack-cmd", fields.trigger_id ?? "");
}

beforeAll(async () => {
  redis = await startRedis();
  const setup = redis.client();
  await setup.config("SET", "requirepass", REDIS_PASSWORD);
  const redisUrl = `redis://default:${REDIS_PASSWORD}@127.0.0.1:${redis.port}`;
  client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  client.on("error", () => {});
  await new RedisArticleStore(client, NAMESPACE).put((await loadPaths([SEEDS_DIRECTORY])).articles);
  slack = await FakeSlack.start({ token: BOT_TOKEN });
  discord = await FakeDiscord.start();
  openai = await FakeOpenAI.start({ apiKey: OPENAI_KEY, respond: (request) => respond(request) });
  respond = faithfulReply;
  dataDirectory = await mkdtemp(join(tmpdir(), "briefbot-loglines-"));
  port = await freePort();
  serve = spawn(process.execPath, [BIN, "serve"], {
    env: {
      PATH: process.env.PATH ?? "",
      REDIS_URL: redisUrl,
      BRIEFBOT_NAMESPACE: NAMESPACE,
      BRIEFBOT_DATA_DIR: dataDirectory,
      PORT: String(port),
      JOB_LOCK_MS: "10000",
      LOG_LEVEL: "trace",
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: DISCORD_TOKEN,
      DISCORD_API_URL: discord.apiUrl,
      OPENAI_API_KEY: OPENAI_KEY,
      OPENAI_BASE_URL: openai.baseUrl,
      OPENAI_MODEL: "fake-model",
      LLM_TIMEOUT_MS: "5000",
      LLM_ATTEMPTS: "2",
      ADMIN_TOKEN,
    },
  });
  serve.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  serve.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  await until(
    () => (stderr.match(/adapter_started/gu) ?? []).length >= 2 && discord.identifies.length > 0,
    `serve to start both adapters (log: ${stderr.slice(-600)})`,
    30_000,
  );
}, 60_000);

afterAll(async () => {
  if (serve && serve.exitCode === null) {
    const exited = new Promise((resolve) => serve.once("exit", resolve));
    serve.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    serve.kill("SIGKILL");
  }
  client?.disconnect();
  await slack?.close();
  await discord?.close();
  await openai?.close();
  await redis?.stop();
  if (dataDirectory) await rm(dataDirectory, { recursive: true, force: true });
});

describe("serve's log lines over a question answered, one that fails, and one on Discord", () => {
  let lines: LogLine[] = [];
  const jobIds: Record<"answered" | "failing", string> = { answered: "", failing: "" };

  beforeAll(async () => {
    jobIds.answered = await askOnSlack("C0LOGOK", ANSWERED_QUESTION);
    await until(() => delivered(jobIds.answered), "the answer on Slack", 30_000);

    // The model refuses the key and says it back; Slack's posts fail as in an outage, so the job is retried.
    respond = () => refusedKeyReply(401);
    slack.failNext("chat.postMessage", { kind: "server_error", status: 500 }, 3);
    jobIds.failing = await askOnSlack("C0LOGFAIL", FAILING_QUESTION);
    await until(() => delivered(jobIds.failing), "the fallback answer on Slack", 45_000);

    respond = faithfulReply;
    const { token } = discord.sendInteraction({ question: DISCORD_QUESTION });
    await until(
      () => JSON.stringify(discord.originalResponse(token) ?? {}).includes("training"),
      "the answer on Discord",
      30_000,
    );

    // The admin dashboard, asked with the right token and a wrong one.
    for (const authorization of [`Bearer ${ADMIN_TOKEN}`, "Bearer wrong"]) {
      await fetch(`http://127.0.0.1:${port}/admin/queues`, { headers: { authorization } })
        .then((response) => response.arrayBuffer())
        .catch(() => undefined);
    }

    const exited = new Promise((resolve) => serve.once("exit", resolve));
    serve.kill("SIGTERM");
    await exited;
    lines = parseLogLines(stderr);
  }, 150_000);

  it("writes every line as JSON with level, time, component and event", () => {
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(["trace", "debug", "info", "warn", "error", "fatal"]).toContain(line.level);
      expect(new Date(line.time).toISOString()).toBe(line.time);
    }
    expect(lines.map((line) => line.event)).toEqual(expect.arrayContaining(["adapter_started", "stopping"]));
  });

  it("logs the failures: the model's refusal and Slack's failed post", () => {
    const failures = lines.filter((line) => line.level === "warn" || line.level === "error");
    expect(failures.map((line) => line.event)).toContain("model_failed");
    expect(failures.some((line) => line.jobId === jobIds.failing && line.event === "job_failed")).toBe(true);
  });

  it("never writes a token, signing secret, API key or password, in any spelling", () => {
    assertNoSecrets(stderr, SECRETS);
    assertNoSecrets(stdout, SECRETS);
  });

  it("logs questions as hashes, never as text", () => {
    for (const question of [ANSWERED_QUESTION, FAILING_QUESTION, DISCORD_QUESTION]) {
      expect(stderr).not.toContain(question);
      expect(stderr).not.toContain(encodeURIComponent(question));
    }
    for (const line of lines) expect(line).not.toHaveProperty("question");
    for (const [jobId, question] of [
      [jobIds.answered, ANSWERED_QUESTION],
      [jobIds.failing, FAILING_QUESTION],
    ] as const) {
      const hashes = lines.filter((line) => line.jobId === jobId).map((line) => line.questionHash);
      expect(hashes).toContain(questionHash(question));
    }
    expect(lines.some((line) => line.questionHash === questionHash(DISCORD_QUESTION))).toBe(true);
  });
});
