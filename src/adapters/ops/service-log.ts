import type { Log } from "../../core/log.ts";

export type ServiceLogLevel = "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";

export interface ServiceLogOptions {
  /** Where lines go (process.stderr in production). */
  write: (line: string) => void;
  level: ServiceLogLevel;
  /** Whether `question` fields are logged as text; otherwise as a hash. */
  logQuestions: boolean;
  /** Values that must never appear in a line (tokens, signing secrets, API keys). */
  secrets: readonly string[];
  /** Human-readable lines (a terminal) instead of JSON. */
  pretty: boolean;
  /** The process's role, logged as `component` unless an event names its own. */
  component: string;
}

// STUB (to be replaced by the pino-based sink): key=value lines.
export function serviceLog(options: ServiceLogOptions): Log {
  return (event, fields = {}) => {
    const pairs = Object.entries(fields)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${JSON.stringify(value)}`);
    options.write(`${new Date().toISOString()} ${event}${pairs.length > 0 ? ` ${pairs.join(" ")}` : ""}\n`);
  };
}
