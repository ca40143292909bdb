import type { Embedder, LanguageModel } from "../core/ports.ts";
import { OpenAIEmbedder } from "./openai-embedder.ts";
import { OpenAILanguageModel } from "./openai-language-model.ts";
import type { EmbedderOptions, LanguageModelOptions } from "./options.ts";

export { deadlineError, type ModelRole, modelError, retryAfterMs } from "./model-errors.ts";
export { createOpenAIClient } from "./openai-client.ts";
export { OpenAIEmbedder } from "./openai-embedder.ts";
export { OpenAILanguageModel } from "./openai-language-model.ts";

export function createLanguageModel(options: LanguageModelOptions): LanguageModel {
  return new OpenAILanguageModel(options);
}

export function createEmbedder(options: EmbedderOptions): Embedder {
  return new OpenAIEmbedder(options);
}
export type { EmbedderOptions, JsonMode, LanguageModelOptions, ModelServerOptions } from "./options.ts";
