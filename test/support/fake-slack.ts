import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the next call to a method (or to a response_url) gets instead of success. */
export type ScriptedFailure =
  /** HTTP 429 with a Retry-After header, as Slack's rate limiter answers. */
  | { kind: "rate_limited"; retryAfterSeconds?: number }
  /** An HTTP error status (500 unless given), as during a Slack outage. */
  | { kind: "server_error"; status?: number }
  /** HTTP 200 with `{ok:false, error}`: how the Web API refuses ("not_in_channel", "invalid_auth", …). */
  | { kind: "slack_error"; error: string };

export interface RecordedCall {
  method: string;
  /** The parameters, whether sent form-encoded (JSON-valued fields like `blocks` decoded) or as JSON. */
  body: Record<string, unknown>;
  token: string | undefined;
  at: number;
  /** What the fake answered, e.g. `{ok: true, ts}` for chat.postMessage. */
  reply?: unknown;
}

export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

export interface FakeSlackOptions {
  /** When set, any other token gets `invalid_auth`. */
  token?: string;
  botUserId?: string;
  botId?: string;
  teamId?: string;
}

type Reply = { status: number; headers?: Record<string, string>; body: unknown };

const MAX_BLOCKS = 50;
const MAX_SECTION_TEXT = 3_000;

/** Form fields Slack's Web API takes as JSON text; every other field stays a string, whatever it starts with. */
const JSON_FORM_FIELDS = new Set(["blocks", "attachments", "metadata"]);

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw.length === 0) return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = JSON_FORM_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return body;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function failureReply(failure: ScriptedFailure): Reply {
  switch (failure.kind) {
    case "rate_limited":
      return {
        status: 429,
        headers: { "Retry-After": String(failure.retryAfterSeconds ?? 1) },
        body: { ok: false, error: "ratelimited" },
      };
    case "server_error":
      return { status: failure.status ?? 500, body: "upstream error" };
    case "slack_error":
      return { status: 200, body: { ok: false, error: failure.error } };
  }
}

/** Slack's checks on a message that matter here: blocks within limits and some content. */
function invalidMessage(body: Record<string, unknown>): string | undefined {
  if (typeof body.channel !== "string" || body.channel === "") return "channel_not_found";
  const blocks = body.blocks;
  if (blocks === undefined) return typeof body.text === "string" && body.text !== "" ? undefined : "no_text";
  if (!Array.isArray(blocks) || blocks.length > MAX_BLOCKS) return "invalid_blocks";
  const tooLong = blocks.some(
    (block: { text?: { text?: string } }) => (block.text?.text?.length ?? 0) > MAX_SECTION_TEXT,
  );
  return tooLong ? "invalid_blocks" : undefined;
}

