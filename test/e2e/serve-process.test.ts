import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { describe, it } from "vitest";
import { runCli, runCliProcess } from "../support/run-cli.ts";
import { serviceArgs } from "../support/service-commands.ts";
import { loggedFields } from "../support/service-process.ts";
import { until } from "../support/until.ts";

// Concurrent: each test runs processes of its own.
describe.concurrent("briefbot serve as a process", () => {
  it("starts an embedded Redis when REDIS_URL is unset, says how to connect a platform, and stops it on exit", async ({
    expect,
  }) => {
    const dataDirectory = await mkdtemp(join(tmpdir(), "briefbot-serve-"));
    const child = spawn(process.execPath, serviceArgs("serve"), {
      env: { PATH: process.env.PATH ?? "", BRIEFBOT_DATA_DIR: dataDirectory, HTTP_PORT: "0" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let log = "";
    child.stderr.on("data", (chunk: Buffer) => {
      log += chunk.toString("utf8");
    });
    try {
      await until(() => log.includes("no_chat_platform"), `serve to start (log: ${log.slice(-400)})`, 20_000);
      const url = join(dataDirectory, "redis.sock");
      expect(loggedFields(log, "embedded_redis_started")?.url).toBe(url);
      expect(loggedFields(log, "seeded_store")?.added).toBe(5);
      expect(log).toMatch(/SLACK_BOT_TOKEN/);
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

  it("never runs two redis-servers on one data folder: a second serve shares it, a later one adopts it after a SIGKILL", async ({
    expect,
  }) => {
    const dataDirectory = await mkdtemp(join(tmpdir(), "briefbot-serve-"));
    const started: ChildProcessWithoutNullStreams[] = [];
    const serve = async (): Promise<{ child: ChildProcessWithoutNullStreams; log: () => string }> => {
      const child = spawn(process.execPath, serviceArgs("serve"), {
        env: { PATH: process.env.PATH ?? "", BRIEFBOT_DATA_DIR: dataDirectory, HTTP_PORT: "0" },
      });
      started.push(child);
      let log = "";
      child.stderr.on("data", (chunk: Buffer) => {
        log += chunk.toString("utf8");
      });
      await until(() => log.includes("no_chat_platform"), `serve to start (log: ${log.slice(-400)})`, 20_000);
      return { child, log: () => log };
    };
    const servers = () =>
      execFileSync("ps", ["-eo", "args="], { encoding: "utf8" })
        .split("\n")
        .filter((line) => line.includes("redis-server") && line.includes(dataDirectory)).length;
    const exit = (child: ChildProcessWithoutNullStreams, signal: NodeJS.Signals) => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill(signal);
      return exited;
    };
    try {
      const first = await serve();
      const second = await serve();
      expect(loggedFields(first.log(), "embedded_redis_started")?.owned).toBe(true);
      expect(loggedFields(second.log(), "embedded_redis_reused")?.owned).toBe(false);
      expect(servers()).toBe(1);
      await exit(first.child, "SIGKILL");
      await exit(second.child, "SIGTERM");
      expect(servers()).toBe(1);
      const third = await serve();
      expect(loggedFields(third.log(), "embedded_redis_reused")?.owned).toBe(true);
      expect(servers()).toBe(1);
      await exit(third.child, "SIGTERM");
      expect(servers()).toBe(0);
    } finally {
      for (const child of started) child.kill("SIGKILL");
      await rm(dataDirectory, { recursive: true, force: true });
    }
  }, 60_000);

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
