import type { ArticleListings } from "../article-listings.ts";

/** The channels' last article listings in one process: for tests and the CLI. */
export class MemoryArticleListings implements ArticleListings {
  readonly #listings = new Map<string, string[]>();

  async remember(channelKey: string, articleIds: readonly string[]): Promise<void> {
    this.#listings.set(channelKey, [...articleIds]);
  }

  async shown(channelKey: string): Promise<string[] | undefined> {
    const ids = this.#listings.get(channelKey);
    return ids ? [...ids] : undefined;
  }
}
