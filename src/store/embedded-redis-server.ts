import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { Redis } from "ioredis";
import { BriefingError } from "../core/errors.ts";

export interface RedisServerOptions {
  directory: string;
  port?: number;
  /** Listen on this Unix socket only (no TCP port); `url` is then the socket's path. */
  socket?: string;
  appendOnly?: boolean;
}

export interface RedisServerProcess {
  /** redis://127.0.0.1:port, or the Unix socket's path (ioredis takes both). */
  url: string;
  /** 0 when listening on a Unix socket. */
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** Where a redis-server listens: a TCP port on loopback or a Unix socket. */
export type RedisAddress = { port: number } | { path: string };

export function addressOf(url: string): RedisAddress {
  if (url.startsWith("/")) return { path: url };
  return { port: Number(new URL(url).port) };
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

/**
 * A one-shot client for asking a redis-server whether it answers: connects only when told to, never retries,
 * and reports nothing as an event (the caller's connect or PING fails instead).
 */
export function probeClient(address: RedisAddress, connectTimeoutMs?: number): Redis {
  const probe = new Redis({
    ...("path" in address ? { path: address.path } : { port: address.port, host: "127.0.0.1" }),
    lazyConnect: true,
    ...(connectTimeoutMs === undefined ? {} : { connectTimeout: connectTimeoutMs }),
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on("error", () => {});
  return probe;
}

async function waitUntilReady(
  address: RedisAddress,
  child: ChildProcess,
  spawnFailure: Promise<never>,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new BriefingError("STORE_UNAVAILABLE", `redis-server exited (code ${child.exitCode})`);
    const probe = probeClient(address);
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
  const where = "path" in address ? address.path : `port ${address.port}`;
  throw new BriefingError("STORE_UNAVAILABLE", `redis-server on ${where} did not answer within 10 s`);
}

/**
 * Runs a redis-server child process configured as BullMQ needs it (noeviction; AOF on by default).
 * Used by `briefbot serve` when REDIS_URL is unset, and by the tests.
 */
export async function startRedisServer(options: RedisServerOptions): Promise<RedisServerProcess> {
  const directory = resolve(options.directory);
  mkdirSync(directory, { recursive: true });
  const socket = options.socket;
  const port = socket === undefined ? (options.port ?? (await freePort())) : 0;
  const listen =
    socket === undefined
      ? ["--port", String(port), "--bind", "127.0.0.1"]
      : ["--port", "0", "--unixsocket", socket, "--unixsocketperm", "700"];
  const args = [...listen, "--dir", directory, "--save", ""];
  args.push("--appendonly", options.appendOnly === false ? "no" : "yes", "--maxmemory-policy", "noeviction");
  // Its own process group: a Ctrl-C meant for briefbot does not stop Redis under jobs that are finishing.
  const child = spawn("redis-server", args, { stdio: "ignore", detached: true });
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
  const address: RedisAddress = socket === undefined ? { port } : { path: socket };
  await waitUntilReady(address, child, spawnFailure);
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);
  return {
    url: socket ?? `redis://127.0.0.1:${port}`,
    port,
    pid: child.pid ?? 0,
    async stop() {
      process.removeListener("exit", killOnExit);
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
