import type { AnswerTextTools, QueryToken, RetrievedPassage } from "./answer/evidence-types.ts";
import { answerExtractively } from "./answer/extractive-answerer.ts";
import { type Question, validateQuestion } from "./answer/question.ts";
import { BriefingError } from "./errors.ts";
import type { StoreChanges } from "./ports.ts";
import { fusionDepth, reciprocalRankFusion } from "./search/rank-fusion.ts";
import { SearchIndex } from "./search/search-index.ts";
import { VectorIndex } from "./search/vector-index.ts";
import { analyze } from "./text/analyze.ts";
import { detectLanguage } from "./text/language.ts";
import { analyzeQuery } from "./text/query.ts";
import type { Answer, Article, IngestedArticle, LanguageCode, Passage, SearchHit } from "./types.ts";

export interface VectorQuery {
  /**
   * The question's embedding, by the model of the library's vectors: with it (and vectors present) retrieval
   * is hybrid, the lexical and the vector ranking fused by reciprocal rank.
   */
  queryVector?: Float32Array | undefined;
}

export interface RetrieveOptions extends VectorQuery {
  limit: number;
}

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
  /** Passage vectors of one model; created by the first setVectors, so a library without any pays nothing. */
  #vectors: VectorIndex | undefined;
  #vectorModel: string | undefined;

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

  /** The embedding model of the passage vectors; undefined until vectors are set. */
  get vectorModel(): string | undefined {
    return this.#vectorModel;
  }

  /** Passages that have a vector. */
  get vectorCount(): number {
    return this.#vectors?.size ?? 0;
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
    const vectors = this.#vectors;
    for (const passage of existing.passages) {
      this.#index.remove(passage.id);
      this.#passages.delete(passage.id);
      vectors?.remove(passage.id);
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
    if (!found) throw new BriefingError("NOT_FOUND", `Unknown article ${id}`);
    return found.article;
  }

  articleText(id: string): string {
    return this.article(id).text;
  }

  articlePassages(id: string): readonly Passage[] {
    return this.#articles.get(id)?.passages ?? [];
  }

  /**
   * Sets the vectors of an article's passages, one per passage in passage order, replacing any it had. Vectors
   * of another model than the library's replace all vectors: the library holds one model's vectors at a time.
   * A wrong count or a dimension other than the other vectors' is an error and changes nothing. With
   * `contentHash`, vectors made for another version of the article (it changed while they were computed) are
   * ignored: the result is whether they were set.
   */
  setVectors(
    model: string,
    articleId: string,
    vectors: readonly Float32Array[],
    contentHash?: string,
  ): boolean {
    const ingested = this.#articles.get(articleId);
    if (!ingested) throw new BriefingError("NOT_FOUND", `Unknown article ${articleId}`);
    if (contentHash !== undefined && contentHash !== ingested.article.contentHash) return false;
    const passages = ingested.passages;
    if (vectors.length !== passages.length) {
      throw new BriefingError(
        "INTERNAL",
        `${vectors.length} vectors for the ${passages.length} passages of article ${articleId}`,
      );
    }
    const current = model === this.#vectorModel ? this.#vectors : undefined;
    const index = current ?? new VectorIndex();
    index.addMany(
      passages.map((passage) => passage.id),
      vectors,
    );
    this.#vectors = index;
    this.#vectorModel = model;
    return true;
  }

  /** The dimension of the passage vectors; 0 without any. */
  get vectorDimensions(): number {
    return this.#vectors?.dimensions ?? 0;
  }

  /** Articles with passages but without vectors of the library's model (all of them before any was set). */
  articlesWithoutVectors(): string[] {
    const missing: string[] = [];
    for (const { article, passages } of this.#articles.values()) {
      if (passages.length > 0 && !this.hasVectors(article.id)) missing.push(article.id);
    }
    return missing;
  }

  /** Whether every passage of the article has a vector (false for an unknown article or one without passages). */
  hasVectors(articleId: string): boolean {
    const passages = this.#articles.get(articleId)?.passages ?? [];
    const vectors = this.#vectors;
    return (
      vectors !== undefined && passages.length > 0 && passages.every((passage) => vectors.has(passage.id))
    );
  }

  /** Cosine similarity of two passages' vectors; undefined when either has none. */
  passageSimilarity(passageIdA: string, passageIdB: string): number | undefined {
    return this.#vectors?.similarity(passageIdA, passageIdB);
  }

  search(query: string, limit = 10, options: VectorQuery = {}): SearchHit[] {
    return this.retrieve(validateQuestion(query), { limit, queryVector: options.queryVector }).map(
      ({ passage, score }) => ({
        articleId: passage.articleId,
        passageId: passage.id,
        score: Number(score.toFixed(4)),
        text: passage.text,
      }),
    );
  }

  /**
   * The passages best matching a question, best first: BM25F, or with a query vector (and passage vectors)
   * BM25F and vector rankings fused by reciprocal rank, scored by the fused score.
   */
  retrieve(question: Question, options: RetrieveOptions): RetrievedPassage[] {
    return this.#retrieve(analyzeQuery(question, this.languages), options.limit, options.queryVector);
  }

  ask(question: Question, options: VectorQuery = {}): Answer {
    const queryVector = options.queryVector;
    const vectors = this.#vectors;
    if (vectors === undefined || vectors.size === 0) {
      return answerExtractively(question, {
        tools: this.#tools,
        corpus: this,
        retrieve: (tokens, limit) => this.#retrieve(tokens, limit),
        detectLanguage,
      });
    }
    return answerExtractively(question, {
      tools: this.#tools,
      corpus: this,
      retrieve: (tokens, limit) => this.#retrieve(tokens, limit, queryVector),
      detectLanguage,
      similarity: (passageIdA, passageIdB) => vectors.similarity(passageIdA, passageIdB),
    });
  }

  readonly #tools: AnswerTextTools = {
    analyze: (text, language) => analyze(text, language),
    analyzeQuery: (text, languages, likelyLanguage) => analyzeQuery(text, languages, { likelyLanguage }),
    termWeight: (term) => this.#index.idf(term),
    maxTermWeight: () => this.#index.idf("\u0000"),
  };

  #retrieve(tokens: readonly QueryToken[], limit: number, queryVector?: Float32Array): RetrievedPassage[] {
    const vectors = this.#vectors;
    // A query vector of another size (the model behind the same name changed) cannot be compared: lexical.
    const hits =
      queryVector === undefined ||
      vectors === undefined ||
      vectors.size === 0 ||
      queryVector.length !== vectors.dimensions
        ? this.#index.search(tokens, { limit })
        : this.#fuse(tokens, limit, queryVector, vectors);
    const retrieved: RetrievedPassage[] = [];
    for (const hit of hits) {
      const passage = this.#passages.get(hit.id);
      if (passage) retrieved.push({ passage, score: hit.score });
    }
    return retrieved;
  }

  /** Lexical and vector top lists, fused; a passage without a vector can only come from the lexical list. */
  #fuse(tokens: readonly QueryToken[], limit: number, queryVector: Float32Array, vectors: VectorIndex) {
    if (limit <= 0) return [];
    const depth = fusionDepth(limit);
    const lexical = this.#index.search(tokens, { limit: depth }).map((hit) => hit.id);
    const semantic = vectors.search(queryVector, depth).map((hit) => hit.id);
    return reciprocalRankFusion([lexical, semantic], { limit });
  }
}
