import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An OpenAI-compatible server on loopback, for the real `openai` client: chat completions (whole or streamed
 * as server-sent events), embeddings (float or base64) and the model list. Records every call; replies and
 * failures can be scripted.
 */

export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

/** How the fake fails a call: an HTTP error, or never answering at all. */
export type FakeFailure =
  /** An OpenAI-style error body (`{error:{message,type,param,code}}`), with Retry-After when given. */
  | { kind: "status"; status: number; retryAfterSeconds?: number; body?: object }
  /** Accepts the request and never answers, until close(). */
  | { kind: "hang" };

export type FakeReply =
  | {
      kind: "content";
      content: string;
      /** When streamed: characters per content delta (default: all at once). */
      chunkSize?: number;
      chunkDelayMs?: number;
      /** Reported only when given, as many local servers report none. */
      usage?: FakeUsage;
      finishReason?: "stop" | "length" | "content_filter";
    }
  /** Streams the first `afterChars` characters of `content`, then sends nothing more without ending. */
  | { kind: "stall"; content: string; afterChars: number }
  | FakeFailure;

export interface ChatMessage {
  role: string;
  content: string;
}

export interface ChatRequestBody {
  model: string;
  messages: ChatMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: { type: string; json_schema?: { name: string; schema?: object; strict?: boolean } };
  max_tokens?: number;
  temperature?: number;
  [key: string]: unknown;
}

export interface RecordedCall {
  method: string;
  path: string;
  /** The parsed JSON body ({} when there was none). */
  body: Record<string, unknown>;
  authorization: string | undefined;
  at: number;
}

export interface FakeOpenAIOptions {
  /** When set, any other bearer token gets 401. */
  apiKey?: string;
  /** Listed by GET /v1/models; when given, other models get 404. */
  models?: string[];
  /** false: a `response_format` of type json_schema gets 400, as on servers without structured output. */
  supportsJsonSchema?: boolean;
  /** false: a `response_format` of type json_object gets 400 too. */
  supportsJsonObject?: boolean;
  /** false: `stream_options` gets 400, as on older OpenAI-compatible servers. */
  supportsStreamOptions?: boolean;
  /** The answer when no reply is scripted; default the text "ok". */
  respond?: (request: ChatRequestBody) => FakeReply;
  /** The vector of a text; default a 32-dimension hash of its lower-cased words (not normalized). */
  embed?: (text: string) => number[];
  /** true: embeddings come back last first (each with its right index), as the API does not promise order. */
  reverseEmbeddings?: boolean;
}

type Json = Record<string, unknown>;

const DIMENSIONS = 32;

function hashedWords(text: string): number[] {
  const vector = new Array<number>(DIMENSIONS).fill(0);
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word === "") continue;
    let hash = 2_166_136_261;
    for (const character of word) hash = Math.imul(hash ^ (character.codePointAt(0) ?? 0), 16_777_619) >>> 0;
    const slot = hash % DIMENSIONS;
    vector[slot] = (vector[slot] ?? 0) + (hash & 0x100 ? 1 : -1) * (1 + (hash % 7) / 4);
  }
  return vector;
}

function base64Floats(vector: number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => {
    bytes.writeFloatLE(value, index * 4);
  });
  return bytes.toString("base64");
}

function errorBody(message: string, type: string, param: string | null, code: string | null): Json {
  return { error: { message, type, param, code } };
}

function defaultErrorBody(status: number): Json {
  if (status === 429) {
    return errorBody(
      "Rate limit reached for requests. Please try again later.",
      "requests",
      null,
      "rate_limit_exceeded",
    );
  }
  if (status >= 500)
    return errorBody("The server had an error while processing your request.", "server_error", null, null);
  return errorBody(`Request failed with status ${status}.`, "invalid_request_error", null, null);
}

function badRequest(message: string, param: string): { status: number; body: Json } {
  return { status: 400, body: errorBody(message, "invalid_request_error", param, null) };
}

