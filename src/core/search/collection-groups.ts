import { collectionsOf, type Visibility } from "../collections.ts";
import type { Article, LanguageCode } from "../types.ts";

/**
 * Each distinct set of collections an article is in, numbered: a passage's group in the indexes, so a query
 * filters by collection with one array read per scored passage. Keeps, per group, the articles by language:
 * what a reader who sees some groups is told was searched.
 */
export class CollectionGroups {
  readonly #numbers = new Map<string, number>();
  readonly #collections: (readonly string[])[] = [];
  readonly #languages: Map<LanguageCode, number>[] = [];

  /** The article's group, numbered on first sight of its set of collections. */
  groupOf(article: Article): number {
    const collections = [...new Set(collectionsOf(article))].sort();
    const key = collections.join("\n");
    let group = this.#numbers.get(key);
    if (group === undefined) {
      group = this.#collections.length;
      this.#collections.push(collections);
      this.#numbers.set(key, group);
    }
    return group;
  }

  /** Counts the article in (1) or out of (-1) its group's languages. */
  count(article: Article, change: 1 | -1): void {
    const group = this.groupOf(article);
    const counts = this.#languages[group] ?? new Map<LanguageCode, number>();
    this.#languages[group] = counts;
    const count = (counts.get(article.language) ?? 0) + change;
    if (count > 0) counts.set(article.language, count);
    else counts.delete(article.language);
  }

  /** The groups with a collection in `visible`, as the indexes' `groups` option (all of them when undefined). */
  visible(visible: Visibility): { groups?: Uint8Array } {
    if (visible === undefined) return {};
    const groups = new Uint8Array(this.#collections.length);
    this.#collections.forEach((collections, group) => {
      if (collections.some((collection) => visible.has(collection))) groups[group] = 1;
    });
    return { groups };
  }

  /** How many articles, in which languages, the groups a reader sees hold. */
  summary(visible: NonNullable<Visibility>): { articleCount: number; languages: LanguageCode[] } {
    const groups = this.visible(visible).groups ?? new Uint8Array(0);
    const languages = new Map<LanguageCode, number>();
    this.#languages.forEach((counts, group) => {
      if (groups[group] !== 1) return;
      for (const [language, count] of counts) languages.set(language, (languages.get(language) ?? 0) + count);
    });
    const articleCount = [...languages.values()].reduce((sum, count) => sum + count, 0);
    return { articleCount, languages: [...languages.keys()].sort() };
  }
}
