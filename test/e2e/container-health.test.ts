import { type ChildProcess, execFile, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { freePort } from "../../src/store/embedded-redis-server.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";
import { type ServiceRole, serviceArgs, serviceCommand } from "../support/service-commands.ts";
import { until } from "../support/until.ts";

// The compose services as processes: each role's command (the one the image runs), its compose environment with
// Redis, the port and the host moved to loopback for the test, and its compose health check run against it.
interface ComposeService {
  command: string[];
  environment: Record<string, string>;
  healthcheck: { test: string[] };
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const compose = parse(readFileSync(join(ROOT, "compose.yaml"), "utf8"), { merge: true }) as {
  services: Record<ServiceRole, ComposeService>;
};

let redis: ThrowawayRedis;
const children: ChildProcess[] = [];
const directories: string[] = [];

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await redis?.stop();
  for (const directory of directories) await rm(directory, { recursive: true, force: true });
});

function healthCheck(test: readonly string[], port: number): Promise<number> {
  const [, command = "", ...args] = test;
  const onPort = args.map((arg) => arg.replace(/127\.0\.0\.1:\d+/u, `127.0.0.1:${port}`));
  return new Promise((resolve) => {
    const child = execFile(
      command === "node" ? process.execPath : command,
      onPort,
      { timeout: 10_000 },
      () => {},
    );
    child.once("exit", (code) => resolve(code ?? -1));
  });
}

describe.concurrent("the compose services as processes", () => {
  for (const role of ["serve", "worker"] as const) {
    it(`${role}: the container's command starts, its compose health check passes, and SIGTERM stops it`, async () => {
      const service = compose.services[role];
      expect(service.command).toEqual(serviceCommand(role));
      const port = await freePort();
      const portVariable = role === "serve" ? "PORT" : "HTTP_PORT";
      expect(service.environment[portVariable]).toBeDefined();
      const dataDirectory = await mkdtemp(join(tmpdir(), "briefbot-container-"));
      directories.push(dataDirectory);
      const child = spawn(process.execPath, serviceArgs(role), {
        env: {
          PATH: process.env.PATH ?? "",
          ...service.environment,
          REDIS_URL: redis.url,
          [portVariable]: String(port),
          HTTP_HOST: "127.0.0.1",
          BRIEFBOT_NAMESPACE: `container-${role}`,
          BRIEFBOT_DATA_DIR: dataDirectory,
        },
        stdio: ["ignore", "ignore", "pipe"],
      });
      children.push(child);
      let log = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        log += chunk.toString("utf8");
      });
      const exited = new Promise<string>((resolve) =>
        child.once("exit", (code, signal) => resolve(`code ${code} signal ${signal}`)),
      );
      await until(
        async () => (await healthCheck(service.healthcheck.test, port)) === 0,
        `${role}'s compose health check to pass (log: ${log.slice(-400)})`,
        30_000,
      );
      await until(
        () => log.includes("worker_started"),
        `${role} to start its worker (log: ${log.slice(-400)})`,
      );
      // What `docker stop` sends: exit 0 after a graceful stop, also when it comes before start-up has returned.
      child.kill("SIGTERM");
      expect(await exited, log.slice(-1500)).toBe("code 0 signal null");
    }, 60_000);
  }
});
