import { createHash } from "node:crypto";
import { pino } from "pino";
import { prettyFactory } from "pino-pretty";
import type { Log } from "../../core/log.ts";
import { eventLevel } from "./event-levels.ts";
import { secretRedactor } from "./redact-secrets.ts";
import { scrubbed } from "./scrubbed-fields.ts";

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
  /** Pretty lines only: colours (default true). */
  colorize?: boolean;
}

/** Names the line itself uses: an event's field of the same name is logged with a `Field` suffix. */
const RESERVED_FIELDS = new Set(["event", "time", "pid", "hostname"]);

/** How a question is logged when its text is not: the first 16 hex digits of its SHA-256. */
export function questionHash(question: string): string {
  return createHash("sha256").update(question).digest("hex").slice(0, 16);
}

function lineFields(
  fields: Readonly<Record<string, unknown>>,
  options: ServiceLogOptions,
): Record<string, unknown> {
  const line: Record<string, unknown> = { component: options.component };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || key === "level") continue;
    if (key === "question" && !options.logQuestions) {
      line.questionHash = questionHash(typeof value === "string" ? value : String(value));
    } else {
      line[RESERVED_FIELDS.has(key) ? `${key}Field` : key] = value;
    }
  }
  return line;
}

/**
 * The log of `serve` and `worker`: one pino line per event on `options.write`, JSON (level label, ISO time,
 * component, event, the event's fields) or, on a terminal, pino-pretty's human-readable form. Every string in a
 * line is scrubbed of the configured secrets and of anything shaped like a credential. Never throws.
 */
export function serviceLog(options: ServiceLogOptions): Log {
  const redact = secretRedactor(options.secrets);
  const prettify = options.pretty
    ? prettyFactory({
        colorize: options.colorize ?? true,
        translateTime: "SYS:HH:MM:ss.l",
        messageKey: "event",
        ignore: "pid,hostname",
      })
    : undefined;
  const logger = pino(
    {
      level: options.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      // The event name is the line's message: one field, `event`, not a copy in `msg` too.
      messageKey: "event",
      // Fields arrive already made JSON-safe and scrubbed (errors included): pino's `err` serializer is not wanted.
      serializers: { err: (value: unknown) => value },
      // pino-pretty reads the numeric level; JSON lines carry the label operators grep for.
      ...(prettify ? {} : { formatters: { level: (label: string) => ({ level: label }) } }),
    },
    { write: (line: string) => options.write(prettify ? prettify(line) : line) },
  );
  const fallback = (event: string, failure: unknown): void => {
    try {
      options.write(
        `${JSON.stringify({
          level: "error",
          time: new Date().toISOString(),
          component: options.component,
          event: "log_failed",
          failedEvent: redact(event),
          error: redact(failure instanceof Error ? failure.message : String(failure)),
        })}\n`,
      );
    } catch {
      // Nowhere left to say it.
    }
  };
  return (event, fields = {}) => {
    try {
      const level = eventLevel(event, fields);
      if (!logger.isLevelEnabled(level)) return;
      const name = redact(event);
      const line = scrubbed(lineFields(fields, options), redact);
      if (typeof line !== "object" || line === null) throw new Error("the fields could not be read");
      logger[level](line, name);
    } catch (failure) {
      fallback(event, failure);
    }
  };
}
