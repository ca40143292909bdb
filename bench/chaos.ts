/**
 * `npm run chaos`: faults an operator meets, against the real processes: `briefbot serve` (Bolt HTTP receiver,
 * queue producer, one worker) and two `briefbot worker` processes around one redis-server with AOF, all on
 * 127.0.0.1, answering signed Slack slash commands on the seed articles and posting to a loopback Slack Web API.
 *
 * Scenarios: Redis restarted under load; a worker SIGKILLed the moment one of its answer parts reaches Slack,
 * at 0, 250 and 1000 ms of Slack latency; `serve` SIGKILLed under load; Slack answering 429s and 500s; a rolling
 * restart (SIGTERM to each worker in turn, then to `serve`, each started again). Every
 * question goes to a channel of its own; its answer's parts carry Slack message metadata (job, part), so a
 * part posted twice is a duplicate. Lost = acknowledged (HTTP 200 to the slash command) but neither answered
 * nor told to ask again within the scenario's time; told = the asker was asked to type it again. Prints one row
 * per scenario; exits 1 on any loss, ask-again or duplicate. Bounded: each scenario stops after its deadline, everything is stopped at the end.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { loadPaths } from "../src/adapters/files/load-paths.ts";
import { freePort, type RedisServerProcess, startRedisServer } from "../src/store/embedded-redis-server.ts";
import { RedisArticleStore } from "../src/store/redis-article-store.ts";
import { FakeSlack, type RecordedCall } from "../test/support/fake-slack.ts";
import { sendSlashCommand, slashCommandFields } from "../test/support/slack-signing.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "briefbot.js");
const SECRET = "chaos-signing-secret-0123456789abcdef";
const NAMESPACE = "chaos";
const SERVE_TOKEN = "xoxb-chaos-serve";
const workerToken = (n: number) => `xoxb-chaos-worker-${n}`;
const JOB_LOCK_MS = 5_000;
const READY_MS = 60_000;
const QUESTIONS = [
  "What will Trend Micro provide?",
  "Where is the INTERPOL Global Complex for Innovation?",
  "Who is the CEO of Trend Micro?",
  "What did Microsoft announce about Windows licensing?",
];

const say = (text: string) => console.log(text);
const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

interface Child {
  name: string;
  process: ChildProcess;
  exited: Promise<unknown>;
  ready: Promise<void>;
}

function startChild(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  log: WriteStream,
  readyEvent: string,
) {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name}: no ${readyEvent} within ${READY_MS} ms`)),
      READY_MS,
    );
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => {
        log.write(`[${name}] ${line}\n`);
        if (line.includes(`"event":"${readyEvent}"`) || line.includes(` ${readyEvent}`)) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
    void exited.then(() => clearTimeout(timer));
  });
  ready.catch(() => {});
  return { name, process: child, exited, ready } satisfies Child;
}

async function kill(child: Child | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill(signal);
  await Promise.race([child.exited, sleep(10_000)]);
  if (child.process.exitCode === null && child.process.signalCode === null) {
    child.process.kill("SIGKILL");
    await child.exited;
  }
}

interface Tally {
  acked: Set<string>;
  refused: number;
  /** channel → part → times posted */
  parts: Map<string, Map<number, number>>;
  answeredAt: Map<string, number>;
  sentAt: Map<string, number>;
  told: Set<string>;
  /** conversations.history / .replies calls: re-runs looking for a part posted before a crash. */
  lookups: number;
}

function newTally(): Tally {
  return {
    acked: new Set(),
    refused: 0,
    parts: new Map(),
    answeredAt: new Map(),
    sentAt: new Map(),
    told: new Set(),
    lookups: 0,
  };
}

function partOf(call: RecordedCall): number | undefined {
  const metadata = call.body.metadata as
    | { event_type?: string; event_payload?: { part?: unknown } }
    | undefined;
  const part = metadata?.event_payload?.part;
  return metadata?.event_type === "briefbot_part" && typeof part === "number" ? part : undefined;
}

