import type { LanguageModel, ModelRequest, ModelResponse } from "../../../../src/core/ports.ts";

/** A LanguageModel that replies with a scripted text, streamed in chunks, and records every request. */
export class ScriptedModel implements LanguageModel {
  readonly name: string;
  readonly requests: ModelRequest[] = [];
  readonly #reply: string | ((request: ModelRequest) => string | Promise<string>);
  readonly #chunk: number;

  constructor(
    reply: string | ((request: ModelRequest) => string | Promise<string>),
    options: { name?: string; chunk?: number } = {},
  ) {
    this.#reply = reply;
    this.name = options.name ?? "scripted-model";
    this.#chunk = options.chunk ?? 16;
  }

  async complete(request: ModelRequest): Promise<ModelResponse> {
    this.requests.push(request);
    const text = typeof this.#reply === "string" ? this.#reply : await this.#reply(request);
    if (request.onText) {
      for (let end = this.#chunk; end < text.length + this.#chunk; end += this.#chunk) {
        request.onText(text.slice(0, Math.min(end, text.length)));
      }
    }
    return {
      text,
      usage: {
        promptTokens: Math.ceil((request.system.length + request.user.length) / 4),
        completionTokens: Math.ceil(text.length / 4),
      },
    };
  }
}

export interface ScriptedBullet {
  text: string;
  citations: Array<{ passage: string; quote: string }>;
}

export function replyJson(bullets: ScriptedBullet[], answerable = true): string {
  return JSON.stringify({ answerable, bullets });
}
