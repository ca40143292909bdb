import { withCollections } from "../../core/collections.ts";
import { BriefingError } from "../../core/errors.ts";
import type { ArticleStore, Embedder, LoadedDocuments, PutResult } from "../../core/ports.ts";
import type { IngestedArticle } from "../../core/types.ts";
import { embedArticles } from "./embed-articles.ts";

export interface IngestReport {
  stored: PutResult | undefined;
  parsed: number;
  duplicates: number;
  problems: BriefingError[];
  /** Articles whose passage vectors were computed and stored by this ingest (0 without an embedder). */
  embedded: number;
}

/**
 * Embeds the ingested articles the store holds without vectors of the embedder's model (new ones, and ones
 * stored before) and stores their vectors. Returns how many articles got vectors, and any problem.
 */
async function storeVectors(
  store: ArticleStore,
  articles: readonly IngestedArticle[],
  embedder: Embedder,
): Promise<{ embedded: number; problems: BriefingError[] }> {
  try {
    const unique = [...new Map(articles.map((ingested) => [ingested.article.id, ingested])).values()];
    const withPassages = unique.filter((ingested) => ingested.passages.length > 0);
    const stored = await store.vectors(
      withPassages.map((ingested) => ingested.article.id),
      embedder.name,
    );
    const missing = withPassages.filter(
      (ingested) => stored.get(ingested.article.id)?.length !== ingested.passages.length,
    );
    const entries = await embedArticles(missing, embedder);
    return { embedded: await store.putVectors(entries), problems: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const code = error instanceof BriefingError ? error.code : "MODEL_UNAVAILABLE";
    return {
      embedded: 0,
      problems: [
        new BriefingError(code, `Articles stored without passage vectors: ${reason}`, { cause: error }),
      ],
    };
  }
}

/**
 * Writes loaded articles to the store (when there is one: without, they are only checked); with an embedder,
 * with their passage vectors. Every article is stored, whatever its published date: retention counts from
 * arrival (core/retention.ts), so a new arrival starts its full term. With `collection`, the articles go to
 * that collection (content the store holds already gains it); otherwise to `shared`.
 */
export async function ingestDocuments(
  loaded: LoadedDocuments,
  store: ArticleStore | undefined,
  embedder: Embedder | undefined,
  collection?: string,
): Promise<IngestReport> {
  const articles =
    collection === undefined
      ? loaded.articles
      : loaded.articles.map((ingested) => ({
          ...ingested,
          article: withCollections(ingested.article, [collection]),
        }));
  const stored = store ? await store.put(articles) : undefined;
  const vectors =
    store && embedder ? await storeVectors(store, articles, embedder) : { embedded: 0, problems: [] };
  return {
    stored,
    parsed: loaded.articles.length,
    duplicates: loaded.duplicates,
    problems: [...loaded.problems, ...vectors.problems],
    embedded: vectors.embedded,
  };
}
