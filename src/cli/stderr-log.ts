import type { Log } from "../core/log.ts";

function format(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return /[\s"=]/u.test(text ?? "") ? JSON.stringify(text) : String(text);
}

/** One line per event on stderr: `2026-11-23T08:00:00.000Z job_failed jobId=slack-ev-1 code=…`. */
export function stderrLog(stderr: (text: string) => void): Log {
  return (event, fields = {}) => {
    const pairs = Object.entries(fields)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${format(value)}`);
    stderr(`${new Date().toISOString()} ${event}${pairs.length > 0 ? ` ${pairs.join(" ")}` : ""}\n`);
  };
}
