import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { loadPaths } from "./adapters/files/load-paths.ts";
import type { Config } from "./config.ts";
import { BriefingError } from "./core/errors.ts";
import { Library } from "./core/library.ts";
import type { ArticleStore, Embedder, PutResult } from "./core/ports.ts";
import type { IngestedArticle } from "./core/types.ts";
import { embedArticles } from "./flows/ingest/embed-articles.ts";
import { RedisArticleStore } from "./store/redis-article-store.ts";

export type Progress = (done: number, total: number, path: string) => void;

export interface OpenedLibrary {
  library: Library;
  problems: BriefingError[];
  origin: string;
}

const BUNDLED_SEEDS = fileURLToPath(new URL("../seeds", import.meta.url));

async function connectStore(config: NonNullable<Config["redis"]>): Promise<RedisArticleStore> {
  const redis = new Redis(config.url, {
    lazyConnect: true,
    connectTimeout: 3_000,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  redis.on("error", () => {});
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    const reason = error instanceof Error ? error.message : String(error);
    throw new BriefingError("STORE_UNAVAILABLE", `Cannot reach Redis at ${config.url}: ${reason}`, {
      cause: error,
    });
  }
  return new RedisArticleStore(redis, config.namespace);
}

/**
 * Gives the library's articles vectors of the embedder's model: the stored ones (`store`), the rest embedded
 * here and kept in memory only. A failing embedder is a problem to report, not a failure: answers go on
 * lexically.
 */
async function vectorsInMemory(
  library: Library,
  embedder: Embedder,
  store: ArticleStore | undefined,
): Promise<BriefingError[]> {
  try {
    let missing = library.articlesWithoutVectors();
    if (store && missing.length > 0) {
      const stored = await store.vectors(missing, embedder.name);
      for (const [id, vectors] of stored) {
        if (vectors.length === library.articlePassages(id).length)
          library.setVectors(embedder.name, id, vectors);
      }
      missing = library.articlesWithoutVectors();
    }
    const articles = missing.map((id) => ({
      article: library.article(id),
      passages: [...library.articlePassages(id)],
    }));
    for (const entry of await embedArticles(articles, embedder)) {
      library.setVectors(entry.model, entry.articleId, entry.vectors);
    }
    return [];
  } catch (error) {
    return [embeddingProblem(error, "Passages without vectors, answers are lexical only")];
  }
}

function embeddingProblem(error: unknown, consequence: string): BriefingError {
  const reason = error instanceof Error ? error.message : String(error);
  const code = error instanceof BriefingError ? error.code : "MODEL_UNAVAILABLE";
  return new BriefingError(code, `${consequence}: ${reason}`, { cause: error });
}

/**
 * The corpus to answer from: --corpus paths, else the Redis store, else the bundled seeds. With an embedder
 * the passages get vectors (the store's, the rest embedded in memory) for hybrid retrieval.
 */
export async function openLibrary(
  config: Config,
  corpusPaths: readonly string[],
  onProgress?: Progress,
  embedder?: Embedder,
): Promise<OpenedLibrary> {
  const library = new Library();
  if (corpusPaths.length === 0 && config.redis) {
    const store = await connectStore(config.redis);
    let problems: BriefingError[] = [];
    try {
      library.apply(await store.changesSince(0));
      if (embedder) problems = await vectorsInMemory(library, embedder, store);
    } finally {
      await store.close();
    }
    return { library, problems, origin: `Redis store ${config.redis.url}` };
  }
  const paths = corpusPaths.length > 0 ? corpusPaths : [config.seedsDirectory ?? BUNDLED_SEEDS];
  if (corpusPaths.length === 0 && !existsSync(paths[0] ?? "")) {
    throw new BriefingError("NOT_FOUND", `The default corpus folder ${paths[0]} does not exist`);
  }
  const loaded = await loadPaths([...paths], onProgress ? { onProgress } : {});
  library.add(loaded.articles);
  const problems = embedder ? await vectorsInMemory(library, embedder, undefined) : [];
  return { library, problems: [...loaded.problems, ...problems], origin: paths.join(", ") };
}

export interface IngestReport {
  stored: PutResult | undefined;
  parsed: number;
  duplicates: number;
  problems: BriefingError[];
  target: string;
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
    return {
      embedded: 0,
      problems: [embeddingProblem(error, "Articles stored without passage vectors")],
    };
  }
}

/**
 * Parses the files and, when Redis is configured, writes them to the shared store; with an embedder, with
 * their passage vectors.
 */
export async function ingestPaths(
  config: Config,
  paths: readonly string[],
  onProgress?: Progress,
  embedder?: Embedder,
): Promise<IngestReport> {
  const store = config.redis ? await connectStore(config.redis) : undefined;
  try {
    const loaded = await loadPaths([...paths], onProgress ? { onProgress } : {});
    const stored = store ? await store.put(loaded.articles) : undefined;
    const vectors =
      store && embedder
        ? await storeVectors(store, loaded.articles, embedder)
        : { embedded: 0, problems: [] };
    return {
      stored,
      parsed: loaded.articles.length,
      duplicates: loaded.duplicates,
      problems: [...loaded.problems, ...vectors.problems],
      target: config.redis
        ? `Redis store ${config.redis.url}`
        : "nowhere (REDIS_URL is not set: checked only)",
      embedded: vectors.embedded,
    };
  } finally {
    await store?.close();
  }
}

/** A digest's default window over the Redis store. */
export const DEFAULT_DIGEST_WINDOW_MS = 24 * 3600 * 1000;

function publishedSince(
  articles: readonly IngestedArticle[],
  sinceMs: number | undefined,
): IngestedArticle[] {
  if (sinceMs === undefined) return [...articles];
  const from = new Date(Date.now() - sinceMs).toISOString().slice(0, 10);
  return articles.filter(({ article }) => article.published !== undefined && article.published >= from);
}

/**
 * The articles a digest would cover now: from the Redis store, those that arrived within the window (24 h by
 * default); from --corpus files or the seeds, all of them, or with --since those published since then (an
 * article without a date cannot be placed in the window and is left out).
 */
export async function digestArticles(
  config: Config,
  corpusPaths: readonly string[],
  sinceMs: number | undefined,
): Promise<{ articles: IngestedArticle[]; problems: BriefingError[]; origin: string }> {
  if (corpusPaths.length === 0 && config.redis) {
    const store = await connectStore(config.redis);
    try {
      const cursor = await store.sequenceBefore(Date.now() - (sinceMs ?? DEFAULT_DIGEST_WINDOW_MS));
      const changes = await store.changesSince(cursor);
      return { articles: changes.upserts, problems: [], origin: `Redis store ${config.redis.url}` };
    } finally {
      await store.close();
    }
  }
  const paths = corpusPaths.length > 0 ? corpusPaths : [config.seedsDirectory ?? BUNDLED_SEEDS];
  const loaded = await loadPaths([...paths]);
  return {
    articles: publishedSince(loaded.articles, sinceMs),
    problems: loaded.problems,
    origin: paths.join(", "),
  };
}