class Harness {
  readonly directory: string;
  readonly log: WriteStream;
  readonly fake: FakeSlack;
  redis: RedisServerProcess;
  readonly redisPort: number;
  readonly port: number;
  serve: Child | undefined;
  readonly workers: Array<Child | undefined> = [undefined, undefined];
  tally = newTally();
  /** When set, called for every chat.postMessage as it reaches Slack (before Slack answers). */
  onPost: ((call: RecordedCall) => void) | undefined;

  private constructor(
    directory: string,
    log: WriteStream,
    fake: FakeSlack,
    redis: RedisServerProcess,
    port: number,
  ) {
    this.directory = directory;
    this.log = log;
    this.fake = fake;
    this.redis = redis;
    this.redisPort = redis.port;
    this.port = port;
    fake.onRecord = ({ call, response }) => {
      if (call?.method.startsWith("conversations.")) this.tally.lookups++;
      if (call?.method === "chat.postMessage") this.onPost?.(call);
      if (response && JSON.stringify(response.body).includes("Sorry")) {
        this.tally.told.add(response.id);
      }
    };
  }

  static async start(): Promise<Harness> {
    const directory = await mkdtemp(join(tmpdir(), "briefbot-chaos-"));
    const log = createWriteStream(join(directory, "processes.log"));
    const fake = await FakeSlack.start();
    const redis = await startRedisServer({ directory: join(directory, "redis"), appendOnly: true });
    const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    await new RedisArticleStore(client, NAMESPACE).put((await loadPaths([join(ROOT, "seeds")])).articles);
    client.disconnect();
    const harness = new Harness(directory, log, fake, redis, await freePort());
    await harness.startServe();
    await Promise.all([harness.startWorker(0), harness.startWorker(1)]);
    return harness;
  }

  env(token: string, concurrency: number): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: this.directory,
      REDIS_URL: this.redis.url,
      BRIEFBOT_NAMESPACE: NAMESPACE,
      SLACK_BOT_TOKEN: token,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: this.fake.apiUrl,
      PORT: String(this.port),
      JOB_LOCK_MS: String(JOB_LOCK_MS),
      WORKER_CONCURRENCY: String(concurrency),
      // Passed on to compare: ENQUEUE_RETRY_MS=0 npm run chaos redis (no outbox).
      ...(process.env.ENQUEUE_RETRY_MS ? { ENQUEUE_RETRY_MS: process.env.ENQUEUE_RETRY_MS } : {}),
    };
  }

  async startServe(): Promise<void> {
    this.serve = startChild("serve", ["serve"], this.env(SERVE_TOKEN, 1), this.log, "adapter_started");
    await this.serve.ready;
  }

  async startWorker(index: number): Promise<void> {
    const worker = startChild(
      `worker${index}`,
      ["worker"],
      { ...this.env(workerToken(index), 4), HTTP_PORT: "0" },
      this.log,
      "worker_started",
    );
    this.workers[index] = worker;
    await worker.ready;
  }

  async restartRedis(downMs: number): Promise<void> {
    await this.redis.stop();
    await sleep(downMs);
    this.redis = await startRedisServer({ directory: join(this.directory, "redis"), port: this.redisPort });
  }

  /** Sends `count` slash commands at `perSecond`, each to a channel of its own. */
  async ask(label: string, count: number, perSecond: number): Promise<void> {
    const sent: Promise<void>[] = [];
    for (let index = 0; index < count; index++) {
      const channel = `C${label}${index}`;
      const question = QUESTIONS[index % QUESTIONS.length] ?? "";
      this.tally.sentAt.set(channel, Date.now());
      const fields = slashCommandFields({
        channel_id: channel,
        text: question,
        response_url: this.fake.responseUrl(channel),
      });
      sent.push(
        sendSlashCommand(`http://127.0.0.1:${this.port}/slack/events`, SECRET, fields).then(
          (response) => {
            if (response.status === 200) this.tally.acked.add(channel);
            else this.tally.refused++;
          },
          () => {
            this.tally.refused++;
          },
        ),
      );
      await sleep(1000 / perSecond);
    }
    await Promise.all(sent);
  }

  /** Waits until every acknowledged question is answered or its asker told, or the deadline passes. */
  async settle(deadlineMs: number): Promise<void> {
    const deadline = Date.now() + deadlineMs;
    while (Date.now() < deadline) {
      this.recount();
      const open = [...this.tally.acked].filter(
        (channel) => !this.tally.answeredAt.has(channel) && !this.tally.told.has(channel),
      );
      if (open.length === 0) break;
      await sleep(250);
    }
    // Late duplicates (a stalled job taken over after JOB_LOCK_MS) get their chance to show.
    await sleep(JOB_LOCK_MS + 6_000);
    this.recount();
  }

  recount(): void {
    this.tally.parts.clear();
    this.tally.answeredAt.clear();
    countPosts(this.fake.calls, this.tally);
  }

  async stop(): Promise<void> {
    await Promise.all([
      kill(this.serve, "SIGTERM"),
      ...this.workers.map((worker) => kill(worker, "SIGTERM")),
    ]);
    await this.redis.stop();
    await this.fake.close();
    await new Promise<void>((resolve) => this.log.end(() => resolve()));
    await rm(this.directory, { recursive: true, force: true });
  }
}

