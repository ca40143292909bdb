import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { Redis } from "ioredis";
import { BriefingError } from "../core/errors.ts";

export interface RedisServerOptions {
  directory: string;
  port?: number;
  appendOnly?: boolean;
}

export interface RedisServerProcess {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return await new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitUntilReady(
  port: number,
  child: ChildProcess,
  spawnFailure: Promise<never>,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new BriefingError("STORE_UNAVAILABLE", `redis-server exited (code ${child.exitCode})`);
    const probe = new Redis({
      port,
      host: "127.0.0.1",
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    probe.on("error", () => {});
    try {
      await Promise.race([probe.connect(), spawnFailure]);
      if ((await probe.ping()) === "PONG") return;
    } catch (error) {
      if (error instanceof BriefingError) throw error;
      await new Promise((wake) => setTimeout(wake, 50));
    } finally {
      probe.disconnect();
    }
  }
  throw new BriefingError("STORE_UNAVAILABLE", `redis-server on port ${port} did not answer within 10 s`);
}

/**
 * Runs a redis-server child process configured as BullMQ needs it (noeviction; AOF on by default).
 * Used by `briefbot serve` when REDIS_URL is unset, and by the tests.
 */
export async function startRedisServer(options: RedisServerOptions): Promise<RedisServerProcess> {
  const directory = resolve(options.directory);
  mkdirSync(directory, { recursive: true });
  const port = options.port ?? (await freePort());
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--dir", directory, "--save", ""];
  args.push("--appendonly", options.appendOnly === false ? "no" : "yes", "--maxmemory-policy", "noeviction");
  const child = spawn("redis-server", args, { stdio: "ignore" });
  const spawnFailure = new Promise<never>((_, reject) => {
    child.once("error", (error) =>
      reject(
        new BriefingError(
          "STORE_UNAVAILABLE",
          `Cannot start redis-server (${error.message}). Install it (Debian: apt-get install redis-server) or set REDIS_URL.`,
        ),
      ),
    );
  });
  spawnFailure.catch(() => {});
  await waitUntilReady(port, child, spawnFailure);
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      process.removeListener("exit", killOnExit);
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
