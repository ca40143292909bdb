/**
 * `npm run bench:scale`: what one worker costs at 10k and 100k stored articles. The generated ~600-word
 * articles (bench/generated-articles.ts, ~12 passages each) are put into a throwaway redis-server (no AOF), in
 * steps, one size after the other; at each size a fresh child process (clean heap, --expose-gc) does a
 * worker's cold start: `syncLibrary` of an empty Library over RedisArticleStore (one `changesSince(0)`: the
 * ids, MGETs of 500, each record checked with zod, then indexed). Reported per size: the sync's wall time, a
 * second child's time for the fetch alone (`changesSince(0)`, so indexing ≈ the difference), the heap after
 * the sync minus before it (median of 5 samples, each after two forced GCs; never below 0), the typed-array
 * memory outside the heap (postings), RSS, passages indexed, Redis `used_memory`, and extractive `ask`
 * latency on the synced library.
 *
 * Caveat: the generator recombines the 913 paragraphs of the SQuAD dev sample, so bodies repeat every 913
 * articles and the vocabulary stops growing early; a real news corpus keeps adding names, so its term
 * dictionary (not its postings) is larger than here.
 *
 * BENCH_SCALE_SIZES=10000,100000 (default) picks the sizes in articles; BENCH_SCALE_PASSAGES=10000,100000,1000000
 * adds sizes given in passages (1M passages ≈ 83k articles: ~6 min on 2 cores, so not in the default).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { evalFile } from "../eval/eval-data.ts";
import { validateQuestion } from "../src/core/answer/question.ts";
import { parseDocument } from "../src/core/ingest/index.ts";
import { Library } from "../src/core/library.ts";
import { syncLibrary } from "../src/flows/ingest/sync-library.ts";
import { startRedisServer } from "../src/store/embedded-redis-server.ts";
import { RedisArticleStore } from "../src/store/redis-article-store.ts";
import { generatedArticleFiles } from "./generated-articles.ts";

const SELF = fileURLToPath(import.meta.url);
const NAMESPACE = "scale";
const PUT_BATCH = 1_000;
const HEAP_SAMPLES = 5;
const ASK_QUESTIONS = 200;
/** Child heap limit: well above what 100k articles need, far below the machine's memory. */
const CHILD_HEAP_MB = 12_288;

const MB = 1024 * 1024;
const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "-");
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

interface MemorySample {
  heapUsed: number;
  arrayBuffers: number;
  rss: number;
}

/** Median of HEAP_SAMPLES readings, each after two full collections. */
function memorySample(): MemorySample {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error("run with --expose-gc");
  const readings: MemorySample[] = [];
  for (let sample = 0; sample < HEAP_SAMPLES; sample++) {
    collect();
    collect();
    const { heapUsed, arrayBuffers, rss } = process.memoryUsage();
    readings.push({ heapUsed, arrayBuffers, rss });
  }
  return {
    heapUsed: median(readings.map((reading) => reading.heapUsed)),
    arrayBuffers: median(readings.map((reading) => reading.arrayBuffers)),
    rss: median(readings.map((reading) => reading.rss)),
  };
}

interface SyncFigures {
  syncMs: number;
  articles: number;
  passages: number;
  heapBefore: number;
  heapAfter: number;
  arrayBuffersBefore: number;
  arrayBuffersAfter: number;
  rssAfter: number;
  /** Time spent in garbage collection during the sync. */
  gcMs: number;
  askP50Ms: number;
  askP95Ms: number;
}

function questions(): string[] {
  const squad = JSON.parse(readFileSync(evalFile("squad-v1.1-dev-part1.json"), "utf8")) as {
    data: Array<{ paragraphs: Array<{ qas: Array<{ question: string }> }> }>;
  };
  const all = squad.data.flatMap((article) =>
    article.paragraphs.flatMap((paragraph) => paragraph.qas.map((qa) => qa.question)),
  );
  return Array.from({ length: ASK_QUESTIONS }, (_, k) => all[(k * 131) % all.length] ?? "").filter(
    (question) => question.trim() !== "",
  );
}