/**
 * Slack's side, on loopback: the Web API methods Briefbot uses (auth.test, chat.postMessage,
 * chat.postEphemeral, chat.update, chat.startStream / appendStream / stopStream, assistant.threads.*,
 * conversations.history and .replies, users.info) and response_url endpoints. Records every
 * call; failures can be scripted.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  /** Called the moment a Web API call or a response_url post is recorded (benchmarks time on this). */
  onRecord: ((record: { call?: RecordedCall; response?: RecordedResponse }) => void) | undefined;
  /** How long Web API calls take to answer (after they are recorded): a slow Slack, for fault tests. */
  latencyMs = 0;
  readonly #server: Server;
  readonly #options: Required<Omit<FakeSlackOptions, "token">> & { token: string | undefined };
  readonly #failures = new Map<string, ScriptedFailure[]>();
  #origin = "";
  #messages = 0;
  /** The locale users.info gives each user (Slack's default, en-US, for the others). */
  readonly #locales = new Map<string, string>();
  /** Posted messages by channel and ts, as edited since: what a channel shows now. */
  readonly #posted = new Map<string, Record<string, unknown>>();

  private constructor(options: FakeSlackOptions) {
    this.#options = {
      token: options.token,
      botUserId: options.botUserId ?? "UBRIEFBOT",
      botId: options.botId ?? "BBRIEFBOT",
      teamId: options.teamId ?? "T0TEAM",
    };
    this.#server = createServer((request, response) => {
      this.#handle(request, response).catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    });
  }

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const fake = new FakeSlack(options);
    await new Promise<void>((resolve) => fake.#server.listen(0, "127.0.0.1", resolve));
    fake.#origin = `http://127.0.0.1:${(fake.#server.address() as AddressInfo).port}`;
    return fake;
  }

  /** The Web API base URL to give WebClient / Bolt as `slackApiUrl`. */
  get apiUrl(): string {
    return `${this.#origin}/api/`;
  }

  get botUserId(): string {
    return this.#options.botUserId;
  }

  /** A fresh response_url, as Slack puts in each slash command. */
  responseUrl(id: string = randomUUID()): string {
    return `${this.#origin}/commands/${id}`;
  }

  /** A posted message as it reads now, after every chat.update of it. */
  message(channel: string, ts: string): Record<string, unknown> | undefined {
    return this.#posted.get(`${channel}:${ts}`);
  }

  /** What users.info with include_locale says of this user's locale ("nl-NL", "fr-FR"). */
  setUserLocale(userId: string, locale: string): void {
    this.#locales.set(userId, locale);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  responsesTo(url: string): RecordedResponse[] {
    return this.responses.filter((response) => url.endsWith(`/commands/${response.id}`));
  }

  /** The next `times` calls to `method` ("chat.postMessage", or "response_url") fail this way. */
  failNext(method: string, failure: ScriptedFailure, times = 1): void {
    const queue = this.#failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.#failures.set(method, queue);
  }

  /** Calls to `method` succeed again: the failures scripted with failNext and not yet used are dropped. */
  clearFailures(method: string): void {
    this.#failures.delete(method);
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? "/", this.#origin).pathname;
    const body = parseBody(await readBody(request), request.headers["content-type"]);
    let reply: Reply;
    if (path.startsWith("/api/")) {
      const method = path.slice("/api/".length);
      const bearer = request.headers.authorization?.replace(/^Bearer\s+/u, "");
      const token = bearer ?? (typeof body.token === "string" ? body.token : undefined);
      const call: RecordedCall = { method, body, token, at: Date.now() };
      this.calls.push(call);
      this.onRecord?.({ call });
      reply = this.#scripted(method) ?? this.#apiReply(method, body, token);
      call.reply = reply.body;
      if (this.latencyMs > 0) await new Promise((wake) => setTimeout(wake, this.latencyMs));
    } else if (path.startsWith("/commands/")) {
      const recorded = { id: path.slice("/commands/".length), body, at: Date.now() };
      this.responses.push(recorded);
      this.onRecord?.({ response: recorded });
      reply = this.#scripted("response_url") ?? { status: 200, body: "ok" };
    } else {
      reply = { status: 404, body: "not found" };
    }
    const isText = typeof reply.body === "string";
    response.writeHead(reply.status, {
      "Content-Type": isText ? "text/plain" : "application/json; charset=utf-8",
      ...reply.headers,
    });
    response.end(isText ? reply.body : JSON.stringify(reply.body));
  }

  /**
   * What conversations.history (a channel's top-level messages, newest first) or conversations.replies (a
   * thread, oldest first) returns; metadata only with include_all_metadata, as Slack does.
   */
  #read(method: string, body: Record<string, unknown>): Record<string, unknown>[] {
    const channel = String(body.channel);
    const withMetadata = String(body.include_all_metadata) === "true";
    const limit = Number(body.limit ?? 100);
    const inChannel = [...this.#posted.entries()]
      .filter(([key]) => key.startsWith(`${channel}:`))
      .map(([, message]) => message);
    const picked =
      method === "conversations.replies"
        ? inChannel.filter((message) => message.ts === body.ts || message.thread_ts === body.ts)
        : inChannel.filter((message) => message.thread_ts === undefined).reverse();
    return picked.slice(0, limit).map(({ metadata, ...message }) => ({
      ...message,
      bot_id: this.#options.botId,
      ...(withMetadata && metadata !== undefined ? { metadata } : {}),
    }));
  }

  /**
   * Slack's streaming messages: startStream posts one in a thread (markdown_text as its text so far),
   * appendStream adds to it and stopStream ends it (with blocks and metadata); both refuse a ts that is not a
   * stream still open.
   */
  #stream(method: string, body: Record<string, unknown>): Reply {
    const channel = String(body.channel ?? "");
    if (channel === "") return { status: 200, body: { ok: false, error: "channel_not_found" } };
    if (method === "chat.startStream") {
      if (typeof body.thread_ts !== "string")
        return { status: 200, body: { ok: false, error: "invalid_arguments" } };
      this.#messages += 1;
      const ts = `1700000000.${String(this.#messages).padStart(6, "0")}`;
      const markdown = typeof body.markdown_text === "string" ? body.markdown_text : "";
      this.#posted.set(`${channel}:${ts}`, {
        channel,
        ts,
        thread_ts: body.thread_ts,
        markdown,
        streaming: true,
      });
      return { status: 200, body: { ok: true, channel, ts } };
    }
    const key = `${channel}:${String(body.ts)}`;
    const stream = this.#posted.get(key);
    if (!stream) return { status: 200, body: { ok: false, error: "message_not_found" } };
    if (stream.streaming !== true)
      return { status: 200, body: { ok: false, error: "message_not_in_streaming_state" } };
    const markdown = `${String(stream.markdown)}${typeof body.markdown_text === "string" ? body.markdown_text : ""}`;
    const stopped = method === "chat.stopStream";
    this.#posted.set(key, {
      ...stream,
      markdown,
      streaming: !stopped,
      ...(stopped && body.blocks !== undefined ? { blocks: body.blocks } : {}),
      ...(stopped && body.metadata !== undefined ? { metadata: body.metadata } : {}),
    });
    return { status: 200, body: { ok: true, channel, ts: body.ts } };
  }

  /**
   * users.info: a user id (U… or W…) is a user of the team; `locale` only with include_locale, as Slack does;
   * any other id is `user_not_found`.
   */
  #userInfo(body: Record<string, unknown>, teamId: string): Reply {
    const id = typeof body.user === "string" ? body.user : "";
    if (!/^[UW][A-Z0-9]+$/u.test(id)) return { status: 200, body: { ok: false, error: "user_not_found" } };
    const withLocale = String(body.include_locale) === "true";
    const user = {
      id,
      team_id: teamId,
      name: id.toLowerCase(),
      deleted: false,
      real_name: id,
      tz: "Europe/Amsterdam",
      tz_label: "Central European Time",
      tz_offset: 3600,
      is_bot: false,
      is_app_user: false,
      updated: 1_700_000_000,
      ...(withLocale ? { locale: this.#locales.get(id) ?? "en-US" } : {}),
    };
    return { status: 200, body: { ok: true, user } };
  }

  #scripted(method: string): Reply | undefined {
    const failure = this.#failures.get(method)?.shift();
    return failure ? failureReply(failure) : undefined;
  }

  #apiReply(method: string, body: Record<string, unknown>, token: string | undefined): Reply {
    if (!token) return { status: 200, body: { ok: false, error: "not_authed" } };
    if (this.#options.token && token !== this.#options.token) {
      return { status: 200, body: { ok: false, error: "invalid_auth" } };
    }
    const { botUserId, botId, teamId } = this.#options;
    switch (method) {
      case "auth.test":
        return {
          status: 200,
          body: {
            ok: true,
            url: "https://fake.slack.test/",
            team: "Fake",
            user: "briefbot",
            team_id: teamId,
            user_id: botUserId,
            bot_id: botId,
          },
        };
      case "chat.postMessage": {
        const invalid = invalidMessage(body);
        if (invalid) return { status: 200, body: { ok: false, error: invalid } };
        this.#messages += 1;
        const ts = `1700000000.${String(this.#messages).padStart(6, "0")}`;
        this.#posted.set(`${String(body.channel)}:${ts}`, { ...body, ts });
        return {
          status: 200,
          body: { ok: true, channel: body.channel, ts, message: { ...body, ts, bot_id: botId } },
        };
      }
      case "chat.postEphemeral": {
        const invalid =
          invalidMessage(body) ??
          (typeof body.user === "string" && body.user ? undefined : "user_not_in_channel");
        if (invalid) return { status: 200, body: { ok: false, error: invalid } };
        return {
          status: 200,
          body: { ok: true, message_ts: `1700000001.${String(this.calls.length).padStart(6, "0")}` },
        };
      }
      case "chat.update": {
        const key = `${String(body.channel)}:${String(body.ts)}`;
        const existing = this.#posted.get(key);
        if (!existing) return { status: 200, body: { ok: false, error: "message_not_found" } };
        const invalid = invalidMessage(body);
        if (invalid) return { status: 200, body: { ok: false, error: invalid } };
        // An update replaces what a stopped stream showed: its text is the update's blocks now.
        const { markdown: _streamed, ...kept } = existing;
        this.#posted.set(key, { ...(body.blocks === undefined ? existing : kept), ...body });
        return { status: 200, body: { ok: true, channel: body.channel, ts: body.ts, text: body.text } };
      }
      case "chat.startStream":
      case "chat.appendStream":
      case "chat.stopStream":
        return this.#stream(method, body);
      case "assistant.threads.setStatus":
      case "assistant.threads.setSuggestedPrompts":
      case "assistant.threads.setTitle":
        if (typeof body.channel_id !== "string" || typeof body.thread_ts !== "string") {
          return { status: 200, body: { ok: false, error: "invalid_arguments" } };
        }
        return { status: 200, body: { ok: true } };
      case "users.info":
        return this.#userInfo(body, teamId);
      case "conversations.history":
      case "conversations.replies":
        return { status: 200, body: { ok: true, messages: this.#read(method, body), has_more: false } };
      default:
        return { status: 200, body: { ok: false, error: "unknown_method" } };
    }
  }
}
