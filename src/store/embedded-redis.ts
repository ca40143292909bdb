import { readFileSync } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { z } from "zod";
import { BriefingError } from "../core/errors.ts";
import { addressOf, probeClient, startRedisServer } from "./embedded-redis-server.ts";

/**
 * One embedded redis-server per data folder. The folder holds a state file naming the server's pid, its
 * address (a Unix socket in the folder, or a loopback port when the folder's path is too long for a socket)
 * and the briefbot process that owns it (stops it on exit). A lock file serialises starts, so two processes
 * never start two servers on the same files; a server left running by a process killed with SIGKILL is found
 * through the state file and adopted.
 */
const STATE_FILE = "briefbot-redis.json";
const LOCK_FILE = "briefbot-redis.lock";
const SOCKET_FILE = "redis.sock";
/** Unix socket paths are limited to about 107 bytes; beyond this the server listens on a loopback port. */
const MAX_SOCKET_PATH = 100;
const LOCK_WAIT_MS = 15_000;
const ANSWER_WAIT_MS = 10_000;

const stateSchema = z.object({
  address: z.string().min(1),
  pid: z.number().int().positive(),
  owner: z.number().int().positive(),
});
type EmbeddedState = z.infer<typeof stateSchema>;

export interface EmbeddedRedis {
  /** A Unix socket path or a redis:// URL; ioredis takes both. */
  url: string;
  /** Whether an already running server was used. */
  reused: boolean;
  /** Whether this process stops the server when it stops. */
  owned: boolean;
  stop(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether the pid is a live redis-server (by /proc where there is one; elsewhere, by being alive). */
function isRedisServer(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("redis-server");
  } catch {
    return true;
  }
}

const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

async function readState(directory: string): Promise<EmbeddedState | undefined> {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(await readFile(resolve(directory, STATE_FILE), "utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function writeState(directory: string, state: EmbeddedState): Promise<void> {
  const path = resolve(directory, STATE_FILE);
  await writeFile(`${path}.tmp`, JSON.stringify(state));
  await rename(`${path}.tmp`, path);
}

/** PING until PONG (a server still loading its append-only file answers LOADING: it is waited for). */
async function answers(url: string, pid: number, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (isRedisServer(pid)) {
    const probe = probeClient(addressOf(url), 1_000);
    try {
      await probe.connect();
      if ((await probe.ping()) === "PONG") return true;
    } catch {
      // not listening yet, or loading
    } finally {
      probe.disconnect();
    }
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return false;
}

/** The address of the embedded Redis running for this data folder, if one is running and answers. */
export async function runningEmbeddedRedis(directory: string): Promise<string | undefined> {
  const state = await readState(resolve(directory));
  if (!state || !isRedisServer(state.pid)) return undefined;
  return (await answers(state.address, state.pid, ANSWER_WAIT_MS)) ? state.address : undefined;
}

async function lockHolder(path: string): Promise<number | undefined> {
  try {
    const [content, info] = await Promise.all([readFile(path, "utf8"), stat(path)]);
    const pid = Number(content.trim());
    if (Number.isInteger(pid) && pid > 0) return pid;
    // Created but not written yet: its creator is alive for a moment longer.
    return Date.now() - info.mtimeMs < 2_000 ? -1 : undefined;
  } catch {
    return undefined;
  }
}

async function acquireLock(directory: string): Promise<() => Promise<void>> {
  const path = resolve(directory, LOCK_FILE);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => await rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = await lockHolder(path);
    if (holder === undefined || (holder > 0 && !isAlive(holder))) {
      await rm(path, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new BriefingError(
        "STORE_UNAVAILABLE",
        `Another briefbot process (pid ${holder}) has been starting the embedded Redis of ${directory} for ${LOCK_WAIT_MS / 1000} s; if it is stuck, stop it or delete ${path}`,
        { userText: true },
      );
    }
    await sleep(100);
  }
}

async function stopServer(directory: string, state: EmbeddedState): Promise<void> {
  if (isRedisServer(state.pid)) {
    process.kill(state.pid, "SIGTERM");
    const deadline = Date.now() + ANSWER_WAIT_MS;
    while (isRedisServer(state.pid) && Date.now() < deadline) await sleep(50);
  }
  const current = await readState(directory);
  if (current?.pid === state.pid) await rm(resolve(directory, STATE_FILE), { force: true });
}

/**
 * The embedded Redis of a data folder: the running one (adopted when the process that started it is gone),
 * or a new one on a Unix socket in the folder. Never two servers on one folder.
 */
export async function openEmbeddedRedis(directory: string): Promise<EmbeddedRedis> {
  const folder = resolve(directory);
  await mkdir(folder, { recursive: true });
  const release = await acquireLock(folder);
  try {
    const state = await readState(folder);
    if (state && isRedisServer(state.pid)) {
      if (!(await answers(state.address, state.pid, ANSWER_WAIT_MS))) {
        throw new BriefingError(
          "STORE_UNAVAILABLE",
          `The redis-server of ${folder} (pid ${state.pid}) does not answer at ${state.address}; stop it (kill ${state.pid}) and start again`,
          { userText: true },
        );
      }
      const adopt = state.owner === process.pid || !isAlive(state.owner);
      if (!adopt) return { url: state.address, reused: true, owned: false, stop: async () => {} };
      const adopted = { ...state, owner: process.pid };
      await writeState(folder, adopted);
      return { url: state.address, reused: true, owned: true, stop: () => stopServer(folder, adopted) };
    }
    const socket = resolve(folder, SOCKET_FILE);
    await rm(socket, { force: true });
    const server = await startRedisServer(
      socket.length <= MAX_SOCKET_PATH ? { directory: folder, socket } : { directory: folder },
    );
    const started = { address: server.url, pid: server.pid, owner: process.pid };
    await writeState(folder, started);
    return {
      url: server.url,
      reused: false,
      owned: true,
      async stop() {
        await server.stop();
        await stopServer(folder, started);
      },
    };
  } finally {
    await release();
  }
}
