import { createHmac, randomUUID } from "node:crypto";

/** Slack's v0 request signature: HMAC-SHA256 of `v0:timestamp:body` with the app's signing secret. */
export function slackSignature(signingSecret: string, timestampSeconds: number, body: string): string {
  const digest = createHmac("sha256", signingSecret).update(`v0:${timestampSeconds}:${body}`).digest("hex");
  return `v0=${digest}`;
}

export interface SignedRequestOptions {
  /** Defaults to now; Bolt refuses requests more than five minutes old. */
  timestampSeconds?: number;
  /** Sign with this secret instead (a forged request). */
  signWith?: string;
  /** Slack's retry headers on a redelivered event. */
  retryNum?: number;
  retryReason?: string;
}

export interface SlackHttpResponse {
  status: number;
  text: string;
  elapsedMs: number;
}

async function sendSigned(
  url: string,
  signingSecret: string,
  body: string,
  contentType: string,
  options: SignedRequestOptions,
): Promise<SlackHttpResponse> {
  const timestamp = options.timestampSeconds ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "Content-Type": contentType,
    "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
    "X-Slack-Request-Timestamp": String(timestamp),
    "X-Slack-Signature": slackSignature(options.signWith ?? signingSecret, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers["X-Slack-Retry-Num"] = String(options.retryNum);
    headers["X-Slack-Retry-Reason"] = options.retryReason ?? "http_timeout";
  }
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers, body });
  const text = await response.text();
  return { status: response.status, text, elapsedMs: performance.now() - started };
}

/** Posts a slash command the way Slack does: form-encoded, signed. */
export async function sendSlashCommand(
  url: string,
  signingSecret: string,
  fields: Record<string, string>,
  options: SignedRequestOptions = {},
): Promise<SlackHttpResponse> {
  const body = new URLSearchParams(fields).toString();
  return await sendSigned(url, signingSecret, body, "application/x-www-form-urlencoded", options);
}

/** Posts an Events API payload the way Slack does: JSON, signed, with retry headers when asked. */
export async function sendEvent(
  url: string,
  signingSecret: string,
  payload: object,
  options: SignedRequestOptions = {},
): Promise<SlackHttpResponse> {
  return await sendSigned(url, signingSecret, JSON.stringify(payload), "application/json", options);
}

/** The fields of a `/brief` slash command request; override any. */
export function slashCommandFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    token: "legacy-verification-token",
    team_id: "T0TEAM",
    team_domain: "newsroom",
    channel_id: "C0NEWS",
    channel_name: "news",
    user_id: "U0ASKER",
    user_name: "asker",
    command: "/brief",
    text: "",
    api_app_id: "A0BRIEF",
    is_enterprise_install: "false",
    response_url: "https://hooks.slack.com/commands/T0TEAM/1/abc",
    trigger_id: `13345224609.738474920.${randomUUID().replaceAll("-", "").slice(0, 20)}`,
    ...overrides,
  };
}

export interface AppMentionFields {
  eventId?: string;
  text: string;
  user?: string;
  botId?: string;
  channel?: string;
  ts?: string;
  threadTs?: string;
  teamId?: string;
}

/** An `event_callback` envelope holding an `app_mention` event, as the Events API delivers it. */
export function appMentionEnvelope(fields: AppMentionFields): Record<string, unknown> {
  const ts = fields.ts ?? "1700000100.000100";
  const teamId = fields.teamId ?? "T0TEAM";
  const event: Record<string, unknown> = {
    type: "app_mention",
    text: fields.text,
    ts,
    channel: fields.channel ?? "C0NEWS",
    event_ts: ts,
    team: teamId,
  };
  if (fields.user !== undefined) event.user = fields.user;
  if (fields.botId !== undefined) event.bot_id = fields.botId;
  if (fields.threadTs !== undefined) event.thread_ts = fields.threadTs;
  return {
    token: "legacy-verification-token",
    team_id: teamId,
    api_app_id: "A0BRIEF",
    event,
    type: "event_callback",
    event_id: fields.eventId ?? `Ev${randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: "UBRIEFBOT",
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: "4-eyJldCI6ImFwcF9tZW50aW9uIn0",
  };
}

export function urlVerificationPayload(challenge: string): Record<string, unknown> {
  return { token: "legacy-verification-token", challenge, type: "url_verification" };
}

export interface BlockActionFields {
  actionId: string;
  value: string;
  teamId?: string;
  channelId?: string;
  userId?: string;
  responseUrl: string;
  messageTs?: string;
}

/** A `block_actions` payload: a click on a button of a message, as Slack's interactivity sends it. */
export function blockActionsPayload(fields: BlockActionFields): Record<string, unknown> {
  const teamId = fields.teamId ?? "T0TEAM";
  const channelId = fields.channelId ?? "C0NEWS";
  const userId = fields.userId ?? "U0READER";
  const messageTs = fields.messageTs ?? "1700000000.000001";
  return {
    type: "block_actions",
    user: { id: userId, username: "reader", name: "reader", team_id: teamId },
    api_app_id: "A0BRIEF",
    token: "legacy-verification-token",
    container: { type: "message", message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
    trigger_id: `13345224609.738474920.${randomUUID().replaceAll("-", "").slice(0, 20)}`,
    team: { id: teamId, domain: "newsroom" },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: "news" },
    message: { type: "message", ts: messageTs, text: "answer", user: "UBRIEFBOT" },
    state: { values: {} },
    response_url: fields.responseUrl,
    actions: [
      {
        action_id: fields.actionId,
        block_id: "feedback",
        text: { type: "plain_text", text: "👍", emoji: true },
        value: fields.value,
        type: "button",
        action_ts: String(Date.now() / 1000),
      },
    ],
  };
}

/** Posts an interactivity payload the way Slack does: form-encoded `payload=<json>`, signed. */
export async function sendBlockActions(
  url: string,
  signingSecret: string,
  payload: object,
  options: SignedRequestOptions = {},
): Promise<SlackHttpResponse> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return await sendSigned(url, signingSecret, body, "application/x-www-form-urlencoded", options);
}