/** In the child: a worker's cold start over the store, measured. */
async function childSync(url: string): Promise<SyncFigures> {
  const redis = new Redis(url);
  const store = new RedisArticleStore(redis, NAMESPACE);
  await store.sequence();
  const asked = questions();
  const before = memorySample();
  let gcMs = 0;
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  gcObserver.observe({ entryTypes: ["gc"] });
  const started = performance.now();
  const library = new Library();
  await syncLibrary(library, store);
  const syncMs = performance.now() - started;
  // GC entries are delivered asynchronously: let those of the sync arrive before the forced ones start.
  await new Promise((resolve) => setTimeout(resolve, 50));
  gcObserver.disconnect();
  const after = memorySample();
  const latencies = asked.map((question) => {
    const start = performance.now();
    library.ask(validateQuestion(question));
    return performance.now() - start;
  });
  latencies.sort((a, b) => a - b);
  await store.close();
  return {
    syncMs,
    articles: library.articleCount,
    passages: library.passageCount,
    heapBefore: before.heapUsed,
    heapAfter: after.heapUsed,
    arrayBuffersBefore: before.arrayBuffers,
    arrayBuffersAfter: after.arrayBuffers,
    rssAfter: after.rss,
    gcMs,
    askP50Ms: latencies[Math.floor(latencies.length * 0.5)] ?? Number.NaN,
    askP95Ms: latencies[Math.floor(latencies.length * 0.95)] ?? Number.NaN,
  };
}

/** In the child: only the fetch (ids, records, zod checks), no index. */
async function childFetch(url: string): Promise<{ fetchMs: number; upserts: number }> {
  const redis = new Redis(url);
  const store = new RedisArticleStore(redis, NAMESPACE);
  await store.sequence();
  const started = performance.now();
  const changes = await store.changesSince(0);
  const fetchMs = performance.now() - started;
  await store.close();
  return { fetchMs, upserts: changes.upserts.length };
}

