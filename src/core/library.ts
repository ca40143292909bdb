import type { AnswerTextTools, QueryToken, RetrievedPassage } from "./answer/evidence-types.ts";
import { answerQuestion } from "./answer/extractive-answerer.ts";
import { validateQuestion } from "./answer/question.ts";
import type { StoreChanges } from "./ports.ts";
import { SearchIndex } from "./search/search-index.ts";
import { analyze } from "./text/analyze.ts";
import { detectLanguage } from "./text/language.ts";
import { analyzeQuery } from "./text/query.ts";
import type { Answer, Article, IngestedArticle, LanguageCode, Passage, SearchHit } from "./types.ts";

/**
 * The articles one process can answer from: article metadata, their passages, and a passage index.
 * Only passage text is indexed: the answerer weighs question words by their document frequency, and a
 * headline repeated into every passage would make the story's subject look like a common word.
 */
export class Library {
  readonly #articles = new Map<string, IngestedArticle>();
  readonly #passages = new Map<string, Passage>();
  readonly #index = new SearchIndex({ fields: { text: { boost: 1 } } });
  readonly #languageCounts = new Map<LanguageCode, number>();
  #syncedSequence = 0;

  get articleCount(): number {
    return this.#articles.size;
  }

  get passageCount(): number {
    return this.#passages.size;
  }

  get languages(): LanguageCode[] {
    return [...this.#languageCounts.keys()].sort();
  }

  get syncedSequence(): number {
    return this.#syncedSequence;
  }

  add(articles: Iterable<IngestedArticle>): void {
    for (const ingested of articles) {
      this.remove(ingested.article.id);
      this.#articles.set(ingested.article.id, ingested);
      const language = ingested.article.language;
      this.#languageCounts.set(language, (this.#languageCounts.get(language) ?? 0) + 1);
      for (const passage of ingested.passages) {
        this.#passages.set(passage.id, passage);
        this.#index.add({
          id: passage.id,
          language: passage.language,
          fields: { text: passage.text },
        });
      }
    }
  }

  remove(articleId: string): boolean {
    const existing = this.#articles.get(articleId);
    if (!existing) return false;
    for (const passage of existing.passages) {
      this.#index.remove(passage.id);
      this.#passages.delete(passage.id);
    }
    this.#articles.delete(articleId);
    const language = existing.article.language;
    const remaining = (this.#languageCounts.get(language) ?? 1) - 1;
    if (remaining > 0) this.#languageCounts.set(language, remaining);
    else this.#languageCounts.delete(language);
    return true;
  }

  /** Applies what the store reports as changed since the last sync. */
  apply(changes: StoreChanges): void {
    for (const id of changes.removedIds) this.remove(id);
    this.add(changes.upserts);
    this.#syncedSequence = Math.max(this.#syncedSequence, changes.sequence);
  }

  articles(): Article[] {
    return [...this.#articles.values()].map((ingested) => ingested.article);
  }

  article(id: string): Article {
    const found = this.#articles.get(id);
    if (!found) throw new Error(`Unknown article ${id}`);
    return found.article;
  }

  articleText(id: string): string {
    return this.article(id).text;
  }

  articlePassages(id: string): readonly Passage[] {
    return this.#articles.get(id)?.passages ?? [];
  }

  search(query: string, limit = 10): SearchHit[] {
    const cleaned = validateQuestion(query);
    return this.#retrieve(analyzeQuery(cleaned, this.languages), limit).map(({ passage, score }) => ({
      articleId: passage.articleId,
      passageId: passage.id,
      score: Number(score.toFixed(4)),
      text: passage.text,
    }));
  }

  ask(question: string): Answer {
    return answerQuestion(question, {
      tools: this.#tools,
      corpus: this,
      retrieve: (tokens, limit) => this.#retrieve(tokens, limit),
      detectLanguage,
    });
  }

  readonly #tools: AnswerTextTools = {
    analyze: (text, language) => analyze(text, language),
    analyzeQuery: (text, languages, likelyLanguage) => analyzeQuery(text, languages, { likelyLanguage }),
    termWeight: (term) => this.#index.idf(term),
    maxTermWeight: () => this.#index.idf("\u0000"),
  };

  #retrieve(tokens: readonly QueryToken[], limit: number): RetrievedPassage[] {
    const retrieved: RetrievedPassage[] = [];
    for (const hit of this.#index.search(tokens, { limit })) {
      const passage = this.#passages.get(hit.id);
      if (passage) retrieved.push({ passage, score: hit.score });
    }
    return retrieved;
  }
}
