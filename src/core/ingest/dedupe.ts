import { BriefingError } from "../errors.ts";
import type { IngestedArticle } from "../types.ts";

export interface Located {
  ingested: IngestedArticle;
  location: string;
}

export interface Deduplicated {
  articles: IngestedArticle[];
  /** Articles whose content hash was already seen. */
  duplicates: number;
  /** Articles whose id was already taken by different content. */
  problems: BriefingError[];
}

/** Keeps the first of each content hash; a second article with a taken id but other content is a problem. */
export function deduplicate(items: readonly Located[]): Deduplicated {
  const hashes = new Set<string>();
  const ids = new Map<string, string>();
  const result: Deduplicated = { articles: [], duplicates: 0, problems: [] };
  for (const { ingested, location } of items) {
    const { id, contentHash } = ingested.article;
    if (hashes.has(contentHash)) {
      result.duplicates++;
      continue;
    }
    const firstLocation = ids.get(id);
    if (firstLocation !== undefined) {
      const message = `The article id "${id}" is already used by different content at ${firstLocation}`;
      result.problems.push(new BriefingError("MALFORMED_INPUT", message, { location, userText: true }));
      continue;
    }
    hashes.add(contentHash);
    ids.set(id, location);
    result.articles.push(ingested);
  }
  return result;
}