interface Row {
  scenario: string;
  asked: number;
  acked: number;
  answered: number;
  told: number;
  lost: number;
  duplicated: number;
  lookups: number;
  p95Seconds: number;
  maxSeconds: number;
}

/** Parts Slack accepted (a 429 or 500 posts nothing), by channel, and when each channel's first one arrived. */
function countPosts(calls: readonly RecordedCall[], tally: Tally): void {
  for (const call of calls) {
    if (call.method !== "chat.postMessage" || (call.reply as { ok?: boolean } | undefined)?.ok !== true)
      continue;
    const part = partOf(call);
    if (part === undefined) continue;
    const channel = String(call.body.channel);
    const parts = tally.parts.get(channel) ?? new Map<number, number>();
    parts.set(part, (parts.get(part) ?? 0) + 1);
    tally.parts.set(channel, parts);
    if (part >= 0 && !tally.answeredAt.has(channel)) tally.answeredAt.set(channel, call.at);
  }
}

function rowOf(scenario: string, asked: number, tally: Tally): Row {
  let duplicated = 0;
  for (const parts of tally.parts.values())
    for (const times of parts.values()) if (times > 1) duplicated += times - 1;
  const waits = [...tally.answeredAt]
    .map(([channel, at]) => (at - (tally.sentAt.get(channel) ?? at)) / 1000)
    .sort((a, b) => a - b);
  const lost = [...tally.acked].filter(
    (channel) => !tally.answeredAt.has(channel) && !tally.told.has(channel),
  ).length;
  return {
    scenario,
    asked,
    acked: tally.acked.size,
    answered: tally.answeredAt.size,
    told: tally.told.size,
    lost,
    duplicated,
    lookups: tally.lookups,
    p95Seconds: waits[Math.floor(0.95 * (waits.length - 1))] ?? Number.NaN,
    maxSeconds: waits.at(-1) ?? Number.NaN,
  };
}

function printRow(row: Row): void {
  say(
    [
      row.scenario.padEnd(40),
      String(row.asked).padStart(5),
      String(row.acked).padStart(5),
      String(row.answered).padStart(8),
      String(row.told).padStart(5),
      String(row.lost).padStart(5),
      String(row.duplicated).padStart(5),
      String(row.lookups).padStart(7),
      row.p95Seconds.toFixed(1).padStart(7),
      row.maxSeconds.toFixed(1).padStart(7),
    ].join(" "),
  );
}

async function redisRestart(harness: Harness): Promise<Row> {
  const asking = harness.ask("redis", 200, 25);
  await sleep(2_000);
  await harness.restartRedis(3_000);
  await asking;
  await harness.settle(90_000);
  return rowOf("Redis restarted, down 3 s (200 at 25/s)", 200, harness.tally);
}

