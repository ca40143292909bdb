import { tenantOfCollection } from "../core/channel-scope.ts";
import { SHARED_COLLECTION } from "../core/collections.ts";
import { plural } from "../core/plural.ts";

/** One collection as `briefbot collections --json` lists it (a JSON contract). */
export interface CollectionListing {
  name: string;
  articles: number;
  /**
   * The chat channels that see it (their own collections): the channel a channel collection is named after
   * and the channels granted it; `*` for `shared`, which every channel sees unless BRIEFBOT_SHARED=false.
   */
  channels: string[];
}

/** Collections with their article counts and the channels that see them, by name. */
export function collectionListings(
  counts: ReadonlyMap<string, number>,
  grants: ReadonlyMap<string, readonly string[]>,
  sharedVisible: boolean,
): CollectionListing[] {
  return [...counts].map(([name, articles]) => {
    const channels = new Set<string>();
    if (name === SHARED_COLLECTION) {
      if (sharedVisible) channels.add("*");
    } else if (tenantOfCollection(name) !== undefined && name.split(":").length === 3) {
      channels.add(name);
    }
    for (const [channel, granted] of grants) if (granted.includes(name)) channels.add(channel);
    return { name, articles, channels: [...channels].sort() };
  });
}

/** `briefbot collections` for a terminal: one line per collection with its article count and channels. */
export function renderCollections(collections: readonly CollectionListing[]): string {
  if (collections.length === 0) return "No articles, so no collections yet.";
  const width = Math.max(...collections.map((collection) => collection.name.length));
  return collections
    .map((collection) => {
      const seenBy =
        collection.channels[0] === "*"
          ? "every channel"
          : collection.channels.length === 0
            ? "no channel"
            : collection.channels.join(", ");
      return `${collection.name.padEnd(width)}  ${plural(collection.articles, "article")}; seen by ${seenBy}`;
    })
    .join("\n");
}
