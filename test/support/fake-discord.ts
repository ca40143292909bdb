import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

/**
 * Discord's side of the wire on loopback, for the real discord.js client: a REST server under /api/v10
 * that records every call and can be told to fail, and a JSON gateway (no compression: discord.js only
 * asks for zlib-stream when zlib-sync is installed) on the same port.
 */

export interface RecordedCall {
  method: string;
  /** Decoded path after /api/v10, e.g. "/webhooks/1/tok/messages/@original". */
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: unknown;
  status: number;
  at: number;
}

export type ScriptedFailure =
  | { status: 429; retryAfterSeconds: number; global?: boolean }
  | { status: 500 | 502 | 503 }
  | { status: 400 | 401 | 403 | 404; code?: number; message?: string };

export interface FailureMatch {
  method?: string;
  path?: RegExp;
}

export interface FakeUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
}

export interface MessageCreateOptions {
  content: string;
  /** Puts `<@bot>` before the content and the bot in `mentions`. */
  mentionsBot?: boolean;
  /** Written by another bot. */
  authorBot?: boolean;
  /** Written by the bot itself (an echo of its own message). */
  fromSelf?: boolean;
  mentionEveryone?: boolean;
  /** A reply to this message of the bot's (Discord pings the replied-to author: the bot is in `mentions`). */
  replyToBotMessage?: string;
}

export interface InteractionOptions {
  question?: string;
  /** Other string options of the command, e.g. `{ digest: "daily 08:00 UTC" }`. */
  options?: Record<string, string>;
  /** Boolean options (`private:True`, `feeds:True`). */
  booleans?: Record<string, boolean>;
  /** Integer options (`articles:5`). */
  integers?: Record<string, number>;
  /** The member's client language; "en-US" unless given. */
  locale?: string;
  commandName?: string;
}

export interface ButtonClickOptions {
  customId: string;
  guildId?: string;
  channelId?: string;
  userId?: string;
  /** The clicker's client language; "en-US" unless given. */
  locale?: string;
}

type Json = Record<string, unknown>;

const DISCORD_EPOCH = 1_420_070_400_000n;
const API_PREFIX = "/api/v10";
const LOADING_FLAG = 1 << 7;

export class FakeDiscord {
  readonly calls: RecordedCall[] = [];
  readonly identifies: Json[] = [];
  /** The request URL of each gateway connection, e.g. "/?v=10&encoding=json". */
  readonly gatewayConnections: string[] = [];
  heartbeats = 0;
  readonly applicationId = "1100000000000000001";
  readonly guildId = "1200000000000000001";
  readonly channelId = "1300000000000000001";
  readonly bot: FakeUser = {
    id: this.applicationId,
    username: "Briefbot",
    discriminator: "0",
    global_name: null,
    avatar: null,
    bot: true,
  };
  readonly reader: FakeUser = {
    id: "1400000000000000001",
    username: "reader",
    discriminator: "0",
    global_name: "Reader",
    avatar: null,
  };
  readonly otherBot: FakeUser = {
    ...this.reader,
    id: "1400000000000000002",
    username: "newsfeed",
    bot: true,
  };

  readonly #server: Server;
  readonly #gateway: WebSocketServer;
  readonly #heartbeatIntervalMs: number;
  readonly #failures: Array<{ remaining: number; failure: ScriptedFailure; match: FailureMatch }> = [];
  readonly #messagesByNonce = new Map<string, Json>();
  readonly #originals = new Map<string, Json>();
  readonly #channelMessages = new Map<string, Json>();
  #session: { socket: WebSocket; sequence: number } | undefined;
  #snowflakeCounter = 0n;
  #port = 0;

