import type { PromptTemplates } from "../../core/answer/model/index.ts";
import type { Embedder, LanguageModel, TokenBudget } from "../../core/ports.ts";

/** Everything a model-written answer needs; absent when no model is configured. */
export interface ModelAnswering {
  model: LanguageModel;
  templates: PromptTemplates;
  passageTokenBudget: number;
  maxOutputTokens: number;
  /** Attempts of one question that may end in a model failure before the extractive answer is given. */
  attempts: number;
  budget: TokenBudget | undefined;
}

export interface ModelParts {
  embedder: Embedder | undefined;
  modelAnswering: ModelAnswering | undefined;
}
