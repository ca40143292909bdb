/**
 * `npm run bench:e2e`: a signed Slack slash command in → the answer out at a fake Slack Web API, end to end,
 * through the real processes: `briefbot serve` (Bolt HTTP receiver + queue producer + a worker) and then 1 and
 * 3 more `briefbot worker` processes (2 and 4 worker processes in all), around one throwaway redis-server; extractive answers on the
 * 5 seed articles plus 10,000 generated ~600-word articles (SQuAD paragraphs, parsed with parseDocument).
 *
 * Latency = from just before the signed POST to /slack/events until the fake Slack API receives the
 * chat.postMessage for that request (matched by channel: each request has its own channel, so the replier's
 * one-post-per-second-per-channel pacer is never what is measured). Askers are closed-loop: each sends its next
 * question when its previous answer arrived. Everything runs on this machine, on 127.0.0.1 only; every loop is
 * bounded in count and time, and every process and server is stopped at the end, also on failure.
 *
 * Each process gets its own HTTP_PORT; around every measured phase the bench reads each one's /metrics (when
 * it answers) and prints how the question counters moved, summed over the processes (Node's own process and
 * runtime metrics left out).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { evalFile } from "../eval/eval-data.ts";
import { loadPaths } from "../src/adapters/files/load-paths.ts";
import { freePort, type RedisServerProcess, startRedisServer } from "../src/store/embedded-redis-server.ts";
import { RedisArticleStore } from "../src/store/redis-article-store.ts";
import { FakeSlack, type RecordedCall } from "../test/support/fake-slack.ts";
import { type ServiceRole, serviceArgs } from "../test/support/service-commands.ts";
import { sendSlashCommand, slashCommandFields } from "../test/support/slack-signing.ts";
import { generatedArticles } from "./generated-articles.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SEEDS = join(ROOT, "seeds");
const TOKEN = "xoxb-bench-e2e-token";
const SECRET = "e2e-bench-signing-secret-0123456789";
const NAMESPACE = "bench";

const EXTRA_ARTICLES = Number(process.env.BENCH_E2E_ARTICLES ?? 10_000);
const WORKER_CONCURRENCY = Number(process.env.BENCH_E2E_WORKER_CONCURRENCY ?? 8);
const PUT_BATCH = 500;

/** Hard limits: no phase starts after SOFT_DEADLINE; at HARD_DEADLINE everything is torn down. */
const STARTED = performance.now();
const SOFT_DEADLINE_MS = 270_000;
const HARD_DEADLINE_MS = 310_000;
const READY_TIMEOUT_MS = 60_000;
const ANSWER_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 8_000;

interface PhasePlan {
  label: string;
  concurrency: number;
  maxRequests: number;
  maxSeconds: number;
}

const LATENCY_PHASES: readonly PhasePlan[] = [
  { label: "c1", concurrency: 1, maxRequests: 200, maxSeconds: 10 },
  { label: "c10", concurrency: 10, maxRequests: 600, maxSeconds: 18 },
  { label: "c50", concurrency: 50, maxRequests: 1_500, maxSeconds: 22 },
];
const WARM_UP: PhasePlan = { label: "warm-up", concurrency: 8, maxRequests: 120, maxSeconds: 15 };
/** Worker processes in all: `serve` alone, then with 1 and 3 `worker` processes beside it. */
const WORKER_STEPS = [1, 2, 4] as const;
/** With more than one worker process only the throughput-relevant phases run, to stay in the time budget. */
const SCALED_PHASES = new Set(["c10", "c50"]);
const SCALED_WARM_UP: PhasePlan = { label: "warm-up", concurrency: 8, maxRequests: 80, maxSeconds: 8 };
const METRICS_TIMEOUT_MS = 2_000;

const elapsed = () => performance.now() - STARTED;
const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "-");
const say = (text: string) => console.log(text);

// ---------------------------------------------------------------------------------------------- corpus

