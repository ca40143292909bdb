/** An OpenAI-compatible server: OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp server, LM Studio… */
export interface ModelServerOptions {
  /** Local servers often need none; a placeholder is sent then. */
  apiKey: string | undefined;
  baseUrl: string | undefined;
  timeoutMs: number;
}

/** How the reply's JSON is asked for: "auto" tries a JSON schema and falls back to JSON text if refused. */
export type JsonMode = "auto" | "json_schema" | "json_object" | "text";

export interface LanguageModelOptions extends ModelServerOptions {
  model: string;
  maxOutputTokens: number;
  jsonMode: JsonMode;
  /** Stream the reply (progress while it is written). */
  stream: boolean;
  /** Sent only when set: some models (reasoning ones) accept no temperature but their default. */
  temperature: number | undefined;
}

export interface EmbedderOptions extends ModelServerOptions {
  model: string;
  /** Texts per embeddings request. */
  batchSize: number;
}
