/**
 * A queue job id from a Slack id: BullMQ ids must not contain ':' nor be all digits, so everything outside
 * [A-Za-z0-9_-] becomes "_" and the prefix keeps it from being digits only.
 * "slack-cmd", "13345224609.738474920.80889" → "slack-cmd-13345224609_738474920_80889".
 */
export function slackJobId(prefix: "slack-cmd" | "slack-ev" | "slack-sub", slackId: string): string {
  return `${prefix}-${slackId.replace(/[^A-Za-z0-9_-]/gu, "_")}`.slice(0, 200);
}

/** The job of a message event: its Events API id (the same on every retry), else its channel and ts. */
export function slackEventJobId(event: {
  eventId: string | undefined;
  channelId: string;
  ts: string;
}): string {
  return slackJobId("slack-ev", event.eventId ?? `${event.channelId}-${event.ts}`);
}
