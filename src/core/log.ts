/** A structured event log: an event name and its fields. Adapters decide where the lines go. */
export type Log = (event: string, fields?: Record<string, unknown>) => void;

/** A log that drops everything. */
export const silentLog: Log = () => {};
