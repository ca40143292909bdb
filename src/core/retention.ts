import type { Article } from "./types.ts";

export const DAY_MS = 86_400_000;

/**
 * The instant (ms) an article's age counts from: when it arrived in the store. Retention bounds what Briefbot
 * keeps (feeds add every day); it does not judge the news by its date, so an archive ingested on purpose (or the
 * bundled seeds, from 2013–2014) stays its full term. A feed's first poll takes only its last day anyway.
 */
export function retentionInstant(_article: Pick<Article, "published">, arrivedAt: number): number {
  return arrivedAt;
}

/** Articles dated before this instant are expired; undefined when retention is off (`days` 0 keeps all). */
export function retentionCutoff(now: number, days: number): number | undefined {
  return days > 0 ? now - days * DAY_MS : undefined;
}
