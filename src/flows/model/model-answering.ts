import type { Config } from "../../config.ts";
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

/**
 * The model and embedder the configuration asks for. With neither configured nothing is loaded: the openai
 * package is imported only when it will be used, and no client is created.
 */
export async function modelParts(
  config: Config,
  budgetFor: (dailyTokens: number) => TokenBudget | undefined,
): Promise<ModelParts> {
  if (!config.llm && !config.embeddings) return { embedder: undefined, modelAnswering: undefined };
  const { createEmbedder, createLanguageModel } = await import("../../llm/index.ts");
  const { loadPromptTemplates } = await import("../../adapters/files/prompt-templates.ts");
  const llm = config.llm;
  return {
    embedder: config.embeddings ? createEmbedder(config.embeddings) : undefined,
    modelAnswering: llm
      ? {
          model: createLanguageModel(llm),
          templates: loadPromptTemplates(),
          passageTokenBudget: llm.passageTokenBudget,
          maxOutputTokens: llm.maxOutputTokens,
          attempts: llm.attempts,
          budget: budgetFor(llm.dailyTokenBudget),
        }
      : undefined,
  };
}
