import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openEmbeddedRedis, runningEmbeddedRedis } from "../../src/store/embedded-redis.ts";
import { runCli } from "../support/run-cli.ts";

const MODULE = fileURLToPath(new URL("../../src/store/embedded-redis.ts", import.meta.url));

let directory: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "briefbot-data-"));
});

afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  const state = await readFile(join(directory, "briefbot-redis.json"), "utf8").catch(() => undefined);
  if (state) {
    const pid = (JSON.parse(state) as { pid: number }).pid;
    try {
      process.kill(pid, "SIGTERM");
    } catch {}
  }
  await rm(directory, { recursive: true, force: true });
});

/** redis-server processes whose command line names this data folder. */
function serversOn(folder: string): number[] {
  const listing = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  return listing
    .split("\n")
    .filter((line) => line.includes("redis-server") && line.includes(folder))
    .map((line) => Number(line.trim().split(/\s+/u)[0]));
}

async function ping(url: string): Promise<string> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on("error", () => {});
  try {
    await redis.connect();
    return await redis.ping();
  } finally {
    redis.disconnect();
  }
}

/** A separate process that opens the folder's embedded Redis, prints its address, and stays until killed. */
async function holderProcess(folder: string): Promise<{ child: ChildProcess; url: string }> {
  const script = `import { openEmbeddedRedis } from ${JSON.stringify(MODULE)};
const redis = await openEmbeddedRedis(${JSON.stringify(folder)});
console.log(JSON.stringify(redis.url));
setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.once("data", (chunk: Buffer) => resolve(JSON.parse(chunk.toString("utf8")) as string));
    child.once("exit", (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return { child, url };
}

describe("one embedded Redis per data folder", () => {
  it("listens on a Unix socket in the folder and is found by later processes", async () => {
    expect(await runningEmbeddedRedis(directory)).toBeUndefined();
    const first = await openEmbeddedRedis(directory);
    expect(first).toMatchObject({ reused: false, owned: true, url: join(directory, "redis.sock") });
    expect(await ping(first.url)).toBe("PONG");
    expect(await runningEmbeddedRedis(directory)).toBe(first.url);
    await first.stop();
    expect(await runningEmbeddedRedis(directory)).toBeUndefined();
    expect(existsSync(join(directory, "briefbot-redis.json"))).toBe(false);
  });

  it("never starts two servers on one folder, even when two processes start at once", async () => {
    const [a, b] = await Promise.all([holderProcess(directory), holderProcess(directory)]);
    expect(a.url).toBe(b.url);
    expect(serversOn(directory)).toHaveLength(1);
  });

  it("adopts the server a process killed with SIGKILL left running, and stops it when done", async () => {
    const holder = await holderProcess(directory);
    const [orphan] = serversOn(directory);
    holder.child.kill("SIGKILL");
    await new Promise((done) => holder.child.once("exit", done));
    expect(serversOn(directory)).toEqual([orphan]);

    const next = await openEmbeddedRedis(directory);
    expect(next).toMatchObject({ reused: true, owned: true, url: holder.url });
    expect(serversOn(directory)).toEqual([orphan]);
    await next.stop();
    expect(serversOn(directory)).toEqual([]);
  });

  it("lets a CLI command without REDIS_URL add to the running bot's store", async () => {
    const running = await openEmbeddedRedis(directory);
    try {
      const seeds = fileURLToPath(new URL("../../seeds", import.meta.url));
      const ingested = await runCli(["ingest", seeds, "--json"], { BRIEFBOT_DATA_DIR: directory });
      expect(ingested.code).toBe(0);
      const report = JSON.parse(ingested.stdout) as { target: string; stored: { added: number } };
      expect(report.target).toContain(running.url);
      expect(report.stored.added).toBe(5);
      const listed = await runCli(["articles", "--json"], { BRIEFBOT_DATA_DIR: directory });
      expect((JSON.parse(listed.stdout) as { articles: unknown[] }).articles).toHaveLength(5);
    } finally {
      await running.stop();
    }
  });
});
