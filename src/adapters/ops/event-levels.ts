export type EventLevel = "trace" | "debug" | "info" | "warn" | "error" | "fatal";

const LEVELS: ReadonlySet<string> = new Set(["trace", "debug", "info", "warn", "error", "fatal"]);

/** Something is broken or given up on: an operator should look. */
const ERROR_EVENTS = /(_error|_gave_up|_crashed)$|^give_up/u;
/** One attempt or one side task went wrong; the job or the process carries on (or retries). */
const WARN_EVENTS =
  /(_failed|_refused|_rejected|_warning|_timeout|_timed_out|_late|_held|_not_read|_not_recorded|_disconnected)$/u;
/** Frequent, per job or per poll: hidden at the default level. */
const DEBUG_EVENTS = /(_queued|_progress|_polled|_not_modified|_found|_stream_ended)$|^progress/u;

/**
 * The level of an event, from its name: `*_error`, `*_gave_up` and `give_up*` are errors, `*_failed` and
 * `*_refused` warnings, per-job chatter (`*_queued`, progress, polls) debug, the rest (`*_started`, `*_ready`,
 * `stopping`, …) info; a failure that will not be retried (`retrying: false`) is an error. A `level` field naming
 * a level wins.
 */
export function eventLevel(event: string, fields: Readonly<Record<string, unknown>> = {}): EventLevel {
  const explicit = fields.level;
  if (typeof explicit === "string" && LEVELS.has(explicit)) return explicit as EventLevel;
  if (ERROR_EVENTS.test(event)) return "error";
  if (fields.retrying === false && WARN_EVENTS.test(event)) return "error";
  if (WARN_EVENTS.test(event)) return "warn";
  if (DEBUG_EVENTS.test(event)) return "debug";
  return "info";
}
