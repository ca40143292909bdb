import type { Article, Passage, Source } from "./types.ts";

export interface SourceListOptions {
  /**
   * One source per article (digests, summaries): a second passage of an article already listed widens that
   * source's `passage` to the exact article text from the first cited passage to the last, so every sentence
   * cited to it still lies inside it. By default each cited passage is a source of its own (answers).
   */
  perArticle?: boolean;
}

/** Numbers each cited passage (or article) once, in order of first citation. */
export class SourceList {
  readonly sources: Source[] = [];
  readonly #numberByPassage = new Map<string, number>();
  readonly #numberByArticle = new Map<string, number>();
  readonly #spans = new Map<number, { start: number; end: number }>();
  readonly #perArticle: boolean;

  constructor(options: SourceListOptions = {}) {
    this.#perArticle = options.perArticle ?? false;
  }

  /** `quote`: the part of the passage a model's bullet was verified against, shown instead of the passage. */
  cite(article: Article, passage: Passage, quote?: string): number {
    const known = this.#numberByPassage.get(passage.id);
    if (known !== undefined) return known;
    const listed = this.#perArticle ? this.#numberByArticle.get(article.id) : undefined;
    if (listed !== undefined) {
      this.#widen(listed, article, passage);
      return listed;
    }
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
    this.#numberByArticle.set(article.id, n);
    this.#spans.set(n, { start: passage.start, end: passage.end });
    return n;
  }

  hasArticle(articleId: string): boolean {
    return this.#numberByArticle.has(articleId);
  }

  #widen(n: number, article: Article, passage: Passage): void {
    const span = this.#spans.get(n);
    const source = this.sources[n - 1];
    if (span === undefined || source === undefined) return;
    span.start = Math.min(span.start, passage.start);
    span.end = Math.max(span.end, passage.end);
    source.passage = article.text.slice(span.start, span.end);
    this.#numberByPassage.set(passage.id, n);
  }
}
