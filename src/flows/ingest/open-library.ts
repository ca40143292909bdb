import { BriefingError } from "../../core/errors.ts";
import { Library } from "../../core/library.ts";
import { MemoryArticleStore } from "../../core/memory/memory-article-store.ts";
import type { ArticleStore, Embedder, LoadedDocuments } from "../../core/ports.ts";
import { syncLibrary } from "./sync-library.ts";

export interface OpenedLibrary {
  library: Library;
  problems: BriefingError[];
}

/**
 * A library of everything the store holds. With an embedder, its passages get vectors the way a worker's do
 * (syncLibrary): the stored ones, the rest embedded now. A failing embedder is a problem to report, not a
 * failure: answers go on lexically.
 */
export async function libraryFromStore(store: ArticleStore, embedder?: Embedder): Promise<OpenedLibrary> {
  const library = new Library();
  const report = await syncLibrary(library, store, embedder);
  const problems = report.error
    ? [
        new BriefingError(
          report.error.code,
          `Passages without vectors, answers are lexical only: ${report.error.message}`,
          { cause: report.error },
        ),
      ]
    : [];
  return { library, problems };
}

/** A library of loaded files (through an in-memory store, so vectors come the same way as from Redis). */
export async function libraryFromDocuments(
  loaded: LoadedDocuments,
  embedder?: Embedder,
): Promise<OpenedLibrary> {
  const store = new MemoryArticleStore();
  await store.put(loaded.articles);
  const opened = await libraryFromStore(store, embedder);
  return { library: opened.library, problems: [...loaded.problems, ...opened.problems] };
}
