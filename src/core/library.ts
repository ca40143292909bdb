import type { AnswerTextTools, QueryToken, RetrievedPassage } from "./answer/evidence-types.ts";
import { type AnswererCorpus, answerExtractively } from "./answer/extractive-answerer.ts";
import type { AbstentionSetting } from "./answer/missing-terms.ts";
import type { CorpusSummary } from "./answer/no-evidence.ts";
import { type Question, validateQuestion } from "./answer/question.ts";
import { cleanQuestion } from "./answer/question-cleaning.ts";
import { questionLanguageWeights } from "./answer/question-language.ts";
import { collectionsOf, isVisible, type Visibility } from "./collections.ts";
import { BriefingError } from "./errors.ts";
import type { StoreChanges } from "./ports.ts";
import { ANSWER_ARTICLE_SCORE_WEIGHT, ARTICLE_INDEX_OPTIONS } from "./search/article-ranking.ts";
import type { Bm25Options } from "./search/bm25.ts";
import { CollectionGroups } from "./search/collection-groups.ts";
import { conversationTerms, FOLLOW_UP_PRIOR, withPrior } from "./search/follow-up-prior.ts";
import { fusionDepth, reciprocalRankFusion } from "./search/rank-fusion.ts";
import { type ScoredId, SearchIndex } from "./search/search-index.ts";
import { SpellingCorrector } from "./search/spelling.ts";
import { VectorIndex } from "./search/vector-index.ts";
import { analyze } from "./text/analyze.ts";
import { detectLanguage, languageScores } from "./text/language.ts";
import { analyzeQuery } from "./text/query.ts";
import type { Answer, Article, IngestedArticle, LanguageCode, Passage, SearchHit } from "./types.ts";

/** Which collections a query may draw on; without `visible`, all of them. */
export interface QueryScope {
  visible?: Visibility;
  /**
   * A follow-up's prior: the articles the conversation's earlier answer cited. Their passages that match the
   * question weigh more (search/follow-up-prior.ts); nothing else changes, and invisible ones are ignored.
   */
  preferredArticles?: readonly string[] | undefined;
}

export interface VectorQuery extends QueryScope {
  /**
   * The question's embedding, by the model of the library's vectors: with it (and vectors present) retrieval
   * is hybrid, the lexical and the vector ranking fused by reciprocal rank.
   */
  queryVector?: Float32Array | undefined;
}

export interface AskOptions extends VectorQuery {
  /** For evaluation: when a salient word the cited passages lack withdraws the answer. */
  abstention?: AbstentionSetting;
}

export interface RetrieveOptions extends VectorQuery {
  limit: number;
}

export interface LibraryOptions {
  /** The article index's BM25F settings (fields `title` and `text`); the global default otherwise. */
  articleIndex?: Bm25Options;
  /** Weigh each language's analysis of a question by how likely the question is in it (default true). */
  weighQueryLanguages?: boolean;
  /** Share of its article's score added to a passage's for the answerer (default ANSWER_ARTICLE_SCORE_WEIGHT). */
  answerArticleWeight?: number;
}

/**
 * The articles one process can answer from: article metadata, their passages, a passage index and an
 * article index. The passage index holds passage text only: the answerer weighs question words by their
 * document frequency, and a headline repeated into every passage would make the story's subject look like a
 * common word. The article index (title and whole text as two BM25F fields) ranks articles for `search`.
 */
export class Library {
  readonly #articles = new Map<string, IngestedArticle>();
  readonly #passages = new Map<string, Passage>();
  readonly #index = new SearchIndex({ fields: { text: { boost: 1 } } });
  readonly #spelling = new SpellingCorrector(this.#index.vocabulary());
  readonly #articleIndex: SearchIndex;
  readonly #weighQueryLanguages: boolean;
  readonly #answerArticleWeight: number;
  readonly #languageCounts = new Map<LanguageCode, number>();
  #syncedSequence = 0;
  readonly #groups = new CollectionGroups();
  /** Passage vectors of one model; created by the first setVectors, so a library without any pays nothing. */
  #vectors: VectorIndex | undefined;
  #vectorModel: string | undefined;

