import type { ArticleStore } from "../../core/ports.ts";
import { retentionCutoff } from "../../core/retention.ts";

export interface RetentionReport {
  /** Articles removed from the store (each library drops them at its next sync, their vectors went with them). */
  removed: number;
  /** Articles dated before this instant (ms) were removed; undefined when retention is off. */
  cutoff: number | undefined;
}

/**
 * Removes from the store every article stored more than `days` days ago (arrived before the cutoff). The store records each removal in its sequence, so every worker's library drops the
 * article at its next sync and it is never cited again. `days` 0 keeps everything.
 */
export async function applyRetention(
  store: ArticleStore,
  days: number,
  now: () => number = Date.now,
): Promise<RetentionReport> {
  const cutoff = retentionCutoff(now(), days);
  if (cutoff === undefined) return { removed: 0, cutoff };
  return { removed: await store.removeOlderThan(cutoff), cutoff };
}