async function inChild<T>(mode: "sync" | "fetch", url: string): Promise<T> {
  const child = spawn(
    process.execPath,
    ["--expose-gc", `--max-old-space-size=${CHILD_HEAP_MB}`, SELF, "--child", mode, url],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let output = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  const line = output.trim().split("\n").at(-1) ?? "";
  if (code !== 0 || !line.startsWith("{"))
    throw new Error(`the ${mode} child failed (exit ${code}): ${output}`);
  return JSON.parse(line) as T;
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info("memory");
  const match = /^used_memory:(\d+)/mu.exec(info);
  return match ? Number(match[1]) : Number.NaN;
}

const counts = (text: string | undefined) =>
  (text ?? "")
    .split(",")
    .map((size) => Number(size.trim()))
    .filter((size) => Number.isInteger(size) && size > 0);

/** Passages per generated article, from a parse of the first 200. */
function passagesPerArticle(): number {
  const sample = generatedArticleFiles(200).flatMap(
    (content, index) => parseDocument({ name: `briefing-${index}.txt`, content }).articles,
  );
  return sample.reduce((sum, article) => sum + article.passages.length, 0) / sample.length;
}

/**
 * Article counts to measure: BENCH_SCALE_SIZES (articles; 10000,100000 unless BENCH_SCALE_PASSAGES alone is
 * set) together with BENCH_SCALE_PASSAGES (passages, turned into articles at the generator's passages per article).
 */
function benchSizes(): number[] {
  const passages = counts(process.env.BENCH_SCALE_PASSAGES);
  const articles = counts(process.env.BENCH_SCALE_SIZES ?? (passages.length > 0 ? "" : "10000,100000"));
  const perArticle = passages.length > 0 ? passagesPerArticle() : 1;
  const fromPassages = passages.map((count) => Math.ceil(count / perArticle));
  return [...new Set([...articles, ...fromPassages])].sort((a, b) => a - b);
}

async function parent(): Promise<void> {
  const sizes = benchSizes();
  const largest = sizes.at(-1) ?? 0;
  const load = () =>
    loadavg()
      .map((value) => fixed(value, 1))
      .join(" ");
  console.log(
    `== A worker's cold start from Redis (Node ${process.version}, ${cpus().length} cores, ${fixed(totalmem() / 1024 ** 3)} GB, load ${load()})`,
  );
  const directory = await mkdtemp(join(tmpdir(), "briefbot-scale-"));
  const server = await startRedisServer({ directory, appendOnly: false });
  const redis = new Redis(server.url);
  const rows: string[] = [];
  try {
    const store = new RedisArticleStore(redis, NAMESPACE);
    const files = generatedArticleFiles(largest);
    let stored = 0;
    let parseMs = 0;
    let putMs = 0;
    for (const size of sizes) {
      while (stored < size) {
        const end = Math.min(size, stored + PUT_BATCH);
        const parseStart = performance.now();
        const batch = files
          .slice(stored, end)
          .flatMap(
            (content, offset) => parseDocument({ name: `briefing-${stored + offset}.txt`, content }).articles,
          );
        const putStart = performance.now();
        await store.put(batch);
        parseMs += putStart - parseStart;
        putMs += performance.now() - putStart;
        stored = end;
      }
      const redisBytes = await usedMemory(redis);
      console.log(
        `stored ${size} articles (parse ${fixed(parseMs / 1000, 1)} s, put ${fixed(putMs / 1000, 1)} s so far); syncing in a fresh process…`,
      );
      const sync = await inChild<SyncFigures>("sync", server.url);
      const fetch = await inChild<{ fetchMs: number; upserts: number }>("fetch", server.url);
      const heap = Math.max(0, sync.heapAfter - sync.heapBefore);
      const buffers = Math.max(0, sync.arrayBuffersAfter - sync.arrayBuffersBefore);
      rows.push(
        [
          String(sync.articles).padStart(8),
          String(sync.passages).padStart(9),
          fixed(sync.syncMs / 1000, 1).padStart(7),
          fixed(sync.gcMs / 1000, 1).padStart(5),
          fixed(fetch.fetchMs / 1000, 1).padStart(8),
          fixed(heap / MB).padStart(8),
          fixed(buffers / MB).padStart(8),
          fixed(sync.heapAfter / MB).padStart(9),
          fixed(sync.rssAfter / MB).padStart(7),
          fixed((heap + buffers) / sync.articles / 1024, 1).padStart(9),
          fixed(redisBytes / MB).padStart(9),
          fixed(sync.askP50Ms, 1).padStart(7),
          fixed(sync.askP95Ms, 1).padStart(7),
        ].join(" "),
      );
    }
  } finally {
    redis.disconnect();
    await server.stop();
    await rm(directory, { recursive: true, force: true });
  }
  console.log(
    `\n(load at the end ${load()})\narticles  passages  sync s  gc s  fetch s  heap MB  bufs MB  total MB  rss MB  KB/artcl  redis MB  ask p50  ask p95`,
  );
  for (const row of rows) console.log(row);
  console.log(
    "sync: syncLibrary into an empty Library (cold start), gc: of which garbage collection; fetch:\n" +
      "changesSince(0) alone (Redis, JSON, zod), in another fresh process; the rest of the sync is indexing;\n" +
      "heap: V8 heap used after − before the sync; bufs: typed arrays outside the heap (postings); total: the\n" +
      "child's whole heap after the sync; KB/artcl: (heap + bufs) per article; redis: INFO used_memory; ask: ms,\n" +
      `extractive, ${ASK_QUESTIONS} SQuAD questions.`,
  );
}

if (process.argv[2] === "--child") {
  const [mode, url] = [process.argv[3], process.argv[4] ?? ""];
  const result = mode === "fetch" ? await childFetch(url) : await childSync(url);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  await parent();
}
