/** Structured log line, the same shape the queue worker uses: an event name and its fields. */
export type ChatLog = (event: string, fields: Record<string, unknown>) => void;

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Sends something to the asker; a failure is logged as `event` with `fields`, never thrown. */
export async function sendSafely(
  send: () => Promise<unknown>,
  log: ChatLog,
  event: string,
  fields: Record<string, unknown>,
): Promise<void> {
  try {
    await send();
  } catch (error) {
    log(event, { ...fields, error: errorText(error) });
  }
}