  private constructor(heartbeatIntervalMs: number) {
    this.#heartbeatIntervalMs = heartbeatIntervalMs;
    this.#server = createServer((request, response) => {
      this.#handleHttp(request, response).catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    });
    this.#gateway = new WebSocketServer({ server: this.#server });
    this.#gateway.on("connection", (socket, request) => {
      this.gatewayConnections.push(request.url ?? "");
      this.#handleGatewayConnection(socket);
    });
  }

  static async start(options: { heartbeatIntervalMs?: number } = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options.heartbeatIntervalMs ?? 1_000);
    await new Promise<void>((resolve) => fake.#server.listen(0, "127.0.0.1", resolve));
    fake.#port = (fake.#server.address() as AddressInfo).port;
    return fake;
  }

  /** What to give discord.js as `rest.api` (it appends /v10). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.#port}`;
  }

  /** The next `count` matching requests get `failure` instead; /gateway/bot only when `match.path` names it. */
  failNext(count: number, failure: ScriptedFailure, match: FailureMatch = {}): void {
    this.#failures.push({ remaining: count, failure, match });
  }

  callsTo(method: string, path: RegExp): RecordedCall[] {
    return this.calls.filter((call) => call.method === method && path.test(call.path));
  }

  async waitForCall(method: string, path: RegExp, timeoutMs = 5_000): Promise<RecordedCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.callsTo(method, path)[0];
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${method} ${path} within ${timeoutMs} ms`);
      await new Promise((wake) => setTimeout(wake, 10));
    }
  }

  /** An interaction that was deferred: its original response shows "thinking…" until edited. */
  addDeferredInteraction(token: string): void {
    this.#originals.set(token, this.#message({ content: "", flags: LOADING_FLAG }));
  }

  /** Dispatches MESSAGE_CREATE in the guild's text channel; returns the message id. */
  sendMessageCreate(options: MessageCreateOptions): string {
    const author = options.fromSelf ? this.bot : options.authorBot ? this.otherBot : this.reader;
    const id = this.snowflake();
    const replied = options.replyToBotMessage;
    this.#dispatch("MESSAGE_CREATE", {
      ...this.#message({
        id,
        author,
        content: options.mentionsBot ? `<@${this.bot.id}> ${options.content}` : options.content,
        mentions:
          options.mentionsBot || replied !== undefined ? [{ ...this.bot, member: this.#member() }] : [],
        mention_everyone: options.mentionEveryone ?? false,
        ...(replied === undefined
          ? {}
          : {
              type: 19,
              message_reference: {
                type: 0,
                message_id: replied,
                channel_id: this.channelId,
                guild_id: this.guildId,
              },
              referenced_message: this.#message({ id: replied, author: this.bot, content: "an answer" }),
            }),
      }),
      guild_id: this.guildId,
      member: this.#member(),
    });
    return id;
  }

  /** Dispatches INTERACTION_CREATE for `/brief question:…` (or other options); returns its id and token. */
  sendInteraction(options: InteractionOptions): { id: string; token: string } {
    const id = this.snowflake();
    const token = `interaction-token-${id}`;
    this.#dispatch("INTERACTION_CREATE", {
      id,
      application_id: this.applicationId,
      type: 2,
      token,
      version: 1,
      data: {
        id: "1500000000000000001",
        name: options.commandName ?? "brief",
        type: 1,
        options: [
          ...(options.question === undefined ? [] : [{ name: "question", type: 3, value: options.question }]),
          ...Object.entries(options.options ?? {}).map(([name, value]) => ({ name, type: 3, value })),
          ...Object.entries(options.booleans ?? {}).map(([name, value]) => ({ name, type: 5, value })),
          ...Object.entries(options.integers ?? {}).map(([name, value]) => ({ name, type: 4, value })),
        ],
      },
      guild_id: this.guildId,
      channel_id: this.channelId,
      channel: this.#channel(),
      member: { ...this.#member(), user: this.reader, permissions: "2248473465835073" },
      app_permissions: "2248473465835073",
      locale: options.locale ?? "en-US",
      guild_locale: "en-US",
      entitlements: [],
      authorizing_integration_owners: { "0": this.guildId },
      context: 0,
      attachment_size_limit: 10_485_760,
    });
    return { id, token };
  }

  /**
   * Dispatches INTERACTION_CREATE for a click on a button (custom_id) of one of the bot's messages, by the
   * reader or another user, in this guild's channel unless told otherwise; returns its id and token.
   */
  sendButtonClick(options: ButtonClickOptions): { id: string; token: string } {
    const id = this.snowflake();
    const token = `interaction-token-${id}`;
    const guildId = options.guildId ?? this.guildId;
    const channelId = options.channelId ?? this.channelId;
    const user = { ...this.reader, id: options.userId ?? this.reader.id };
    this.#dispatch("INTERACTION_CREATE", {
      id,
      application_id: this.applicationId,
      type: 3,
      token,
      version: 1,
      data: { custom_id: options.customId, component_type: 2 },
      message: this.#message({ channel_id: channelId, content: "answer" }),
      guild_id: guildId,
      channel_id: channelId,
      channel: { ...this.#channel(), id: channelId, guild_id: guildId },
      member: { ...this.#member(), user, permissions: "2248473465835073" },
      app_permissions: "2248473465835073",
      locale: options.locale ?? "en-US",
      guild_locale: "en-US",
      entitlements: [],
      authorizing_integration_owners: { "0": guildId },
      context: 0,
      attachment_size_limit: 10_485_760,
    });
    return { id, token };
  }

  snowflake(): string {
    this.#snowflakeCounter += 1n;
    return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (this.#snowflakeCounter & 0xfffn)).toString();
  }

  async close(): Promise<void> {
    for (const socket of this.#gateway.clients) socket.terminate();
    await new Promise<void>((resolve) => this.#gateway.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  // --- REST -------------------------------------------------------------------------------------------

  async #handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const method = request.method ?? "GET";
    const path = url.pathname.startsWith(API_PREFIX)
      ? decodeURIComponent(url.pathname.slice(API_PREFIX.length))
      : url.pathname;
    const text = await readBody(request);
    const call: RecordedCall = {
      method,
      path,
      query: url.searchParams,
      authorization: request.headers.authorization,
      body: text ? JSON.parse(text) : undefined,
      status: 0,
      at: Date.now(),
    };
    this.calls.push(call);
    const failure = this.#takeFailure(call);
    const [status, body, headers] = failure ? failureResponse(failure) : this.#route(call);
    call.status = status;
    if (status === 204) {
      response.writeHead(204, headers).end();
      return;
    }
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  }

  #takeFailure(call: RecordedCall): ScriptedFailure | undefined {
    const entry = this.#failures.find(
      ({ match }) =>
        (match.method === undefined || match.method === call.method) &&
        (match.path === undefined ? call.path !== "/gateway/bot" : match.path.test(call.path)),
    );
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.#failures.splice(this.#failures.indexOf(entry), 1);
    return entry.failure;
  }

  #route(call: RecordedCall): [number, unknown, Record<string, string>?] {
    const { method, path } = call;
    const body = (call.body ?? {}) as Json;
    const segments = path.split("/").filter(Boolean);
    if (method === "GET" && path === "/gateway/bot") {
      return [
        200,
        {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      ];
    }
    if (method === "GET" && path === "/users/@me") return [200, this.bot];
    if (method === "POST" && segments[0] === "channels" && segments[2] === "messages" && !segments[3]) {
      return [200, this.#createChannelMessage(segments[1] ?? "", body)];
    }
    if (method === "PATCH" && segments[0] === "channels" && segments[2] === "messages" && segments[3]) {
      return this.#editChannelMessage(segments[1] ?? "", segments[3], body);
    }
    if (segments[0] === "webhooks" && segments.length >= 3) return this.#webhook(method, segments, call);
    if (method === "PUT" && segments[0] === "applications" && segments.at(-1) === "commands") {
      const commands = Array.isArray(call.body) ? (call.body as Json[]) : [];
      return [
        200,
        commands.map((command) => ({ ...command, id: this.snowflake(), application_id: segments[1] })),
      ];
    }
    if (method === "POST" && segments[0] === "interactions" && segments[3] === "callback") {
      if (body.type === 5) this.addDeferredInteraction(segments[2] ?? "");
      return call.query.get("with_response") === "true"
        ? [200, { interaction: { id: segments[1] } }]
        : [204, null];
    }
    return [404, { message: "404: Not Found", code: 0 }];
  }

  /** Like Discord: with `enforce_nonce`, a nonce seen before in the channel returns the earlier message. */
  #createChannelMessage(channelId: string, body: Json): Json {
    const nonceKey =
      body.enforce_nonce === true && body.nonce !== undefined ? `${channelId}:${body.nonce}` : null;
    const earlier = nonceKey ? this.#messagesByNonce.get(nonceKey) : undefined;
    if (earlier) return earlier;
    const message = this.#message({ ...body, channel_id: channelId, author: this.bot });
    if (nonceKey) this.#messagesByNonce.set(nonceKey, message);
    this.#channelMessages.set(`${channelId}:${String(message.id)}`, message);
    return message;
  }

  /** Like Discord: only the bot's own messages in that channel can be edited; fields not sent are kept. */
  #editChannelMessage(channelId: string, messageId: string, body: Json): [number, unknown] {
    const key = `${channelId}:${messageId}`;
    const existing = this.#channelMessages.get(key);
    if (!existing) return [404, { message: "Unknown Message", code: 10008 }];
    const edited = { ...existing, ...body, edited_timestamp: new Date().toISOString() };
    this.#channelMessages.set(key, edited);
    return [200, edited];
  }

  /** The current state of a message the bot posted in a channel (after its edits). */
  channelMessage(channelId: string, messageId: string): Json | undefined {
    return this.#channelMessages.get(`${channelId}:${messageId}`);
  }

  /** The current state of an interaction's original reply (after its edits). */
  originalResponse(token: string): Json | undefined {
    return this.#originals.get(token);
  }

  #webhook(method: string, segments: string[], call: RecordedCall): [number, unknown] {
    const token = segments[2] ?? "";
    const body = (call.body ?? {}) as Json;
    const isOriginal = segments[3] === "messages" && segments[4] === "@original";
    if (isOriginal && method === "GET") {
      const original = this.#originals.get(token);
      return original ? [200, original] : [404, { message: "Unknown Message", code: 10008 }];
    }
    if (isOriginal && method === "PATCH") {
      const edited = { ...(this.#originals.get(token) ?? this.#message({})), ...body, flags: 0 };
      this.#originals.set(token, edited);
      return [200, edited];
    }
    if (segments.length === 3 && method === "POST") {
      const message = this.#message({ ...body, webhook_id: segments[1] });
      return call.query.get("wait") === "true" ? [200, message] : [204, null];
    }
    return [404, { message: "Unknown Webhook", code: 10015 }];
  }

  // --- gateway ----------------------------------------------------------------------------------------

  #handleGatewayConnection(socket: WebSocket): void {
    const session = { socket, sequence: 0 };
    this.#send(socket, { op: 10, d: { heartbeat_interval: this.#heartbeatIntervalMs }, s: null, t: null });
    socket.on("message", (data) => {
      const packet = JSON.parse(String(data)) as { op: number; d: unknown };
      if (packet.op === 1) {
        this.heartbeats += 1;
        this.#send(socket, { op: 11, d: null, s: null, t: null });
      } else if (packet.op === 2) {
        this.identifies.push(packet.d as Json);
        this.#session = session;
        this.#identified();
      } else if (packet.op === 6) {
        this.#send(socket, { op: 9, d: false, s: null, t: null });
      }
    });
  }

  #identified(): void {
    this.#dispatch("READY", {
      v: 10,
      user: this.bot,
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: "fake-session",
      resume_gateway_url: this.gatewayUrl,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 },
    });
    this.#dispatch("GUILD_CREATE", this.#guild());
  }

  #dispatch(event: string, data: Json): void {
    const session = this.#session;
    if (!session) throw new Error("no gateway session: start the client first");
    session.sequence += 1;
    this.#send(session.socket, { op: 0, s: session.sequence, t: event, d: data });
  }

  #send(socket: WebSocket, packet: Json): void {
    socket.send(JSON.stringify(packet));
  }

  // --- payload builders ---------------------------------------------------------------------------------

  #guild(): Json {
    const joinedAt = new Date().toISOString();
    return {
      id: this.guildId,
      name: "Newsroom",
      icon: null,
      owner_id: this.reader.id,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        {
          id: this.guildId,
          name: "@everyone",
          permissions: "2248473465835073",
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      joined_at: joinedAt,
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [this.bot, this.reader].map((user) => ({ ...this.#member(), user })),
      channels: [this.#channel()],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      premium_tier: 0,
      preferred_locale: "en-US",
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
    };
  }

  #channel(): Json {
    return {
      id: this.channelId,
      type: 0,
      guild_id: this.guildId,
      name: "news",
      position: 0,
      permission_overwrites: [],
      topic: null,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
      parent_id: null,
    };
  }

  #member(): Json {
    return {
      roles: [],
      nick: null,
      avatar: null,
      joined_at: new Date().toISOString(),
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
    };
  }

  #message(fields: Json): Json {
    return {
      id: this.snowflake(),
      channel_id: this.channelId,
      author: this.bot,
      content: "",
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: 0,
      flags: 0,
      components: [],
      ...fields,
    };
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function failureResponse(failure: ScriptedFailure): [number, unknown, Record<string, string>] {
  if (failure.status === 429) {
    const headers: Record<string, string> = {
      "retry-after": String(Math.ceil(failure.retryAfterSeconds)),
      "x-ratelimit-limit": "5",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset-after": String(failure.retryAfterSeconds),
      "x-ratelimit-bucket": "fake-bucket",
      "x-ratelimit-scope": failure.global ? "global" : "user",
      ...(failure.global ? { "x-ratelimit-global": "true" } : {}),
    };
    const body = {
      message: "You are being rate limited.",
      retry_after: failure.retryAfterSeconds,
      global: !!failure.global,
    };
    return [429, body, headers];
  }
  if (failure.status >= 500)
    return [failure.status, { message: `${failure.status}: Server Error`, code: 0 }, {}];
  const rejection = failure as Extract<ScriptedFailure, { code?: number }>;
  return [
    rejection.status,
    { message: rejection.message ?? "Unknown Channel", code: rejection.code ?? 10003 },
    {},
  ];
}