async function workerKills(harness: Harness, latencyMs: number): Promise<Row> {
  harness.fake.latencyMs = latencyMs;
  let kills = 0;
  let lastKill = 0;
  harness.onPost = (call) => {
    const index = [0, 1].find((n) => call.token === workerToken(n));
    if (index === undefined || kills >= 8 || Date.now() - lastKill < 1_500) return;
    kills++;
    lastKill = Date.now();
    const victim = harness.workers[index];
    victim?.process.kill("SIGKILL");
    void victim?.exited.then(async () => {
      await sleep(300);
      await harness.startWorker(index);
    });
  };
  await harness.ask(`kill${latencyMs}x`, 60, 10);
  await harness.settle(90_000);
  harness.onPost = undefined;
  harness.fake.latencyMs = 0;
  return rowOf(`worker SIGKILL mid-post x${kills}, Slack ${latencyMs} ms`, 60, harness.tally);
}

async function serveKill(harness: Harness): Promise<Row> {
  const asking = harness.ask("serve", 100, 25);
  await sleep(2_000);
  await kill(harness.serve, "SIGKILL");
  await sleep(1_000);
  const restarted = harness.startServe();
  await asking;
  await restarted;
  await harness.settle(60_000);
  return rowOf(`serve SIGKILL (100 at 25/s; ${harness.tally.refused} refused)`, 100, harness.tally);
}

/** A rolling restart as an orchestrator does it: SIGTERM each worker in turn, then `serve`, under load. */
async function rollingRestart(harness: Harness): Promise<Row> {
  harness.fake.latencyMs = 250;
  const asking = harness.ask("rolling", 240, 20);
  for (const index of [0, 1]) {
    await sleep(1_000);
    await kill(harness.workers[index], "SIGTERM");
    await harness.startWorker(index);
  }
  await sleep(500);
  await kill(harness.serve, "SIGTERM");
  const restarted = harness.startServe();
  await asking;
  await restarted;
  await harness.settle(60_000);
  harness.fake.latencyMs = 0;
  return rowOf(`rolling SIGTERM restart (240 at 20/s; ${harness.tally.refused} refused)`, 240, harness.tally);
}

async function slackErrors(harness: Harness): Promise<Row> {
  harness.fake.failNext("chat.postMessage", { kind: "rate_limited", retryAfterSeconds: 1 }, 20);
  harness.fake.failNext("chat.postMessage", { kind: "server_error", status: 500 }, 10);
  await harness.ask("slack", 60, 20);
  await harness.settle(90_000);
  return rowOf("Slack 429 x20 then 500 x10 (60 at 20/s)", 60, harness.tally);
}

async function main(): Promise<number> {
  say(
    `== Chaos: real serve + 2 workers + redis-server (AOF), ${cpus().length} cores, Node ${process.version}`,
  );
  say(
    `JOB_LOCK_MS=${JOB_LOCK_MS} (a killed worker's job is taken over within about ${JOB_LOCK_MS / 1000 + 2} s)`,
  );
  const harness = await Harness.start();
  const rows: Row[] = [];
  try {
    const scenarios: Array<[string, () => Promise<Row>]> = [
      ["redis", () => redisRestart(harness)],
      ["kill0", () => workerKills(harness, 0)],
      ["kill250", () => workerKills(harness, 250)],
      ["kill1000", () => workerKills(harness, 1000)],
      ["serve", () => serveKill(harness)],
      ["slack", () => slackErrors(harness)],
      ["rolling", () => rollingRestart(harness)],
    ];
    const only = process.argv[2];
    for (const [name, run] of scenarios) {
      if (only && only !== name) continue;
      harness.tally = newTally();
      harness.fake.calls.length = 0;
      harness.fake.responses.length = 0;
      const row = await run();
      rows.push(row);
      say(`${row.scenario}: lost ${row.lost}, duplicated ${row.duplicated}`);
    }
  } finally {
    await harness.stop();
  }
  say(
    "\nscenario                                 asked acked answered  told  lost  dups lookups  p95 s   max s",
  );
  for (const row of rows) printRow(row);
  say(
    "(acked: HTTP 200 to the slash command; told: asked to try again; lost: acked, neither answered nor told)",
  );
  const failed = rows.some((row) => row.lost > 0 || row.told > 0 || row.duplicated > 0);
  say(
    failed
      ? "\nFAILED: a question was lost, had to be asked again, or an answer part was posted twice"
      : "\nOK: nothing lost, nothing to ask again, nothing posted twice",
  );
  return failed ? 1 : 0;
}

process.exitCode = await main();
