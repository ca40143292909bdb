import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli.ts";

const BIN = fileURLToPath(new URL("../../bin/briefbot.js", import.meta.url));
const ISOLATED_DATA_DIRECTORY = "/nonexistent/briefbot-test-data";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `briefbot` in this process (`main` of src/cli.ts) with a clean, explicit environment: only `NO_COLOR`
 * and `env` (the CLI reads no variable of process.env, and sets none). Output is captured; neither stream is a
 * terminal unless `terminal` says so.
 */
export async function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
  terminal: { stdout?: boolean; stderr?: boolean } = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdoutIsTTY: terminal.stdout ?? false,
    stderrIsTTY: terminal.stderr ?? false,
    // A data folder of its own (none): a `serve` running in the developer's ./data is never picked up.
    env: { NO_COLOR: "1", BRIEFBOT_DATA_DIR: ISOLATED_DATA_DIRECTORY, ...env },
  });
  return { code, stdout, stderr };
}

/**
 * Runs the real `briefbot` binary in a child process, with PATH, HOME and NO_COLOR besides `env`: for the few
 * checks that need a process of its own (start-up, exit codes, signals).
 */
export async function runCliProcess(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      NO_COLOR: "1",
      BRIEFBOT_DATA_DIR: ISOLATED_DATA_DIRECTORY,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, stdout, stderr };
}
