import type { Library } from "../core/library.ts";
import type { ArticleStore } from "../core/ports.ts";

/** One round trip when nothing changed; otherwise loads only what is new since the library's sequence. */
export async function syncLibrary(library: Library, store: ArticleStore | undefined): Promise<void> {
  if (!store) return;
  const sequence = await store.sequence();
  if (sequence === library.syncedSequence) return;
  library.apply(await store.changesSince(library.syncedSequence));
}
