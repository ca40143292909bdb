import { BriefingError, isBriefingError } from "../../core/errors.ts";
import type { Library } from "../../core/library.ts";
import type { ArticleStore, Embedder } from "../../core/ports.ts";
import { embedArticles } from "./embed-articles.ts";

export interface SyncReport {
  /** Articles embedded by this sync (their vectors are in the library, and in the store when it took them). */
  embedded: number;
  /** Articles still without vectors of the embedder's model after this sync. */
  missing: number;
  /** Why vectors are missing: the embedder (or the store's vectors) failed; the library answers lexically. */
  error?: BriefingError;
}

export interface SyncOptions {
  /** The clock, for the retry interval (tests). */
  now?: () => number;
}

/** After a failure, the embedder is asked again at most this often. */
export const EMBED_RETRY_MS = 30_000;

interface VectorState {
  model: string;
  /** Whether every article of the library was once looked at for vectors of `model`. */
  checked: boolean;
  /** When vector work last failed; undefined when it did not. */
  failedAt: number | undefined;
  error: BriefingError | undefined;
}

/** Per library: whether all its articles were checked for vectors of the model, and the last failure. */
const states = new WeakMap<Library, VectorState>();

const NOTHING: SyncReport = { embedded: 0, missing: 0 };

function asBriefingError(error: unknown): BriefingError {
  if (isBriefingError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new BriefingError("INTERNAL", `Vector sync failed: ${reason}`, { cause: error });
}

/**
 * One round trip when nothing changed; otherwise loads only what is new since the library's sequence.
 * With an embedder, the new and updated articles then get their passage vectors: the stored ones when the
 * store has them for this content and model, else embedded now and stored. A failing embedder does not fail
 * the sync (answers go on lexically): the report carries the error, and the articles still missing vectors are
 * tried again by a sync at least EMBED_RETRY_MS later.
 */
export async function syncLibrary(
  library: Library,
  store: ArticleStore | undefined,
  embedder?: Embedder,
  options: SyncOptions = {},
): Promise<SyncReport> {
  if (!store) return NOTHING;
  // One sync of a library at a time (concurrent jobs, the background sync): the next finds the work done.
  const previous = inFlight.get(library) ?? Promise.resolve();
  const current = previous.then(() => syncOnce(library, store, embedder, options));
  const settled = current.then(
    () => {},
    () => {},
  );
  inFlight.set(library, settled);
  try {
    return await current;
  } finally {
    if (inFlight.get(library) === settled) inFlight.delete(library);
  }
}

/** The sync each library is running or queued for, settled (it never rejects). */
const inFlight = new WeakMap<Library, Promise<void>>();

async function syncOnce(
  library: Library,
  store: ArticleStore,
  embedder: Embedder | undefined,
  options: SyncOptions,
): Promise<SyncReport> {
  const sequence = await store.sequence();
  let changedIds: string[] = [];
  if (sequence !== library.syncedSequence) {
    const changes = await store.changesSince(library.syncedSequence);
    library.apply(changes);
    changedIds = changes.upserts.map((ingested) => ingested.article.id);
  }
  if (!embedder) return NOTHING;
  return await syncVectors(library, store, embedder, changedIds, options.now ?? Date.now);
}

async function syncVectors(
  library: Library,
  store: ArticleStore,
  embedder: Embedder,
  changedIds: readonly string[],
  now: () => number,
): Promise<SyncReport> {
  const model = embedder.name;
  let state = states.get(library);
  if (state === undefined || state.model !== model) {
    state = { model, checked: false, failedAt: undefined, error: undefined };
    states.set(library, state);
  }
  const failedAt = state.failedAt;
  const retryDue = failedAt !== undefined && now() - failedAt >= EMBED_RETRY_MS;
  // Every article once, and again when a retry is due; otherwise only what this sync brought.
  const everything = !state.checked || retryDue;
  if (!everything && changedIds.length === 0) return report(library, state, 0, 0);
  const wanted = everything
    ? library.articlesWithoutVectors()
    : changedIds.filter((id) => !library.hasVectors(id) && library.articlePassages(id).length > 0);
  // While a failure is recent the embedder is left alone; stored vectors (another process's) still load.
  const mayEmbed = failedAt === undefined || retryDue;
  let embedded = 0;
  let stillMissing = wanted.length;
  try {
    const stored = wanted.length > 0 ? await store.vectors(wanted, model) : new Map<string, Float32Array[]>();
    const unembedded: string[] = [];
    for (const id of wanted) {
      const vectors = stored.get(id);
      // Same content, so the same passages; a count or size that differs means another chunking or model.
      if (vectors && fits(library, id, vectors)) {
        library.setVectors(model, id, vectors);
        stillMissing--;
      } else {
        unembedded.push(id);
      }
    }
    if (unembedded.length > 0 && mayEmbed) {
      const entries = await embedArticles(
        unembedded.map((id) => ({
          article: library.article(id),
          passages: [...library.articlePassages(id)],
        })),
        embedder,
      );
      // An article that changed while it was embedded keeps waiting for the vectors of its new version.
      const current = entries.filter((entry) =>
        library.setVectors(model, entry.articleId, entry.vectors, entry.contentHash),
      );
      embedded = current.length;
      stillMissing -= current.length;
      await store.putVectors(current);
    }
    state.checked = true;
    if (mayEmbed) {
      state.failedAt = undefined;
      state.error = undefined;
    }
  } catch (error) {
    state.checked = true;
    state.failedAt = now();
    state.error = asBriefingError(error);
  }
  return report(library, state, embedded, stillMissing);
}

const reported = new WeakSet<BriefingError>();

/** Logs a sync's vector failure once (every sync reports it until the embedder works again). */
export function logVectorFailure(
  syncReport: SyncReport,
  log: (event: string, fields: Record<string, unknown>) => void,
): void {
  const error = syncReport.error;
  if (!error || reported.has(error)) return;
  reported.add(error);
  log("embedding_failed", { code: error.code, error: error.message, missing: syncReport.missing });
}

/** Logs `index_synced` when a sync brought the library new changes (not on every question when nothing changed). */
export function logIndexSynced(
  library: Library,
  sequenceBefore: number,
  log: (event: string, fields: Record<string, unknown>) => void,
): void {
  if (library.syncedSequence === sequenceBefore) return;
  log("index_synced", {
    articles: library.articleCount,
    passages: library.passageCount,
    syncedSequence: library.syncedSequence,
    storeSequence: library.syncedSequence,
  });
}

/** Vectors that can stand for the article's passages in this library: one per passage, of the library's size. */
function fits(library: Library, articleId: string, vectors: readonly Float32Array[]): boolean {
  const dimensions = library.vectorDimensions;
  return (
    vectors.length === library.articlePassages(articleId).length &&
    (dimensions === 0 || vectors.every((vector) => vector.length === dimensions))
  );
}

/** Without a failure every article looked at has its vectors, so only `missing` can lack them. */
function report(library: Library, state: VectorState, embedded: number, missing: number): SyncReport {
  if (state.error === undefined) return { embedded, missing };
  return { embedded, missing: library.articlesWithoutVectors().length, error: state.error };
}
