import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SERVICE_ENTRY, serviceArgs, serviceCommand } from "../support/service-commands.ts";

// No image can be built on the test machines (no registry, no Docker daemon): what can be checked without
// one is checked here, against the text of Dockerfile, .dockerignore and compose.yaml.
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const read = (name: string) => readFileSync(join(ROOT, name), "utf8");

/** Dockerfile instructions, continuation lines joined, comments dropped. */
function instructions(text: string): Array<{ keyword: string; rest: string }> {
  return text
    .replace(/\\\n/gu, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const keyword = line.split(/\s+/u)[0] ?? "";
      return { keyword: keyword.toUpperCase(), rest: line.slice(keyword.length).trim() };
    });
}

const dockerfile = instructions(read("Dockerfile"));
const only = (keyword: string) => dockerfile.filter((entry) => entry.keyword === keyword);
const stages = only("FROM");
/** The instructions of the last stage, the image that runs. */
const runtime = dockerfile.slice(
  Math.max(
    0,
    dockerfile.findLastIndex((entry) => entry.keyword === "FROM"),
  ),
);

/** The exec-form JSON array after a HEALTHCHECK's options and CMD. */
function healthcheckCommand(rest: string): string[] {
  const json = rest.slice(rest.indexOf("CMD ") + 4).trim();
  return JSON.parse(json) as string[];
}

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  container_name?: string;
  env_file?: Array<{ path: string; required: boolean }>;
}

const compose = parse(read("compose.yaml"), { merge: true }) as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};
const service = (name: string): ComposeService => {
  const found = compose.services[name];
  if (!found) throw new Error(`compose.yaml has no service ${name}`);
  return found;
};

function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, args, { env, timeout: 15_000 }, () => {});
    child.once("exit", (code) => resolve(code ?? -1));
  });
}

async function healthServer(status: number): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    response.statusCode = request.url === "/healthz" ? status : 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

describe("the service commands", () => {
  it("are the container's commands, and the e2e tests spawn the same entry point and role", () => {
    expect(serviceCommand("serve")).toEqual(["node", "bin/briefbot.js", "serve"]);
    expect(serviceCommand("worker")).toEqual(["node", "bin/briefbot.js", "worker"]);
    expect(serviceArgs("worker")).toEqual([join(ROOT, SERVICE_ENTRY), "worker"]);
    expect(read(SERVICE_ENTRY)).toContain('from "../src/cli.ts"');
  });
});

