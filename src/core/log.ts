/** A structured event log: an event name and its fields. Adapters decide where the lines go. */
export type Log = (event: string, fields?: Record<string, unknown>) => void;

/** A log that drops everything. */
export const silentLog: Log = () => {};

/** One event to several logs: the log lines and the metrics see the same events. */
export function teeLog(...logs: Log[]): Log {
  return (event, fields) => {
    for (const log of logs) log(event, fields);
  };
}
