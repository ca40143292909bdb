import OpenAI from "openai";
import type { ModelServerOptions } from "./options.ts";

/**
 * An OpenAI SDK client for any OpenAI-compatible server. It never retries (the job queue is the one retry
 * layer) and reads nothing from the environment: the SDK would otherwise pick up OPENAI_BASE_URL,
 * OPENAI_ORG_ID, OPENAI_PROJECT_ID and friends behind the config's back.
 */
export function createOpenAIClient(config: ModelServerOptions): OpenAI {
  return new OpenAI({
    apiKey: config.apiKey ?? "unused",
    // null, not undefined: undefined makes the SDK fall back to OPENAI_BASE_URL.
    baseURL: config.baseUrl ?? null,
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    maxRetries: 0,
    timeout: config.timeoutMs,
  });
}
