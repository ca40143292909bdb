import type { IngestedArticle } from "../types.ts";

/**
 * The dated articles of one story were all published within this many days of each other. Coverage of one
 * event comes within days (a wire story, the next day's analysis, a weekly's take); the same parties acting
 * again months later (a first announcement, then a signed agreement) is a new story. Not tuned on any set:
 * the clustering eval has no dates.
 */
export const MAX_STORY_SPAN_DAYS = 7;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/u;
const DAY_MS = 24 * 3600 * 1000;

/** The publication day (days since 1970) of each article; undefined when it has no readable date. */
export function publicationDays(articles: readonly IngestedArticle[]): Array<number | undefined> {
  return articles.map(({ article }) => {
    const match = ISO_DATE.exec(article.published ?? "");
    if (!match) return undefined;
    const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    return Number.isFinite(time) ? Math.floor(time / DAY_MS) : undefined;
  });
}

/**
 * The first and last publication day of each growing cluster; two clusters may merge only while every dated
 * article of the union lies within `maxSpan` days. Undated articles constrain nothing: content places them.
 */
export class DayWindows {
  readonly #first: Float64Array;
  readonly #last: Float64Array;
  readonly #maxSpan: number;

  constructor(days: ReadonlyArray<number | undefined>, maxSpan: number) {
    this.#first = Float64Array.from(days, (day) => day ?? Number.POSITIVE_INFINITY);
    this.#last = Float64Array.from(days, (day) => day ?? Number.NEGATIVE_INFINITY);
    this.#maxSpan = maxSpan;
  }

  canMerge(a: number, b: number): boolean {
    const first = Math.min(this.#first[a] ?? Infinity, this.#first[b] ?? Infinity);
    const last = Math.max(this.#last[a] ?? -Infinity, this.#last[b] ?? -Infinity);
    return !(last - first > this.#maxSpan);
  }

  /** Records that `gone` joined `keep`. */
  merge(keep: number, gone: number): void {
    this.#first[keep] = Math.min(this.#first[keep] ?? Infinity, this.#first[gone] ?? Infinity);
    this.#last[keep] = Math.max(this.#last[keep] ?? -Infinity, this.#last[gone] ?? -Infinity);
  }
}
