import { APIConnectionTimeoutError, APIError, type OpenAI } from "openai";
import type {
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from "openai/resources/chat/completions";
import { BriefingError } from "../core/errors.ts";
import type { LanguageModel, ModelRequest, ModelResponse, ModelUsage } from "../core/ports.ts";
import { deadlineError, modelError } from "./model-errors.ts";
import { createOpenAIClient } from "./openai-client.ts";
import type { JsonMode, LanguageModelOptions } from "./options.ts";

type ReplyFormat = Exclude<JsonMode, "auto">;
type ChatBody = Omit<ChatCompletionCreateParamsNonStreaming, "stream">;

interface RawReply {
  text: string;
  finishReason: string | null | undefined;
  usage: { prompt_tokens: number; completion_tokens: number } | null | undefined;
}

const ACTION = "write the answer";
/** "auto" tries these in order and keeps the first one the server accepts. */
const AUTO_FORMATS: readonly ReplyFormat[] = ["json_schema", "json_object", "text"];

/** Token count when the server reports none: about four characters a token. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function withSchemaInstruction(system: string, schema: Record<string, unknown>): string {
  return `${system}\n\nReply with one JSON object matching this JSON schema: ${JSON.stringify(schema)}`;
}

/** A prompt over the model's context window: no other reply format or stream setting would help. */
const CONTEXT_TOO_LONG =
  /context (?:length|window)|maximum context|too many tokens|prompt is too long|exceeds? the (?:maximum|limit)/iu;

/**
 * 400 and 422 are how servers say "I do not support that parameter", as opposed to failing; a prompt that is too
 * long is refused the same way, and is not such a refusal.
 */
function refusesParameter(error: unknown): error is APIError {
  return (
    error instanceof APIError &&
    (error.status === 400 || error.status === 422) &&
    !CONTEXT_TOO_LONG.test(error.message)
  );
}

export class OpenAILanguageModel implements LanguageModel {
  readonly name: string;
  readonly #config: LanguageModelOptions;
  readonly #client: OpenAI;
  /** In "auto" JSON mode: the first reply format this server accepted. */
  #learnedFormat: ReplyFormat | undefined;
  #acceptsStreamOptions = true;

  constructor(config: LanguageModelOptions, client: OpenAI = createOpenAIClient(config)) {
    this.name = config.model;
    this.#config = config;
    this.#client = client;
  }

  async complete(request: ModelRequest): Promise<ModelResponse> {
    const streaming = request.onText !== undefined && this.#config.stream;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.#config.timeoutMs);
    let formats = this.#formatsToTry(request);
    let streamOptions = streaming && this.#acceptsStreamOptions;
    try {
      while (true) {
        const format = formats[0];
        try {
          const body = this.#body(request, format);
          const reply = streaming
            ? await this.#streamed(body, streamOptions, request.onText, deadline.signal)
            : await this.#whole(body, deadline.signal);
          if (this.#config.jsonMode === "auto" && request.json) this.#learnedFormat = format;
          if (streaming && !streamOptions) this.#acceptsStreamOptions = false;
          return this.#response(reply, body.messages);
        } catch (error) {
          if (deadline.signal.aborted || error instanceof APIConnectionTimeoutError) {
            throw deadlineError(ACTION, this.#config.timeoutMs);
          }
          if (!refusesParameter(error)) throw modelError(error, ACTION);
          if (streamOptions && (error.message.includes("stream_options") || formats.length <= 1)) {
            streamOptions = false;
          } else if (formats.length > 1) {
            formats = formats.slice(1);
          } else {
            throw modelError(error, ACTION);
          }
        }
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /** `[undefined]` for a plain-text request; the formats to try, best first, for a JSON one. */
  #formatsToTry(request: ModelRequest): readonly (ReplyFormat | undefined)[] {
    if (!request.json) return [undefined];
    const configured = this.#config.jsonMode;
    if (configured !== "auto") return [configured];
    return this.#learnedFormat ? [this.#learnedFormat] : AUTO_FORMATS;
  }

  #body(request: ModelRequest, format: ReplyFormat | undefined): ChatBody {
    const json = request.json;
    const system =
      json && (format === "json_object" || format === "text")
        ? withSchemaInstruction(request.system, json.schema)
        : request.system;
    const temperature = this.#config.temperature;
    return {
      model: this.#config.model,
      messages: [
        { role: "system", content: system },
        { role: "user", content: request.user },
      ],
      max_tokens: request.maxTokens ?? this.#config.maxOutputTokens,
      ...(temperature === undefined ? {} : { temperature }),
      ...(json && format === "json_schema"
        ? { response_format: { type: "json_schema", json_schema: { ...json, strict: false } } }
        : {}),
      ...(json && format === "json_object" ? { response_format: { type: "json_object" } } : {}),
    };
  }

  async #whole(body: ChatBody, signal: AbortSignal): Promise<RawReply> {
    const completion = await this.#client.chat.completions.create({ ...body, stream: false }, { signal });
    const choice = completion.choices[0];
    return {
      text: choice?.message.content ?? "",
      finishReason: choice?.finish_reason,
      usage: completion.usage,
    };
  }

  async #streamed(
    body: ChatBody,
    withUsage: boolean,
    onText: ((textSoFar: string) => void) | undefined,
    signal: AbortSignal,
  ): Promise<RawReply> {
    const stream = await this.#client.chat.completions.create(
      { ...body, stream: true, ...(withUsage ? { stream_options: { include_usage: true } } : {}) },
      { signal },
    );
    const reply: RawReply = { text: "", finishReason: undefined, usage: undefined };
    for await (const chunk of stream) {
      if (chunk.usage) reply.usage = chunk.usage;
      const choice = chunk.choices[0];
      if (choice?.finish_reason) reply.finishReason = choice.finish_reason;
      const delta = choice?.delta?.content;
      if (delta) {
        reply.text += delta;
        onText?.(reply.text);
      }
    }
    // The SDK ends an aborted stream quietly, as if the server had finished.
    if (signal.aborted) throw deadlineError(ACTION, this.#config.timeoutMs);
    return reply;
  }

  #response(reply: RawReply, messages: readonly ChatCompletionMessageParam[]): ModelResponse {
    if (reply.finishReason === "content_filter") {
      throw new BriefingError(
        "MODEL_OUTPUT_INVALID",
        "The language model's content filter stopped the answer",
        { userText: true },
      );
    }
    if (reply.text.trim() === "") {
      throw new BriefingError("MODEL_OUTPUT_INVALID", "The language model returned an empty answer", {
        userText: true,
      });
    }
    const prompt = messages.map((message) => (typeof message.content === "string" ? message.content : ""));
    const usage: ModelUsage = reply.usage
      ? { promptTokens: reply.usage.prompt_tokens, completionTokens: reply.usage.completion_tokens }
      : { promptTokens: estimateTokens(prompt.join("")), completionTokens: estimateTokens(reply.text) };
    return { text: reply.text, usage };
  }
}