/** How OpenAI shows a wrong key back: its first and last characters only. */
function maskedKey(key: string): string {
  return key.length <= 8 ? "****" : `${key.slice(0, 3)}${"*".repeat(key.length - 7)}${key.slice(-4)}`;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function pause(ms: number): Promise<void> {
  return new Promise((wake) => setTimeout(wake, ms));
}

export class FakeOpenAI {
  readonly calls: RecordedCall[] = [];
  /** When each streamed chat completion sent its last event (Date.now()), in order. */
  readonly streamsEndedAt: number[] = [];
  /** Computes the answer when no reply is scripted, e.g. from the prompt it was given. */
  respond: ((request: ChatRequestBody) => FakeReply) | undefined;
  readonly #server: Server;
  readonly #options: FakeOpenAIOptions;
  readonly #chatReplies: FakeReply[] = [];
  readonly #embeddingReplies: FakeFailure[] = [];
  #origin = "";
  #inFlight = 0;
  #peakInFlight = 0;

  private constructor(options: FakeOpenAIOptions) {
    this.#options = options;
    this.respond = options.respond;
    this.#server = createServer((request, response) => {
      this.#inFlight += 1;
      this.#peakInFlight = Math.max(this.#peakInFlight, this.#inFlight);
      response.once("close", () => {
        this.#inFlight -= 1;
      });
      this.#handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { "Content-Type": "application/json" });
        response.end(JSON.stringify(errorBody(String(error), "server_error", null, null)));
      });
    });
  }

  static async start(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
    const fake = new FakeOpenAI(options);
    await new Promise<void>((resolve) => fake.#server.listen(0, "127.0.0.1", resolve));
    fake.#origin = `http://127.0.0.1:${(fake.#server.address() as AddressInfo).port}`;
    return fake;
  }

  /** The base URL to give the client, ending in /v1. */
  get baseUrl(): string {
    return `${this.#origin}/v1`;
  }

  /** The next chat completions get these replies, in order; then `respond`, then "ok". */
  script(...replies: FakeReply[]): void {
    this.#chatReplies.push(...replies);
  }

  /** The next embeddings requests fail these ways, in order. */
  scriptEmbeddings(...replies: FakeFailure[]): void {
    this.#embeddingReplies.push(...replies);
  }

  /** The vector the fake serves for a text, before any encoding. */
  embedding(text: string): number[] {
    return (this.#options.embed ?? hashedWords)(text);
  }

  /** The most requests the fake was answering at the same time. */
  get peakConcurrentRequests(): number {
    return this.#peakInFlight;
  }

  chatCalls(): RecordedCall[] {
    return this.calls.filter((call) => call.path === "/v1/chat/completions");
  }

  embeddingCalls(): RecordedCall[] {
    return this.calls.filter((call) => call.path === "/v1/embeddings");
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? "/", this.#origin).pathname;
    const raw = await readBody(request);
    let body: Json;
    try {
      body = raw === "" ? {} : (JSON.parse(raw) as Json);
    } catch {
      return this.#json(
        response,
        400,
        errorBody("We could not parse the JSON body of your request.", "invalid_request_error", null, null),
      );
    }
    const authorization = request.headers.authorization;
    this.calls.push({ method: request.method ?? "GET", path, body, authorization, at: Date.now() });

    const denied = this.#authorizationFailure(authorization);
    if (denied) return this.#json(response, 401, denied);
    const route = `${request.method} ${path}`;
    if (route === "POST /v1/chat/completions") return this.#chat(body as ChatRequestBody, response);
    if (route === "POST /v1/embeddings") return this.#embeddings(body, response);
    if (route === "GET /v1/models") {
      const models = this.#options.models ?? ["fake-chat", "fake-embedding"];
      const data = models.map((id) => ({ id, object: "model", created: 1_700_000_000, owned_by: "fake" }));
      return this.#json(response, 200, { object: "list", data });
    }
    this.#json(response, 404, errorBody(`Invalid URL (${route})`, "invalid_request_error", null, null));
  }

  #authorizationFailure(authorization: string | undefined): Json | undefined {
    const expected = this.#options.apiKey;
    if (expected === undefined) return undefined;
    const bearer = authorization?.replace(/^Bearer\s+/u, "");
    if (bearer === expected) return undefined;
    const message = bearer
      ? `Incorrect API key provided: ${maskedKey(bearer)}. You can find your API key at https://platform.openai.com/account/api-keys.`
      : "You didn't provide an API key.";
    return errorBody(message, "invalid_request_error", null, "invalid_api_key");
  }

  /** The checks a real server makes that matter here: an OpenAI-style 4xx when one fails. */
  #chatRefusal(body: ChatRequestBody): { status: number; body: Json } | undefined {
    const options = this.#options;
    if (typeof body.model !== "string" || body.model === "") {
      return badRequest("you must provide a model parameter", "model");
    }
    if (options.models && !options.models.includes(body.model)) {
      const message = `The model \`${body.model}\` does not exist or you do not have access to it.`;
      return { status: 404, body: errorBody(message, "invalid_request_error", null, "model_not_found") };
    }
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      return badRequest("'messages' must contain at least one message.", "messages");
    }
    if (body.stream_options !== undefined && options.supportsStreamOptions === false) {
      return badRequest("Unrecognized request argument supplied: stream_options", "stream_options");
    }
    if (body.stream_options !== undefined && body.stream !== true) {
      return badRequest(
        "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
        "stream_options",
      );
    }
    const format = body.response_format?.type;
    const supported = format === "json_schema" ? options.supportsJsonSchema : options.supportsJsonObject;
    if ((format === "json_schema" || format === "json_object") && supported === false) {
      return badRequest(
        `Invalid parameter: 'response_format' of type '${format}' is not supported with this model.`,
        "response_format",
      );
    }
    if (format === "json_schema" && typeof body.response_format?.json_schema?.name !== "string") {
      return badRequest("Missing required parameter: 'response_format.json_schema.name'.", "response_format");
    }
    if (
      format === "json_object" &&
      !body.messages.some((message) => /json/iu.test(String(message.content)))
    ) {
      return badRequest(
        "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
        "messages",
      );
    }
    return undefined;
  }

  async #chat(body: ChatRequestBody, response: ServerResponse): Promise<void> {
    const refusal = this.#chatRefusal(body);
    if (refusal) return this.#json(response, refusal.status, refusal.body);
    const reply = this.#chatReplies.shift() ?? this.respond?.(body) ?? { kind: "content", content: "ok" };
    if (reply.kind === "status" || reply.kind === "hang") return this.#fail(reply, response);
    const id = `chatcmpl-${randomUUID()}`;
    const created = Math.floor(Date.now() / 1000);
    if (body.stream === true) return this.#stream(body, reply, response, { id, created });
    if (reply.kind === "stall") {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.write(`{"id":"${id}","object":"chat.completion",`);
      return;
    }
    this.#json(response, 200, {
      id,
      object: "chat.completion",
      created,
      model: body.model,
      system_fingerprint: "fp_fake",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: reply.content, refusal: null },
          logprobs: null,
          finish_reason: reply.finishReason ?? "stop",
        },
      ],
      ...(reply.usage
        ? {
            usage: {
              ...reply.usage,
              total_tokens: reply.usage.prompt_tokens + reply.usage.completion_tokens,
            },
          }
        : {}),
    });
  }

  async #stream(
    body: ChatRequestBody,
    reply: Extract<FakeReply, { kind: "content" | "stall" }>,
    response: ServerResponse,
    identity: { id: string; created: number },
  ): Promise<void> {
    const includeUsage = body.stream_options?.include_usage === true;
    const send = (choices: Json[], usage?: Json | null) => {
      const chunk = {
        ...identity,
        object: "chat.completion.chunk",
        model: body.model,
        system_fingerprint: "fp_fake",
        choices,
        ...(includeUsage ? { usage: usage ?? null } : {}),
      };
      response.write(`data: ${JSON.stringify(chunk)}\n\n`);
    };
    const delta = (content: Json, finishReason: string | null = null) => ({
      index: 0,
      delta: content,
      logprobs: null,
      finish_reason: finishReason,
    });
    response.writeHead(200, {
      "Content-Type": "text/event-stream",
      "Cache-Control": "no-cache",
      Connection: "keep-alive",
    });
    send([delta({ role: "assistant", content: "", refusal: null })]);

    const text = reply.kind === "stall" ? reply.content.slice(0, reply.afterChars) : reply.content;
    const size = reply.kind === "content" && reply.chunkSize ? reply.chunkSize : Math.max(1, text.length);
    const delay = reply.kind === "content" ? (reply.chunkDelayMs ?? 0) : 0;
    for (let start = 0; start < text.length; start += size) {
      if (start > 0 && delay > 0) await pause(delay);
      if (response.destroyed) return;
      send([delta({ content: text.slice(start, start + size) })]);
    }
    if (reply.kind === "stall") return;

    if (delay > 0) await pause(delay);
    if (response.destroyed) return;
    send([delta({}, reply.finishReason ?? "stop")]);
    if (includeUsage && reply.usage) {
      send([], { ...reply.usage, total_tokens: reply.usage.prompt_tokens + reply.usage.completion_tokens });
    }
    response.end("data: [DONE]\n\n");
    this.streamsEndedAt.push(Date.now());
  }

  #embeddings(body: Json, response: ServerResponse): void {
    const scripted = this.#embeddingReplies.shift();
    if (scripted) {
      this.#fail(scripted, response);
    } else {
      const reply = this.#embeddingsReply(body);
      this.#json(response, reply.status, reply.body);
    }
  }

  #embeddingsReply(body: Json): { status: number; body: Json } {
    const invalid = (message: string, param = "input") => badRequest(message, param);
    if (typeof body.model !== "string" || body.model === "") {
      return invalid("you must provide a model parameter", "model");
    }
    const input = typeof body.input === "string" ? [body.input] : body.input;
    if (!Array.isArray(input) || input.length === 0 || input.length > 2_048) {
      return invalid("'input' must be a string or a non-empty array of at most 2048 strings.");
    }
    if (!input.every((text) => typeof text === "string" && text !== "")) {
      return invalid(
        "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.",
      );
    }
    const format = body.encoding_format ?? "float";
    if (format !== "float" && format !== "base64") {
      return invalid("'encoding_format' must be 'float' or 'base64'.", "encoding_format");
    }
    const texts = input as string[];
    const tokens = texts.reduce((sum, text) => sum + Math.ceil(text.length / 4), 0);
    const data = texts.map((text, index) => {
      const vector = this.embedding(text);
      return { object: "embedding", index, embedding: format === "base64" ? base64Floats(vector) : vector };
    });
    if (this.#options.reverseEmbeddings) data.reverse();
    return {
      status: 200,
      body: {
        object: "list",
        data,
        model: body.model,
        usage: { prompt_tokens: tokens, total_tokens: tokens },
      },
    };
  }

  #fail(failure: FakeFailure, response: ServerResponse): void {
    if (failure.kind === "hang") return;
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (failure.retryAfterSeconds !== undefined) headers["Retry-After"] = String(failure.retryAfterSeconds);
    response.writeHead(failure.status, headers);
    response.end(JSON.stringify(failure.body ?? defaultErrorBody(failure.status)));
  }

  #json(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { "Content-Type": "application/json" });
    response.end(JSON.stringify(body));
  }
}
