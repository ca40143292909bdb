import { BriefingError, catalogued } from "./errors.ts";
import type { Article } from "./types.ts";

/** The collection every article without one belongs to: what the CLI ingests by default. */
export const SHARED_COLLECTION = "shared";

/**
 * The collections a reader may draw on; undefined: all of them (the CLI without `--collection`). Filtering
 * happens inside retrieval's top-k selection, so a filtered query still returns its best visible matches.
 */
export type Visibility = ReadonlySet<string> | undefined;

const NAME = /^[a-z0-9][a-z0-9:._-]{0,127}$/u;

/** A collection name from user input, lower-cased; anything else than letters, digits and `:._-` is refused. */
export function collectionName(raw: string): string {
  const name = raw.trim().toLowerCase();
  if (!NAME.test(name)) {
    throw new BriefingError(
      "USAGE",
      `"${raw}" is not a collection name: use 1-128 letters, digits, ":", ".", "_" or "-", starting with a letter or digit.`,
      catalogued("notACollectionName", raw),
    );
  }
  return name;
}

/** The article's collections; an article stored before collections existed is in `shared`. */
export function collectionsOf(article: Pick<Article, "collections">): readonly string[] {
  const collections = article.collections;
  return collections === undefined || collections.length === 0 ? [SHARED_COLLECTION] : collections;
}

/**
 * The article with these collections (sorted, once each). An article only in `shared` carries no field, so
 * every record and JSON output of the shared collection stays as it was before collections existed.
 */
export function withCollections(article: Article, collections: Iterable<string>): Article {
  const sorted = [...new Set(collections)].sort();
  const { collections: _, ...rest } = article;
  return sorted.length === 0 || (sorted.length === 1 && sorted[0] === SHARED_COLLECTION)
    ? rest
    : { ...rest, collections: sorted };
}

/** Whether a reader who sees `visible` may read the article. */
export function isVisible(article: Pick<Article, "collections">, visible: Visibility): boolean {
  if (visible === undefined) return true;
  return collectionsOf(article).some((collection) => visible.has(collection));
}