interface SquadData {
  data: Array<{ title: string; paragraphs: Array<{ context: string; qas: Array<{ question: string }> }> }>;
}

/** The seed questions (three answerable, one not) and sixteen SQuAD questions spread over the file. */
function questionMix(squad: SquadData): string[] {
  const seeds = readFileSync(evalFile("seed-questions.dev.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => String((JSON.parse(line) as { question: string }).question));
  const squadQuestions = squad.data.flatMap((article) =>
    article.paragraphs.flatMap((paragraph) => paragraph.qas.map((qa) => qa.question)),
  );
  const picked = Array.from(
    { length: 16 },
    (_, k) => squadQuestions[(k * 311) % squadQuestions.length] ?? "",
  );
  return [...seeds, ...picked].filter((question) => question.trim() !== "");
}

// ------------------------------------------------------------------------------------------- processes

interface Child {
  name: string;
  process: ChildProcess;
  events: Map<string, number>;
  /** Lines that look like problems (not one of the expected events), first few kept. */
  problems: string[];
  exited: Promise<number | null>;
  waitFor(event: string, timeoutMs: number): Promise<void>;
}

const EXPECTED_EVENTS = new Set([
  "worker_started",
  "slack_listening",
  "adapter_started",
  "slack_question_queued",
  "stopping",
]);

/** The event of a log line: JSON lines (pino) carry it as `event`; the older text lines after the timestamp. */
function eventOf(line: string): string {
  if (line.startsWith("{")) {
    try {
      const event = (JSON.parse(line) as { event?: unknown }).event;
      return typeof event === "string" ? event : "(unstructured)";
    } catch {
      return "(unstructured)";
    }
  }
  return /^\d{4}-\d\d-\d\dT\S+ (\w+)/u.exec(line)?.[1] ?? "(unstructured)";
}

function startChild(name: string, role: ServiceRole, env: NodeJS.ProcessEnv, cwd: string, log: WriteStream) {
  const child = spawn(process.execPath, serviceArgs(role), { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  const events = new Map<string, number>();
  const problems: string[] = [];
  const waiters = new Map<string, Array<() => void>>();
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const onLine = (line: string) => {
    log.write(`[${name}] ${line}\n`);
    const event = eventOf(line);
    events.set(event, (events.get(event) ?? 0) + 1);
    const level = /^\{.*"level":"(\w+)"/u.exec(line)?.[1];
    const unexpected = level ? ["warn", "error", "fatal"].includes(level) : !EXPECTED_EVENTS.has(event);
    if (unexpected || / enqueued=false|"enqueued":false/u.test(line)) {
      if (problems.length < 8) problems.push(line.slice(0, 400));
    }
    for (const wake of waiters.get(event) ?? []) wake();
    waiters.delete(event);
  };
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on("line", onLine);
  }
  return {
    name,
    process: child,
    events,
    problems,
    exited,
    async waitFor(event: string, timeoutMs: number) {
      if ((events.get(event) ?? 0) > 0) return;
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          new Promise<void>((resolve) => waiters.set(event, [...(waiters.get(event) ?? []), resolve])),
          exited.then((code) => {
            throw new Error(`${name} exited (code ${code}) before "${event}"; see ${log.path}`);
          }),
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`${name}: no "${event}" within ${timeoutMs} ms`)),
              timeoutMs,
            );
          }),
        ]);
      } finally {
        clearTimeout(timer);
      }
    },
  } satisfies Child;
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), STOP_TIMEOUT_MS);
  });
  const outcome = await Promise.race([child.exited, late]);
  clearTimeout(timer);
  if (outcome === "late") {
    say(`warning: ${child.name} did not stop within ${STOP_TIMEOUT_MS} ms of SIGTERM; killing it`);
    child.process.kill("SIGKILL");
    await child.exited;
  }
}

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSecondsOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

// --------------------------------------------------------------------------------------------- metrics

