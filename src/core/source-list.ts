import type { Article, Passage, Source } from "./types.ts";

/** Numbers each cited passage once, in order of first citation. */
export class SourceList {
  readonly sources: Source[] = [];
  readonly #numberByPassage = new Map<string, number>();
  readonly #articleIds = new Set<string>();

  /** `quote`: the part of the passage a model's bullet was verified against, shown instead of the passage. */
  cite(article: Article, passage: Passage, quote?: string): number {
    const known = this.#numberByPassage.get(passage.id);
    if (known !== undefined) return known;
    const n = this.sources.length + 1;
    this.sources.push({
      n,
      articleId: article.id,
      title: article.title,
      source: article.source ?? null,
      url: article.url ?? null,
      published: article.published ?? null,
      language: article.language,
      passageId: passage.id,
      passage: passage.text,
      ...(quote ? { quote } : {}),
    });
    this.#numberByPassage.set(passage.id, n);
    this.#articleIds.add(article.id);
    return n;
  }

  hasArticle(articleId: string): boolean {
    return this.#articleIds.has(articleId);
  }
}
