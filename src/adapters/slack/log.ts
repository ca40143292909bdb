/** Structured log line, the same shape the queue worker uses: an event name and its fields. */
export type SlackLog = (event: string, fields: Record<string, unknown>) => void;

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
