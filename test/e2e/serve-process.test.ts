import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { describe, it } from "vitest";
import { runCli, runCliProcess } from "../support/run-cli.ts";
import { until } from "../support/until.ts";

const BIN = fileURLToPath(new URL("../../bin/briefbot.js", import.meta.url));

// Concurrent: each test runs processes of its own.
describe.concurrent("briefbot serve as a process", () => {
  it("starts an embedded Redis when REDIS_URL is unset, says how to connect a platform, and stops it on exit", async ({
    expect,
  }) => {
    const dataDirectory = await mkdtemp(join(tmpdir(), "briefbot-serve-"));
    const child = spawn(process.execPath, [BIN, "serve"], {
      env: { PATH: process.env.PATH ?? "", BRIEFBOT_DATA_DIR: dataDirectory },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let log = "";
    child.stderr.on("data", (chunk: Buffer) => {
      log += chunk.toString("utf8");
    });
    try {
      await until(() => log.includes("no_chat_platform"), `serve to start (log: ${log.slice(-400)})`, 20_000);
      expect(log).toMatch(/embedded_redis_started url=redis:\/\/127\.0\.0\.1:\d+/);
      expect(log).toMatch(/seeded_store .*added=5/);
      expect(log).toMatch(/SLACK_BOT_TOKEN/);
      const url = /url=(redis:\/\/[\d.:]+)/.exec(log)?.[1] ?? "";
      const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on("error", () => {});
      await probe.connect();
      expect(await probe.config("GET", "appendonly")).toEqual(["appendonly", "yes"]);
      expect(await probe.config("GET", "maxmemory-policy")).toEqual(["maxmemory-policy", "noeviction"]);
      probe.disconnect();
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      const after = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      after.on("error", () => {});
      await expect(after.connect()).rejects.toThrow();
      after.disconnect();
    } finally {
      child.kill("SIGKILL");
      await rm(dataDirectory, { recursive: true, force: true });
    }
  }, 40_000);

  it("names a bad value at start-up", async ({ expect }) => {
    // A real process: a bad configuration ends `serve` with exit code 2 instead of starting it.
    const result = await runCliProcess(["serve"], { SLACK_BOT_TOKEN: "not-a-bot-token" });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/SLACK_BOT_TOKEN must start with xoxb-/);
    const missing = await runCli(["serve"], { SLACK_BOT_TOKEN: "xoxb-1" });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/SLACK_SIGNING_SECRET/);
  });
});