  constructor(options: LibraryOptions = {}) {
    this.#articleIndex = new SearchIndex(options.articleIndex ?? ARTICLE_INDEX_OPTIONS);
    this.#weighQueryLanguages = options.weighQueryLanguages ?? true;
    this.#answerArticleWeight = options.answerArticleWeight ?? ANSWER_ARTICLE_SCORE_WEIGHT;
  }

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
      const existing = this.#articles.get(ingested.article.id);
      if (existing && existing.article.contentHash === ingested.article.contentHash) {
        // Same content, other collections: only the group changes, the indexes and vectors stay.
        this.#groups.count(existing.article, -1);
        this.#articles.set(ingested.article.id, { article: ingested.article, passages: existing.passages });
        this.#groups.count(ingested.article, 1);
        const group = this.#groups.groupOf(ingested.article);
        this.#articleIndex.setGroup(ingested.article.id, group);
        for (const passage of existing.passages) {
          this.#index.setGroup(passage.id, group);
          this.#vectors?.setGroup(passage.id, group);
        }
        continue;
      }
      this.remove(ingested.article.id);
      this.#articles.set(ingested.article.id, ingested);
      const language = ingested.article.language;
      this.#languageCounts.set(language, (this.#languageCounts.get(language) ?? 0) + 1);
      const { article } = ingested;
      this.#groups.count(article, 1);
      const group = this.#groups.groupOf(article);
      // Each passage is analyzed once, for its own index entry and, with the text between passages
      // (headings), for the article's.
      const articleTerms: string[] = [];
      let covered = 0;
      const addGap = (end: number) => {
        if (end > covered)
          for (const term of analyze(article.text.slice(covered, end), language)) articleTerms.push(term);
      };
      for (const passage of ingested.passages) {
        this.#passages.set(passage.id, passage);
        addGap(passage.start);
        const terms = analyze(passage.text, passage.language);
        for (const term of terms) articleTerms.push(term);
        covered = Math.max(covered, passage.end);
        this.#index.add({ id: passage.id, language: passage.language, fields: { text: terms }, group });
      }
      addGap(article.text.length);
      this.#articleIndex.add({
        id: article.id,
        language,
        fields: { title: article.title ?? "", text: articleTerms },
        group,
      });
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
    this.#groups.count(existing.article, -1);
    this.#articleIndex.remove(articleId);
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

  /** The articles, all of them or those `visible` lets a reader see. */
  articles(visible?: Visibility): Article[] {
    const all = [...this.#articles.values()].map((ingested) => ingested.article);
    return visible === undefined ? all : all.filter((article) => isVisible(article, visible));
  }

  /** Each collection with its number of articles, by name. */
  collections(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { article } of this.#articles.values()) {
      for (const collection of collectionsOf(article))
        counts.set(collection, (counts.get(collection) ?? 0) + 1);
    }
    return new Map([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /** How many articles, in which languages, a reader who sees `visible` has: what an answer says it searched. */
  summary(visible?: Visibility): CorpusSummary {
    if (visible === undefined) return { articleCount: this.articleCount, languages: this.languages };
    return this.#groups.summary(visible);
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
      this.#groups.groupOf(ingested.article),
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

  /** The passages best matching the query, best first; several may come from one article. */
  search(query: string, limit = 10, options: VectorQuery = {}): SearchHit[] {
    const tokens = this.#queryTerms(validateQuestion(query), this.languages);
    return this.#retrieve(tokens, limit, options.queryVector, options.visible).map(({ passage, score }) =>
      hitOf(passage, score),
    );
  }

  /**
   * The articles best matching the query, best first, each once with its best passage. Articles are ranked
   * by the article index (BM25F over title and whole text); with a query vector (and passage vectors) that
   * ranking is fused by reciprocal rank with the articles in the order of their best vector-matching passage.
   * An article's best passage is its best lexical match, else its best vector match, else its first passage.
   */
  searchArticles(query: string, limit = 10, options: VectorQuery = {}): SearchHit[] {
    const tokens = this.#queryTerms(validateQuestion(query), this.languages);
    const vectors = this.#usableVectors(options.queryVector);
    const queryVector = options.queryVector;
    const visible = options.visible;
    const ranked =
      vectors === undefined || queryVector === undefined
        ? this.#rankArticles(tokens, limit, visible)
        : this.#fuseArticles(tokens, limit, queryVector, vectors, visible);
    const best = this.#bestPassages(
      tokens,
      ranked.map((hit) => hit.id),
    );
    const semantic =
      vectors === undefined || queryVector === undefined
        ? []
        : vectors
            .search(queryVector, fusionDepth(limit), undefined, this.#groups.visible(visible).groups)
            .map((hit) => hit.id);
    for (const passageId of semantic) {
      const passage = this.#passages.get(passageId);
      if (passage && !best.has(passage.articleId)) best.set(passage.articleId, passage);
    }
    const hits: SearchHit[] = [];
    for (const { id, score } of ranked) {
      const passage = best.get(id) ?? this.#articles.get(id)?.passages[0];
      if (passage) hits.push(hitOf(passage, score));
    }
    return hits;
  }

  #rankArticles(tokens: readonly QueryToken[], limit: number, visible: Visibility): ScoredId[] {
    return this.#articleIndex.search(tokens, {
      limit,
      filter: (id) => (this.#articles.get(id)?.passages.length ?? 0) > 0,
      ...this.#groups.visible(visible),
    });
  }

  /** Lexical article ranking and articles by their best vector-matching passage, fused by reciprocal rank. */
  #fuseArticles(
    tokens: readonly QueryToken[],
    limit: number,
    queryVector: Float32Array,
    vectors: VectorIndex,
    visible: Visibility,
  ): ScoredId[] {
    if (limit <= 0) return [];
    const depth = fusionDepth(limit);
    const lexical = this.#rankArticles(tokens, depth, visible).map((hit) => hit.id);
    const semantic = [
      ...new Set(
        vectors
          .search(queryVector, depth * 4, undefined, this.#groups.visible(visible).groups)
          .map((hit) => this.#passages.get(hit.id)?.articleId)
          .filter((id): id is string => id !== undefined),
      ),
    ].slice(0, depth);
    return reciprocalRankFusion([lexical, semantic], { limit });
  }

  /** Each article's best lexical passage, for the given articles: only their passages are scored. */
  #bestPassages(tokens: readonly QueryToken[], articleIds: readonly string[]): Map<string, Passage> {
    const passageIds = articleIds.flatMap((id) => this.articlePassages(id).map((passage) => passage.id));
    const best = new Map<string, Passage>();
    for (const hit of this.#index.scoreIds(tokens, passageIds)) {
      const passage = this.#passages.get(hit.id);
      if (passage && !best.has(passage.articleId)) best.set(passage.articleId, passage);
    }
    return best;
  }

  /** The passage vectors, when there are some a query vector of this size can be compared with. */
  #usableVectors(queryVector: Float32Array | undefined): VectorIndex | undefined {
    const vectors = this.#vectors;
    // A query vector of another size (the model behind the same name changed) cannot be compared: lexical.
    return queryVector === undefined ||
      vectors === undefined ||
      vectors.size === 0 ||
      queryVector.length !== vectors.dimensions
      ? undefined
      : vectors;
  }

  /**
   * The passages an answer is written from, best first, as `ask` reads them: BM25F plus a share of the
   * passage's article score, or with a query vector (and passage vectors) BM25F and vector rankings fused by
   * reciprocal rank, scored by the fused score.
   */
  retrieve(question: Question, options: RetrieveOptions): RetrievedPassage[] {
    const asked = this.#queryTerms(question, this.languages);
    const tokens = conversationTerms(
      asked,
      this.#earlierTerms(options.preferredArticles, options.visible, this.languages),
    );
    const passages = this.#retrieve(
      tokens,
      options.limit,
      options.queryVector,
      options.visible,
      options.preferredArticles,
    );
    return this.#usableVectors(options.queryVector) === undefined
      ? this.#withArticleScores(tokens, passages, options.visible)
      : passages;
  }

  ask(question: Question, options: AskOptions = {}): Answer {
    const { queryVector, visible, preferredArticles } = options;
    const vectors = this.#vectors;
    const tools = this.#followUpTools(this.#scopedTools(visible), preferredArticles, visible);
    const corpus = this.#scopedCorpus(visible);
    if (vectors === undefined || vectors.size === 0) {
      return answerExtractively(question, {
        tools,
        corpus,
        retrieve: (tokens, limit) =>
          this.#withArticleScores(
            tokens,
            this.#retrieve(tokens, limit, undefined, visible, preferredArticles),
            visible,
          ),
        detectLanguage,
        abstention: options.abstention,
      });
    }
    return answerExtractively(question, {
      tools,
      corpus,
      retrieve: (tokens, limit) => this.#retrieve(tokens, limit, queryVector, visible, preferredArticles),
      detectLanguage,
      similarity: (passageIdA, passageIdB) => vectors.similarity(passageIdA, passageIdB),
      abstention: options.abstention,
    });
  }

  /**
   * A question's words for retrieval: greetings, mentions and filler set aside, misspellings matched to known
   * terms, each language's analysis weighed by how likely the question is in that language.
   */
  #queryTerms(text: string, languages: readonly LanguageCode[], likelyLanguage?: LanguageCode): QueryToken[] {
    const question = cleanQuestion(text);
    const languageWeights = this.#weighQueryLanguages
      ? questionLanguageWeights(question, languages, detectLanguage, languageScores)
      : undefined;
    const options = {
      ...(likelyLanguage === undefined ? {} : { likelyLanguage }),
      ...(languageWeights === undefined ? {} : { languageWeights }),
    };
    return this.#spelling.correct(analyzeQuery(question, languages, options));
  }

  /**
   * The library as an answer for a reader who sees `visible` describes it: the visible articles' count and
   * languages ("I searched 3 articles"), so a no-evidence answer tells nothing of other collections.
   */
  #scopedCorpus(visible: Visibility): AnswererCorpus {
    if (visible === undefined) return this;
    const { articleCount, languages } = this.summary(visible);
    return {
      articleCount,
      languages,
      article: (id) => this.article(id),
      articleText: (id) => this.articleText(id),
      articlePassages: (id) => this.articlePassages(id),
    };
  }

  /**
   * The text tools for a reader who sees `visible`: a word no visible passage holds weighs as a word no
   * passage holds, so "none of them mention X" (and the answers withdrawn for a missing salient word) say
   * nothing of what other collections hold. Ranking weights (idf) stay the whole library's.
   */
  #scopedTools(visible: Visibility): AnswerTextTools {
    const groups = this.#groups.visible(visible).groups;
    if (groups === undefined) return this.#tools;
    const seen = new Map<string, boolean>();
    const visibleHas = (term: string): boolean => {
      let has = seen.get(term);
      if (has === undefined) {
        has = this.#index.hasTermIn(term, groups);
        seen.set(term, has);
      }
      return has;
    };
    return {
      ...this.#tools,
      termWeight: (term) => (visibleHas(term) ? this.#index.idf(term) : this.#index.idf("\u0000")),
    };
  }

  readonly #tools: AnswerTextTools = {
    analyze: (text, language) => analyze(text, language),
    analyzeQuery: (text, languages, likelyLanguage) => this.#queryTerms(text, languages, likelyLanguage),
    termWeight: (term) => this.#index.idf(term),
    maxTermWeight: () => this.#index.idf("\u0000"),
  };

  /**
   * Lexical passages for the answerer, each scored by its own score plus a share of its article's score (0
   * for an article outside the article top list of the same depth), best first.
   */
  #withArticleScores(
    tokens: readonly QueryToken[],
    passages: RetrievedPassage[],
    visible: Visibility,
  ): RetrievedPassage[] {
    const weight = this.#answerArticleWeight;
    if (!(weight > 0) || passages.length === 0) return passages;
    const articles = new Map(
      this.#rankArticles(tokens, passages.length, visible).map((hit) => [hit.id, hit.score]),
    );
    return passages
      .map(({ passage, score }) => ({
        passage,
        score: score + weight * (articles.get(passage.articleId) ?? 0),
      }))
      .sort((a, b) => b.score - a.score);
  }

  #retrieve(
    tokens: readonly QueryToken[],
    limit: number,
    queryVector?: Float32Array,
    visible?: Visibility,
    preferredArticles?: readonly string[],
  ): RetrievedPassage[] {
    const vectors = this.#usableVectors(queryVector);
    const prior = this.#preferredPassages(tokens, preferredArticles, visible);
    const hits =
      vectors === undefined || queryVector === undefined
        ? withPrior(this.#index.search(tokens, { limit, ...this.#groups.visible(visible) }), prior, limit)
        : this.#fuse(tokens, limit, queryVector, vectors, visible, prior);
    const retrieved: RetrievedPassage[] = [];
    for (const hit of hits) {
      const passage = this.#passages.get(hit.id);
      if (passage) retrieved.push({ passage, score: hit.score });
    }
    return retrieved;
  }

  /**
   * The words of the titles of a follow-up's preferred articles (those the reader sees), as query words of the
   * conversation: what "it" in "how long will it last?" most likely names.
   */
  #earlierTerms(
    preferredArticles: readonly string[] | undefined,
    visible: Visibility,
    languages: readonly LanguageCode[],
    likelyLanguage?: LanguageCode,
  ): QueryToken[] {
    if (!preferredArticles?.length) return [];
    const titles = preferredArticles.flatMap((id) => {
      const ingested = this.#articles.get(id);
      return ingested && isVisible(ingested.article, visible) ? [ingested.article.title] : [];
    });
    return titles.length === 0 ? [] : this.#queryTerms(titles.join("\n"), languages, likelyLanguage);
  }

  /** The answerer's tools for a follow-up: the question's words joined by the earlier answer's, at a low weight. */
  #followUpTools(
    tools: AnswerTextTools,
    preferredArticles: readonly string[] | undefined,
    visible: Visibility,
  ): AnswerTextTools {
    if (!preferredArticles?.length) return tools;
    return {
      ...tools,
      analyzeQuery: (text, languages, likelyLanguage) =>
        conversationTerms(
          tools.analyzeQuery(text, languages, likelyLanguage),
          this.#earlierTerms(preferredArticles, visible, languages, likelyLanguage),
        ),
    };
  }

  /** The passages of a follow-up's preferred articles that the reader sees, scored against the query. */
  #preferredPassages(
    tokens: readonly QueryToken[],
    preferredArticles: readonly string[] | undefined,
    visible: Visibility,
  ): ScoredId[] {
    if (!preferredArticles?.length) return [];
    const passageIds = preferredArticles.flatMap((id) => {
      const ingested = this.#articles.get(id);
      return ingested && isVisible(ingested.article, visible)
        ? ingested.passages.map((passage) => passage.id)
        : [];
    });
    return this.#index.scoreIds(tokens, passageIds);
  }

  /**
   * Lexical and vector top lists, fused; a passage without a vector can only come from the lexical list. A
   * follow-up's `prior` passages join as a third list of weight FOLLOW_UP_PRIOR.
   */
  #fuse(
    tokens: readonly QueryToken[],
    limit: number,
    queryVector: Float32Array,
    vectors: VectorIndex,
    visible: Visibility,
    prior: readonly ScoredId[] = [],
  ) {
    if (limit <= 0) return [];
    const depth = fusionDepth(limit);
    const lexical = this.#index
      .search(tokens, { limit: depth, ...this.#groups.visible(visible) })
      .map((hit) => hit.id);
    const semantic = vectors
      .search(queryVector, depth, undefined, this.#groups.visible(visible).groups)
      .map((hit) => hit.id);
    if (prior.length === 0) return reciprocalRankFusion([lexical, semantic], { limit });
    return reciprocalRankFusion([lexical, semantic, prior.map((hit) => hit.id)], {
      limit,
      weights: [1, 1, FOLLOW_UP_PRIOR],
    });
  }
}

function hitOf(passage: Passage, score: number): SearchHit {
  return {
    articleId: passage.articleId,
    passageId: passage.id,
    score: Number(score.toFixed(4)),
    text: passage.text,
  };
}
