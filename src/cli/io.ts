import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";

/** Where a CLI run writes, what it knows of its terminal, and the environment it reads its configuration from. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** The terminal's width behind stderr, for the progress bar (unknown: 80 columns). */
  stderrColumns?: () => number | undefined;
}

/** The real process: its standard streams and its environment. */
export function processIo(): CliIo {
  return {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    stderrColumns: () => process.stderr.columns,
  };
}

/**
 * The environment with the variables of `./.env` (if there is one) under it: a variable set in `env` wins over
 * the file's. Returns a new object; neither `env` nor process.env is changed.
 */
export function withDotEnv(env: NodeJS.ProcessEnv, path = ".env"): NodeJS.ProcessEnv {
  if (!existsSync(path)) return env;
  const merged: NodeJS.ProcessEnv = parseEnv(readFileSync(path, "utf8"));
  for (const [name, value] of Object.entries(env)) if (value !== undefined) merged[name] = value;
  return merged;
}