describe("Dockerfile", () => {
  it("builds in two stages from Node 24 slim, production dependencies by npm ci", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(only("ARG").map((entry) => entry.rest)).toContain("NODE_IMAGE=node:24-bookworm-slim");
    expect(stages.every((stage) => stage.rest.startsWith(`\${NODE_IMAGE}`))).toBe(true);
    expect(only("RUN").some((entry) => /npm ci --omit=dev\b/u.test(entry.rest))).toBe(true);
    expect(runtime.some((entry) => entry.keyword === "COPY" && entry.rest.startsWith("--from=deps"))).toBe(
      true,
    );
  });

  it("runs as the non-root node user under tini, and its CMD is the serve command", () => {
    expect(only("USER").map((entry) => entry.rest)).toEqual(["node"]);
    expect(
      runtime.some((entry) => entry.keyword === "RUN" && /apt-get install .*\btini\b/u.test(entry.rest)),
    ).toBe(true);
    expect(only("ENTRYPOINT").map((entry) => JSON.parse(entry.rest))).toEqual([["/usr/bin/tini", "--"]]);
    const cmd = only("CMD");
    expect(cmd).toHaveLength(1);
    expect(JSON.parse(cmd[0]?.rest ?? "[]")).toEqual(serviceCommand("serve"));
  });

  it("copies only what .dockerignore lets into the context, and never .env", () => {
    const allowed = read(".dockerignore")
      .split("\n")
      .filter((line) => line.startsWith("!"))
      .map((line) => line.slice(1).replace(/\/$/u, ""));
    expect(read(".dockerignore").split("\n")).toContain("*");
    const sources = runtime
      .filter((entry) => entry.keyword === "COPY" && !entry.rest.startsWith("--from"))
      .flatMap((entry) => entry.rest.split(/\s+/u).slice(0, -1));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(allowed).toContain(source);
    expect(allowed).not.toContain(".env");
  });

  it("has a HEALTHCHECK on /healthz by Node's fetch (no curl in slim images) that passes and fails for real", async () => {
    const healthchecks = only("HEALTHCHECK");
    expect(healthchecks).toHaveLength(1);
    const command = healthcheckCommand(healthchecks[0]?.rest ?? "");
    expect(command[0]).toBe("node");
    expect(command.join(" ")).toContain("/healthz");
    expect(command.join(" ")).not.toMatch(/curl|wget/u);
    const args = command.slice(1);
    const healthy = await healthServer(200);
    const failing = await healthServer(503);
    try {
      const base = { PATH: process.env.PATH ?? "" };
      // serve: PORT; a worker: HTTP_PORT (9464 when unset, nothing listens there in a test).
      expect(await runNode(args, { ...base, PORT: String(healthy.port) })).toBe(0);
      expect(await runNode(args, { ...base, PORT: "1", HTTP_PORT: String(healthy.port) })).toBe(0);
      expect(await runNode(args, { ...base, PORT: String(failing.port) })).toBe(1);
      expect(await runNode(args, { ...base, PORT: "1" })).toBe(1);
    } finally {
      healthy.server.close();
      failing.server.close();
    }
  });
});

describe("compose.yaml", () => {
  it("has redis, serve and worker", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["redis", "serve", "worker"]);
  });

  it("runs Redis with AOF on, noeviction, a named volume and a ping health check", () => {
    const redis = service("redis");
    const command = redis.command ?? [];
    expect(command[0]).toBe("redis-server");
    const flag = (name: string) => command[command.indexOf(name) + 1];
    expect(command).toContain("--appendonly");
    expect(flag("--appendonly")).toBe("yes");
    expect(flag("--maxmemory-policy")).toBe("noeviction");
    const [volume, mount] = (redis.volumes?.[0] ?? "").split(":");
    expect(mount).toBe("/data");
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect(redis.healthcheck?.test).toEqual(["CMD", "redis-cli", "ping"]);
  });

  it("runs serve and worker from the one image with the service commands, against that Redis, once it is healthy", () => {
    for (const role of ["serve", "worker"] as const) {
      const entry = service(role);
      expect(entry.command).toEqual(serviceCommand(role));
      expect(entry.build).toBe(".");
      expect(entry.image).toBe("briefbot:latest");
      expect(entry.environment?.REDIS_URL).toBe("redis://redis:6379");
      expect(entry.env_file).toEqual([{ path: ".env", required: false }]);
      expect(entry.depends_on?.redis?.condition).toBe("service_healthy");
      const test = entry.healthcheck?.test ?? [];
      expect(test.slice(0, 2)).toEqual(["CMD", "node"]);
      expect(test.join(" ")).toMatch(/http:\/\/127\.0\.0\.1:\d+\/healthz/u);
    }
  });

  it("publishes serve's Slack port and checks it; workers publish nothing, so `--scale worker=N` works", () => {
    const serve = service("serve");
    expect(serve.ports).toEqual([`${serve.environment?.PORT}:${serve.environment?.PORT}`]);
    expect(serve.healthcheck?.test.join(" ")).toContain(`:${serve.environment?.PORT}/healthz`);
    const worker = service("worker");
    expect(worker.ports).toBeUndefined();
    expect(worker.container_name).toBeUndefined();
    expect(worker.healthcheck?.test.join(" ")).toContain(`:${worker.environment?.HTTP_PORT}/healthz`);
  });
});