/** Counter series (`*_total`, histogram `*_count`) of every process whose /metrics answered, summed. */
interface CounterScrape {
  answered: number;
  asked: number;
  series: Map<string, number>;
}

async function scrapeCounters(ports: readonly number[]): Promise<CounterScrape> {
  const series = new Map<string, number>();
  let answered = 0;
  await Promise.all(
    ports.map(async (port) => {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/metrics`, {
          signal: AbortSignal.timeout(METRICS_TIMEOUT_MS),
        });
        if (!response.ok) return;
        answered++;
        for (const line of (await response.text()).split("\n")) {
          const match = /^(briefbot_\w+(?:_total|_count))(\{[^}]*\})?\s+(\S+)$/u.exec(line);
          if (!match) continue;
          const key = `${match[1]}${match[2] ?? ""}`;
          series.set(key, (series.get(key) ?? 0) + Number(match[3]));
        }
      } catch {
        // Not listening (yet), or no /metrics in this build: reported as fewer processes answering.
      }
    }),
  );
  return { answered, asked: ports.length, series };
}

/** How the counters moved between two scrapes: the question counters first, then the others that moved. */
function counterMoves(before: CounterScrape, after: CounterScrape): string {
  if (after.answered === 0) return `/metrics: no process answered (of ${after.asked})`;
  const moves = [...after.series]
    .filter(([key]) => !/^briefbot_(process|nodejs)_/u.test(key))
    .map(([key, value]) => [key, value - (before.series.get(key) ?? 0)] as const)
    .filter(([, delta]) => delta !== 0)
    .sort(
      ([a], [b]) => Number(!a.startsWith("briefbot_questions")) - Number(!b.startsWith("briefbot_questions")),
    );
  const shown = moves.slice(0, 8).map(([key, delta]) => `${key} ${delta > 0 ? "+" : ""}${fixed(delta)}`);
  return `/metrics of ${after.answered}/${after.asked} processes: ${shown.join(", ") || "no counter moved"}${moves.length > 8 ? `, … (${moves.length - 8} more)` : ""}`;
}

// ------------------------------------------------------------------------------------------------ load

type Kind = "answered" | "no_evidence" | "failure_notice" | "timeout" | "rejected";

interface Outcome {
  kind: Kind;
  /** To the first chat.postMessage of the answer. */
  firstMs: number;
  /** To the last part of the answer (the same unless the answer took several messages). */
  lastMs: number;
  parts: number;
  ackMs: number;
}

interface Waiter {
  started: number;
  firstAt: number | undefined;
  posts: number;
  resolve(outcome: Omit<Outcome, "ackMs">): void;
}

const pending = new Map<string, Waiter>();
let strayPosts = 0;

function partFooter(blocks: unknown): { index: number; total: number } | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const block of blocks as Array<{ type?: string; elements?: Array<{ text?: string }> }>) {
    if (block.type !== "context") continue;
    const match = /^Part (\d+) of (\d+)$/u.exec(block.elements?.[0]?.text ?? "");
    if (match) return { index: Number(match[1]), total: Number(match[2]) };
  }
  return undefined;
}

function hasSources(blocks: unknown): boolean {
  return JSON.stringify(blocks ?? "").includes("*Sources*");
}

function onPost(call: RecordedCall, at: number): void {
  const channel = String(call.body.channel ?? "");
  const waiter = pending.get(channel);
  if (!waiter) {
    strayPosts++;
    return;
  }
  waiter.firstAt ??= at;
  waiter.posts++;
  const footer = partFooter(call.body.blocks);
  if (footer && footer.index < footer.total) return;
  pending.delete(channel);
  waiter.resolve({
    kind: hasSources(call.body.blocks) ? "answered" : "no_evidence",
    firstMs: waiter.firstAt - waiter.started,
    lastMs: at - waiter.started,
    parts: waiter.posts,
  });
}

function onFailureNotice(key: string, at: number): void {
  const waiter = pending.get(key);
  if (!waiter) {
    strayPosts++;
    return;
  }
  pending.delete(key);
  waiter.resolve({
    kind: "failure_notice",
    firstMs: at - waiter.started,
    lastMs: at - waiter.started,
    parts: 0,
  });
}

/** Sees each call the moment the fake records it. */
function watch(fake: FakeSlack): void {
  fake.onRecord = ({ call, response }) => {
    const at = performance.now();
    try {
      if (call?.method === "chat.postMessage") onPost(call, at);
      else if (call?.method === "chat.postEphemeral") onFailureNotice(String(call.body.channel ?? ""), at);
      if (response) onFailureNotice(response.id, at);
    } catch (error) {
      say(`bench: matching a recorded call failed: ${String(error)}`);
    }
  };
}

let requestSequence = 0;
let stopAll = false;

async function askOnce(
  eventsUrl: string,
  fake: FakeSlack,
  question: string,
  runTag: string,
): Promise<Outcome> {
  const n = requestSequence++;
  const channel = `C${runTag}${n.toString(36).toUpperCase().padStart(5, "0")}`;
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  const answered = new Promise<Omit<Outcome, "ackMs">>((resolve) => {
    pending.set(channel, { started, firstAt: undefined, posts: 0, resolve });
    timer = setTimeout(() => {
      pending.delete(channel);
      resolve({ kind: "timeout", firstMs: Number.NaN, lastMs: Number.NaN, parts: 0 });
    }, ANSWER_TIMEOUT_MS);
  });
  try {
    const fields = slashCommandFields({
      channel_id: channel,
      channel_name: `bench-${n}`,
      user_id: `U${runTag}${n.toString(36).toUpperCase()}`,
      text: question,
      response_url: fake.responseUrl(channel),
    });
    const response = await sendSlashCommand(eventsUrl, SECRET, fields);
    if (response.status !== 200) {
      pending.delete(channel);
      return {
        kind: "rejected",
        firstMs: Number.NaN,
        lastMs: Number.NaN,
        parts: 0,
        ackMs: response.elapsedMs,
      };
    }
    return { ...(await answered), ackMs: response.elapsedMs };
  } catch {
    pending.delete(channel);
    return { kind: "rejected", firstMs: Number.NaN, lastMs: Number.NaN, parts: 0, ackMs: Number.NaN };
  } finally {
    clearTimeout(timer);
  }
}

interface PhaseResult {
  plan: PhasePlan;
  workers: number;
  outcomes: Outcome[];
  wallSeconds: number;
  cores: Record<string, number>;
}

async function runPhase(
  plan: PhasePlan,
  workers: number,
  eventsUrl: string,
  fake: FakeSlack,
  questions: readonly string[],
  cpuOf: () => Record<string, number>,
): Promise<PhaseResult> {
  const runTag = `${workers}${plan.label.replace(/[^A-Za-z0-9]/gu, "").toUpperCase()}`;
  const outcomes: Outcome[] = [];
  const deadline = performance.now() + plan.maxSeconds * 1000;
  let issued = 0;
  const cpuBefore = cpuOf();
  const started = performance.now();
  const asker = async (askerIndex: number) => {
    let k = askerIndex;
    while (!stopAll && issued < plan.maxRequests && performance.now() < deadline) {
      issued++;
      const question = questions[k++ % questions.length] ?? "What happened?";
      const outcome = await askOnce(eventsUrl, fake, question, runTag);
      outcomes.push(outcome);
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, (_, index) => asker(index * 7)));
  const wallSeconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuOf();
  const cores: Record<string, number> = {};
  for (const [name, seconds] of Object.entries(cpuAfter))
    cores[name] = (seconds - (cpuBefore[name] ?? Number.NaN)) / wallSeconds;
  return { plan, workers, outcomes, wallSeconds, cores };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

interface Row {
  workers: number;
  concurrency: number;
  requests: number;
  delivered: number;
  p50: number;
  p95: number;
  max: number;
  perSecond: number;
  ackP50: number;
  ackP95: number;
  multiPart: number;
  lastP95: number;
  kinds: Record<string, number>;
  cores: Record<string, number>;
  metrics: string;
}

function summarize(result: PhaseResult, metrics = ""): Row {
  const delivered = result.outcomes.filter((o) => o.kind === "answered" || o.kind === "no_evidence");
  const first = delivered.map((o) => o.firstMs).sort((a, b) => a - b);
  const last = delivered.map((o) => o.lastMs).sort((a, b) => a - b);
  const acks = result.outcomes
    .map((o) => o.ackMs)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const kinds: Record<string, number> = {};
  for (const outcome of result.outcomes) kinds[outcome.kind] = (kinds[outcome.kind] ?? 0) + 1;
  return {
    workers: result.workers,
    concurrency: result.plan.concurrency,
    requests: result.outcomes.length,
    delivered: delivered.length,
    p50: percentile(first, 50),
    p95: percentile(first, 95),
    max: first.at(-1) ?? Number.NaN,
    perSecond: delivered.length / result.wallSeconds,
    ackP50: percentile(acks, 50),
    ackP95: percentile(acks, 95),
    multiPart: delivered.filter((o) => o.parts > 1).length,
    lastP95: percentile(last, 95),
    kinds,
    cores: result.cores,
    metrics,
  };
}

function printRow(row: Row): void {
  say(
    [
      String(row.workers).padStart(7),
      String(row.concurrency).padStart(11),
      String(row.requests).padStart(8),
      String(row.delivered).padStart(9),
      fixed(row.p50, 1).padStart(8),
      fixed(row.p95, 1).padStart(8),
      fixed(row.max, 1).padStart(8),
      fixed(row.perSecond, 1).padStart(10),
      fixed(row.ackP50, 1).padStart(8),
      fixed(row.ackP95, 1).padStart(8),
    ].join(" "),
  );
}

function describeRow(row: Row): string {
  const kinds = Object.entries(row.kinds)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(", ");
  const cores = Object.entries(row.cores)
    .map(([name, value]) => `${name} ${fixed(value, 2)}`)
    .join(", ");
  const parts =
    row.multiPart > 0
      ? `; ${row.multiPart} answers took 2+ messages (p95 to the last part ${fixed(row.lastP95, 0)} ms, paced 1/s per channel)`
      : "";
  const metrics = row.metrics ? `\n    ${row.metrics}` : "";
  return `  ${row.workers}w c${row.concurrency}: ${kinds}${parts}; CPU cores busy: ${cores}${metrics}`;
}

// ------------------------------------------------------------------------------------------------ main

async function main(cleanups: Array<() => Promise<void>>): Promise<void> {
  say(
    `== End to end: signed Slack /brief → chat.postMessage at a fake Slack API (Node ${process.version}, ${cpus().length} cores, load ${loadavg()
      .map((value) => value.toFixed(2))
      .join(" ")})`,
  );
  const directory = await mkdtemp(join(tmpdir(), "briefbot-e2e-"));
  cleanups.push(() => rm(directory, { recursive: true, force: true }));
  const logPath = join(tmpdir(), `briefbot-e2e-${Date.now()}.log`);
  const log = createWriteStream(logPath);
  cleanups.push(() => new Promise<void>((resolve) => log.end(() => resolve())));

  const redisServer: RedisServerProcess = await startRedisServer({
    directory: join(directory, "redis"),
    appendOnly: false,
  });
  cleanups.push(() => redisServer.stop());
  const redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
  redis.on("error", () => {});
  cleanups.push(async () => void redis.disconnect());
  const redisPid = Number(/process_id:(\d+)/u.exec(await redis.info("server"))?.[1]);

  const fake = await FakeSlack.start({ token: TOKEN });
  cleanups.push(() => fake.close());
  watch(fake);

  // Corpus: seeds, then the generated articles, through the store's own write path.
  let started = performance.now();
  const squad = JSON.parse(readFileSync(evalFile("squad-v1.1-dev-part1.json"), "utf8")) as SquadData;
  const seeds = existsSync(SEEDS) ? (await loadPaths([SEEDS])).articles : [];
  const extra = generatedArticles(EXTRA_ARTICLES);
  const parseSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const store = new RedisArticleStore(redis, NAMESPACE);
  const totals = { added: 0, updated: 0, unchanged: 0 };
  const all = [...seeds, ...extra];
  for (let offset = 0; offset < all.length; offset += PUT_BATCH) {
    const result = await store.put(all.slice(offset, offset + PUT_BATCH));
    totals.added += result.added;
    totals.updated += result.updated;
    totals.unchanged += result.unchanged;
  }
  const storedIds = (await redis.zcard(`{${NAMESPACE}}:log`)) as number;
  say(
    `corpus: ${seeds.length} seeds + ${extra.length} generated articles parsed in ${fixed(parseSeconds, 1)} s, stored in ${fixed((performance.now() - started) / 1000, 1)} s ` +
      `(added ${totals.added}, updated ${totals.updated}, unchanged ${totals.unchanged}; ${storedIds} articles in the store)`,
  );

  // Processes: `serve` (adapter + worker), later `worker`s beside it; each with its own HTTP_PORT (/metrics).
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: directory,
    REDIS_URL: redisServer.url,
    BRIEFBOT_NAMESPACE: NAMESPACE,
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    WORKER_CONCURRENCY: String(WORKER_CONCURRENCY),
  };
  const children: Child[] = [];
  const opsPorts: number[] = [];
  cleanups.push(async () => {
    await Promise.all(children.map(stopChild));
  });
  const cpuOf = () => {
    const seconds: Record<string, number> = {};
    for (const child of children) seconds[child.name] = cpuSecondsOf(child.process.pid);
    seconds.redis = cpuSecondsOf(redisPid);
    seconds.bench = (process.cpuUsage().user + process.cpuUsage().system) / 1e6;
    return seconds;
  };
  const startService = async (name: string, role: ServiceRole) => {
    const httpPort = await freePort();
    opsPorts.push(httpPort);
    const child = startChild(name, role, { ...env, HTTP_PORT: String(httpPort) }, directory, log);
    children.push(child);
    return child;
  };

  started = performance.now();
  const serve = await startService("serve", "serve");
  await serve.waitFor("adapter_started", READY_TIMEOUT_MS);
  say(
    `serve (Slack HTTP receiver + worker, WORKER_CONCURRENCY=${WORKER_CONCURRENCY}) ready in ${fixed((performance.now() - started) / 1000, 1)} s (index of the whole store built at start)`,
  );
  const eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  const questions = questionMix(squad);

  const rows: Row[] = [];
  for (const workers of WORKER_STEPS) {
    if (elapsed() > SOFT_DEADLINE_MS) break;
    if (children.length < workers) {
      started = performance.now();
      const added: Child[] = [];
      while (children.length < workers)
        added.push(await startService(`worker${children.length + 1}`, "worker"));
      await Promise.all(added.map((worker) => worker.waitFor("worker_started", READY_TIMEOUT_MS)));
      say(
        `${added.length} more briefbot worker process(es) ready in ${fixed((performance.now() - started) / 1000, 1)} s (started together, sharing the cores while each builds its index)`,
      );
    }
    const warmUp = workers === 1 ? WARM_UP : SCALED_WARM_UP;
    const warm = summarize(await runPhase(warmUp, workers, eventsUrl, fake, questions, cpuOf));
    say(
      `warm-up with ${workers} worker process(es): ${warm.requests} requests, ${warm.delivered} answers (excluded)`,
    );
    const plans = LATENCY_PHASES.filter((plan) => workers === 1 || SCALED_PHASES.has(plan.label));
    for (const plan of plans) {
      if (elapsed() > SOFT_DEADLINE_MS) {
        say(`(time budget used up: skipping ${workers}w ${plan.label} and later phases)`);
        break;
      }
      fake.calls.length = 0;
      fake.responses.length = 0;
      const before = await scrapeCounters(opsPorts);
      const result = await runPhase(plan, workers, eventsUrl, fake, questions, cpuOf);
      // Counters move when an answer is finished, a moment before or after the post arrives: a short pause.
      await new Promise((resolve) => setTimeout(resolve, 500));
      rows.push(summarize(result, counterMoves(before, await scrapeCounters(opsPorts))));
    }
  }

  say("\nLatency: signed POST sent → chat.postMessage received by the fake (ms); closed-loop askers;");
  say("a distinct channel per request, so the replier's ~1 post/s per-channel pacer is not measured.");
  say("workers concurrency requests  answers   p50 ms   p95 ms   max ms  answers/s  ack p50  ack p95");
  for (const row of rows) printRow(row);
  say(
    "(workers = processes running a worker: 1 = `serve` alone, 2 and 4 = `serve` + 1 and 3 `worker`s; ack = HTTP response;\n" +
      ` the load generator, the fake Slack API and redis-server share the same ${cpus().length} cores)`,
  );
  for (const row of rows) say(describeRow(row));

  const target = rows.find((row) => row.workers === 1 && row.concurrency === 10);
  if (target) {
    const ok = target.p50 <= 50 && target.p95 <= 250;
    say(
      `\nTarget at 10 concurrent (1 worker process): p50 ${fixed(target.p50, 1)} ms (<= 50), p95 ${fixed(target.p95, 1)} ms (<= 250): ${ok ? "met" : "NOT met"}`,
    );
  }
  const throughput = (workers: number) =>
    rows.find((row) => row.workers === workers && row.concurrency === 50)?.perSecond ?? Number.NaN;
  const one = throughput(1);
  say(
    `Throughput at 50 concurrent: ${WORKER_STEPS.map((workers) => `${workers} worker process(es) ${fixed(throughput(workers), 1)} answers/s (x${fixed(throughput(workers) / one, 2)})`).join(", ")}`,
  );

  say(`\nstray posts (no matching request): ${strayPosts}; still pending: ${pending.size}`);
  // Stopped before reading their logs, so what they say while shutting down is included.
  await Promise.all(children.map(stopChild));
  for (const child of children) {
    const counts = [...child.events].map(([event, count]) => `${event} ${count}`).join(", ");
    say(`${child.name} log events: ${counts}`);
    for (const line of child.problems) say(`  ${child.name}! ${line}`);
  }
  say(`process logs: ${logPath}`);
}

async function runCleanups(cleanups: Array<() => Promise<void>>): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup().catch((error: unknown) => say(`cleanup failed: ${String(error)}`));
  }
}

const cleanups: Array<() => Promise<void>> = [];
let exiting = false;
const abort = async (reason: string, code: number) => {
  if (exiting) return;
  exiting = true;
  stopAll = true;
  say(`\n${reason}: stopping everything`);
  await runCleanups(cleanups);
  process.exit(code);
};
const watchdog = setTimeout(
  () => void abort(`time limit of ${HARD_DEADLINE_MS / 1000} s reached`, 1),
  HARD_DEADLINE_MS,
);
process.once("SIGINT", () => void abort("SIGINT", 130));
process.once("SIGTERM", () => void abort("SIGTERM", 143));

try {
  await main(cleanups);
} catch (error) {
  process.exitCode = 1;
  say(`bench:e2e failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  stopAll = true;
  if (!exiting) {
    exiting = true;
    await runCleanups(cleanups);
    clearTimeout(watchdog);
    say(`done in ${fixed(elapsed() / 1000, 1)} s`);
    process.exit(process.exitCode ?? 0);
  }
}
