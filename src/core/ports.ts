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

/** Where ingested articles live. Every write bumps a monotonically increasing sequence. */
export interface ArticleStore {
  put(articles: readonly IngestedArticle[]): Promise<PutResult>;
  get(id: string): Promise<IngestedArticle | undefined>;
  list(): Promise<Article[]>;
  remove(id: string): Promise<boolean>;
  sequence(): Promise<number>;
  changesSince(sequence: number): Promise<StoreChanges>;
  close(): Promise<void>;
}
