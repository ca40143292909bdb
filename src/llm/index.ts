import type { EmbeddingConfig, LlmConfig } from "../config.ts";
import type { Embedder, LanguageModel } from "../core/ports.ts";
import { OpenAIEmbedder } from "./openai-embedder.ts";
import { OpenAILanguageModel } from "./openai-language-model.ts";

export { deadlineError, type ModelRole, modelError, retryAfterMs } from "./model-errors.ts";
export { createOpenAIClient } from "./openai-client.ts";
export { OpenAIEmbedder } from "./openai-embedder.ts";
export { OpenAILanguageModel } from "./openai-language-model.ts";

export function createLanguageModel(config: LlmConfig): LanguageModel {
  return new OpenAILanguageModel(config);
}

export function createEmbedder(config: EmbeddingConfig): Embedder {
  return new OpenAIEmbedder(config);
}
