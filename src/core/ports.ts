import type { BriefingError } from "./errors.ts";
import type { Article, IngestedArticle } from "./types.ts";

export interface PutResult {
  added: number;
  updated: number;
  /** Articles whose content the store already held (same content hash): nothing was written. */
  unchanged: number;
}

export interface StoreChanges {
  /** The store's sequence after these changes; pass it to the next `changesSince` call. */
  sequence: number;
  upserts: IngestedArticle[];
  removedIds: string[];
}

/** The vectors of one article's passages, in passage order, by one embedding model, for one content version. */
export interface PassageVectors {
  articleId: string;
  /** The content hash of the article the vectors were computed from. */
  contentHash: string;
  model: string;
  vectors: Float32Array[];
}

/** Where ingested articles live. Every write bumps a monotonically increasing sequence. */
export interface ArticleStore {
  put(articles: readonly IngestedArticle[]): Promise<PutResult>;
  get(id: string): Promise<IngestedArticle | undefined>;
  list(): Promise<Article[]>;
  remove(id: string): Promise<boolean>;
  /**
   * Takes the article out of these collections (a record without collections is in `shared`); when it is
   * then in none, removes it as `remove` does, else the change is in the sequence so every library re-reads
   * it. Returns the collections it is still in ([] when removed), or undefined when there is no such article.
   */
  removeFromCollections(id: string, collections: readonly string[]): Promise<string[] | undefined>;
  /**
   * The `limit` most recent articles `accept` lets through (by published date, undated last; then title, id:
   * core/article-recency.ts), read from the newest end and only as far as needed.
   */
  newest(limit: number, accept: (article: Article) => boolean): Promise<Article[]>;
  /** The articles whose canonical URL is the URL's (core/article-recency.ts lookupLink), by the store's URL index. */
  withLink(url: string): Promise<Article[]>;
  /**
   * Removes, as `remove` does (each removal is in the sequence, so every library drops it, and its vectors go
   * with it), every article dated before `instant` (ms): by `retentionInstant` (core/retention.ts): its
   * arrival. Returns how many were removed.
   */
  removeOlderThan(instant: number): Promise<number>;
  sequence(): Promise<number>;
  changesSince(sequence: number): Promise<StoreChanges>;
  /** The sequence just before the first article that arrived at or after `instant` (ms): a digest cursor. */
  sequenceBefore(instant: number): Promise<number>;
  /**
   * Stores passage vectors with their articles, each entry only if the stored article still has its content
   * hash (a newer version drops older vectors); returns how many entries were written.
   */
  putVectors(entries: readonly PassageVectors[]): Promise<number>;
  /** Stored vectors of `model` for those articles that have them for their current content. */
  vectors(articleIds: readonly string[], model: string): Promise<Map<string, Float32Array[]>>;
  close(): Promise<void>;
}

/** Token counts a model reports for one call (estimated from characters when the server reports none). */
export interface ModelUsage {
  promptTokens: number;
  completionTokens: number;
}

/** One call to a language model: instructions, the user turn, and optionally a JSON schema for the reply. */
export interface ModelRequest {
  system: string;
  user: string;
  /** Ask for JSON matching this schema (structured output where the server supports it, JSON text otherwise). */
  json?: { name: string; schema: Record<string, unknown> };
  maxTokens?: number;
  /** Called with the text received so far while the reply streams in; without it the call does not stream. */
  onText?: (textSoFar: string) => void;
}

export interface ModelResponse {
  text: string;
  usage: ModelUsage;
}

/**
 * A chat model behind any OpenAI-compatible server. Failures are BriefingErrors: MODEL_UNAVAILABLE (5xx,
 * network, timeout), MODEL_RATE_LIMITED (429, with retryAfterMs) and MODEL_OUTPUT_INVALID are retryable, and
 * retried by the queue; MODEL_REJECTED (a bad key, an unknown model) is not.
 */
export interface LanguageModel {
  readonly name: string;
  complete(request: ModelRequest): Promise<ModelResponse>;
}

/** Text embeddings behind any OpenAI-compatible server (or computed locally): one vector per text, in order. */
export interface Embedder {
  /** The model's name: stored vectors are only used with the model that made them. */
  readonly name: string;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Tokens a language model may still use today, shared by every worker. */
export interface TokenBudget {
  /** Tokens left today; Infinity when there is no limit. */
  remaining(): Promise<number>;
  spend(usage: ModelUsage): Promise<void>;
}

/** Called after each file with the number of files done, the total, and the file just done. */
export type LoadProgress = (done: number, total: number, path: string) => void;

/** What loading files or folders gave: the articles, one problem per file or line that failed, duplicates. */
export interface LoadedDocuments {
  articles: IngestedArticle[];
  problems: BriefingError[];
  /** Articles skipped because the same content was already loaded in this call. */
  duplicates: number;
}

/** Reads files and folders (recursively) into articles. Throws NOT_FOUND only for a path that does not exist. */
export interface DocumentLoader {
  load(paths: readonly string[], onProgress?: LoadProgress): Promise<LoadedDocuments>;
}
