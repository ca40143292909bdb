import { type ChildProcess, spawn } from "node:child_process";
import { assertNoSecrets, parseLogLines } from "./log-lines.ts";
import { type ServiceRole, serviceArgs } from "./service-commands.ts";
import { until } from "./until.ts";

/** A `briefbot serve` or `briefbot worker` process, its stderr collected. */
export interface ServiceProcess {
  child: ChildProcess;
  /** Everything it logged so far. */
  log(): string;
  /** Resolves with its exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Waits until it logged `event`. */
  logged(event: string, timeoutMs?: number): Promise<void>;
  /** The port its operations endpoints listen on (from its `ops_listening` line). */
  opsPort(timeoutMs?: number): Promise<number>;
}

/** The fields of the first line that logs `event`: a JSON line, or a `time event key=value…` line. */
export function loggedFields(log: string, event: string): Record<string, unknown> | undefined {
  for (const line of log.split("\n")) {
    if (!line.includes(event)) continue;
    try {
      const record = JSON.parse(line) as Record<string, unknown>;
      if (record.event === event) return record;
    } catch {
      const [, name, ...pairs] = line.split(" ");
      if (name !== event) continue;
      return Object.fromEntries(
        pairs.map((pair) => {
          const [key = "", ...value] = pair.split("=");
          const text = value.join("=");
          try {
            return [key, JSON.parse(text)];
          } catch {
            return [key, text];
          }
        }),
      );
    }
  }
  return undefined;
}

/** The settings whose values must never appear in a log line. */
const SECRET_SETTINGS = [
  "SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_APP_TOKEN",
  "DISCORD_TOKEN",
  "OPENAI_API_KEY",
  "OPENAI_EMBEDDING_API_KEY",
  "ADMIN_TOKEN",
];

/** Every process this test file spawned, with the secrets it was given. */
const spawned: Array<{ output: () => string; secrets: string[] }> = [];

/**
 * For an `afterAll`: every line each spawned process logged is a JSON line with level, time, component and
 * event, and none holds a secret it was configured with (in any encoding `secretsIn` knows).
 */
export function assertServiceLogsClean(): void {
  for (const { output, secrets } of spawned.splice(0)) {
    parseLogLines(output());
    assertNoSecrets(output(), secrets);
  }
}

/** Spawns the role as the container runs it, with exactly `env` (and PATH) as its environment. */
export function spawnService(role: ServiceRole, env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, serviceArgs(role), {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  spawned.push({
    output: () => output,
    secrets: SECRET_SETTINGS.flatMap((name) => (env[name] ? [env[name]] : [])),
  });
  const logged = (event: string, timeoutMs = 20_000) =>
    until(
      () => loggedFields(output, event) !== undefined,
      `${role} to log ${event} (log so far: ${output.slice(-600)})`,
      timeoutMs,
    );
  return {
    child,
    log: () => output,
    exited,
    logged,
    async opsPort(timeoutMs) {
      await logged("ops_listening", timeoutMs);
      return Number(loggedFields(output, "ops_listening")?.port);
    },
  };
}

/** A GET (or another method) on loopback; the status, the headers and the body as text. */
export async function httpGet(
  port: number,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; type: string; body: string }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, init);
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    body: await response.text(),
  };
}
