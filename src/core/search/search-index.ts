/**
 * A hand-written BM25F index rather than MiniSearch: each document is analyzed with its own language's
 * analyzer and each query word is scored with the variant of the document's language (MiniSearch has one
 * tokenizer and term processor for all documents); BM25F with per-field boosts and length normalization;
 * exact statistics under incremental add and remove; and typed-array postings that build faster and use less
 * memory than MiniSearch's radix tree of Maps.
 */
import { BriefingError } from "../errors.ts";
import { forEachTerm } from "../text/analyze.ts";
import { analyzeQuery, type QueryTerm } from "../text/query.ts";
import type { LanguageCode } from "../types.ts";
import { type Bm25Options, inverseDocumentFrequency, type ResolvedField } from "./bm25.ts";
import { DocumentTable } from "./document-table.ts";
import { ensureFloat64 } from "./growable.ts";
import { fieldFrequency, PostingStore } from "./postings.ts";
import { TermCounter } from "./term-counter.ts";
import { selectTop } from "./top-k.ts";

export interface IndexedDocument {
  id: string;
  language: LanguageCode;
  /**
   * Each field's text, or the terms `analyze` gave for it in the document's language (a caller indexing the same
   * text twice analyzes it once).
   */
  fields: Readonly<Record<string, string | readonly string[]>>;
  /** A number the caller gives documents to search some groups only (`SearchOptions.groups`); default 0. */
  group?: number;
}

export interface SearchOptions {
  /** Maximum number of results. Default 10. */
  limit?: number;
  /** Only documents whose id passes are returned. */
  filter?: (id: string) => boolean;
  /**
   * Only documents of the groups `g` with `groups[g] === 1` are scored (a group beyond its length: none): a
   * filter that costs one array read per posting, so a narrow one makes a search faster, not slower.
   */
  groups?: Uint8Array;
  /** Only documents in these languages are searched (and a text query is analyzed for these only). */
  languages?: readonly LanguageCode[];
  /** The question's probable language, for a text query: its stopwords are dropped. */
  queryLanguage?: LanguageCode;
}

export interface ScoredId {
  id: string;
  score: number;
}

export const DEFAULT_K1 = 1.2;
export const DEFAULT_B = 0.75;
const MAX_LANGUAGES = 255;
/** Removed documents tolerated, beyond the live count, before postings are compacted. */
const COMPACTION_SLACK = 1000;

export class SearchIndex {
  readonly k1: number;
  private readonly fields: readonly ResolvedField[];
  private readonly postings: PostingStore;
  private readonly documents: DocumentTable;
  private readonly termIds = new Map<string, number>();
  /** Term id → term, to forget terms that compaction left without documents. */
  private readonly terms: string[] = [];
  private readonly languageNames: LanguageCode[] = [];
  private readonly languageIds = new Map<LanguageCode, number>();
  private languageCounts: number[] = [];
  private readonly counter: TermCounter;
  private scores = new Float64Array(64);
  private touched: number[] = [];

  constructor(options: Bm25Options) {
    this.k1 = options.k1 ?? DEFAULT_K1;
    const b = options.b ?? DEFAULT_B;
    this.fields = Object.entries(options.fields).map(([name, field]) => ({
      name,
      boost: field.boost ?? 1,
      b: field.b ?? b,
    }));
    if (this.fields.length === 0)
      throw new BriefingError("CONFIG_INVALID", "A search index needs at least one field.");
    for (const field of this.fields) {
      if (!(field.boost > 0) || !(field.b >= 0 && field.b <= 1)) {
        throw new BriefingError("CONFIG_INVALID", `Field "${field.name}" needs a boost > 0 and 0 <= b <= 1.`);
      }
    }
    if (!(this.k1 >= 0)) throw new BriefingError("CONFIG_INVALID", "k1 must be >= 0.");
    this.postings = new PostingStore(this.fields.length);
    this.documents = new DocumentTable(this.fields.length);
    this.counter = new TermCounter(this.fields.length);
  }

  /** Number of documents in the index. */
  get size(): number {
    return this.documents.size;
  }

  /** Languages of the documents in the index. */
  get languages(): LanguageCode[] {
    return this.languageNames.filter((_, index) => (this.languageCounts[index] ?? 0) > 0);
  }

  has(id: string): boolean {
    return this.documents.numberOf(id) !== undefined;
  }

  /** Adds a document, replacing any document with the same id. Fields the index does not know are ignored. */
  add(document: IndexedDocument): void {
    this.remove(document.id);
    const language = this.languageId(document.language.toLowerCase());
    const counter = this.counter;
    counter.start();
    const lengths = this.fields.map((field, fieldIndex) => {
      let length = 0;
      const count = (term: string) => {
        counter.count(this.termId(term), fieldIndex);
        length++;
      };
      const value = document.fields[field.name] ?? "";
      if (typeof value === "string") forEachTerm(value, document.language, count);
      else for (const term of value) count(term);
      return length;
    });
    const number = this.documents.add(document.id, language, lengths, counter.terms, document.group ?? 0);
    counter.terms.forEach((termId, slot) => {
      this.postings.append(termId, number, counter.counts, slot * this.fields.length);
    });
    this.languageCounts[language] = (this.languageCounts[language] ?? 0) + 1;
  }

  /** Moves a document to another group; returns false when there is none with this id. */
  setGroup(id: string, group: number): boolean {
    const number = this.documents.numberOf(id);
    if (number === undefined) return false;
    this.documents.setGroup(number, group);
    return true;
  }

  /** Removes a document; returns false when there was none with this id. */
  remove(id: string): boolean {
    const number = this.documents.numberOf(id);
    if (number === undefined) return false;
    const language = this.documents.language(number);
    for (const termId of this.documents.remove(number)) this.postings.discount(termId);
    this.languageCounts[language] = (this.languageCounts[language] ?? 1) - 1;
    if (this.documents.removedCount > this.documents.size + COMPACTION_SLACK) this.compact();
    return true;
  }

  /** Renumbers documents densely, drops postings of removed ones and forgets terms no document has. */
  private compact(): void {
    for (const termId of this.postings.compact(this.documents.compact())) {
      this.termIds.delete(this.terms[termId] ?? "");
      this.terms[termId] = "";
    }
  }

  /** Whether a live document of the allowed groups holds the analyzed term (stops at the first). */
  hasTermIn(term: string, groups: Uint8Array): boolean {
    const termId = this.termIds.get(term);
    if (termId === undefined) return false;
    const { data, length } = this.postings.list(termId);
    const stride = this.postings.stride;
    const alive = this.documents.aliveFlags;
    const documentGroups = this.documents.groups;
    for (let posting = 0; posting < length; posting++) {
      const document = data[posting * stride] ?? 0;
      if (alive[document] === 1 && groups[documentGroups[document] ?? 0] === 1) return true;
    }
    return false;
  }

  /** Inverse document frequency of an analyzed term; a term no document has weighs the most. */
  idf(term: string): number {
    const termId = this.termIds.get(term);
    const frequency = termId === undefined ? 0 : this.postings.documentFrequency(termId);
    return inverseDocumentFrequency(frequency, this.size);
  }

  /**
   * BM25F search. A text query is analyzed for every language in the index; pre-analyzed terms (from
   * analyzeQuery) are used as they are. Results are sorted by score, best first.
   */
  search(query: string | readonly QueryTerm[], options: SearchOptions = {}): ScoredId[] {
    const limit = options.limit ?? 10;
    const languages = options.languages?.map((language) => language.toLowerCase()) ?? this.languages;
    const terms =
      typeof query === "string" ? analyzeQuery(query, languages, this.queryOptions(options)) : query;
    if (terms.length === 0 || limit <= 0 || this.size === 0) return [];
    const allowed = new Uint8Array(this.languageNames.length);
    for (const language of languages) {
      const id = this.languageIds.get(language);
      if (id !== undefined) allowed[id] = 1;
    }
    this.scores = ensureFloat64(this.scores, this.documents.capacity);
    try {
      for (const term of terms) this.scoreTerm(term, allowed, options.groups);
      const filter = options.filter;
      const accept = filter ? (document: number) => filter(this.documents.idOf(document)) : () => true;
      const best = selectTop(this.touched, this.touched.length, this.scores, limit, accept);
      return best.map((document) => ({
        id: this.documents.idOf(document),
        score: this.scores[document] ?? 0,
      }));
    } finally {
      for (const document of this.touched) this.scores[document] = 0;
      this.touched = [];
    }
  }

  /**
   * The BM25F scores of the given documents only (unknown ids are skipped), best first: a binary search in
   * each query word's postings per document instead of a pass over the postings, for ranking a few
   * documents (an article's passages) fast.
   */
  scoreIds(query: readonly QueryTerm[], ids: readonly string[]): ScoredId[] {
    const documents: number[] = [];
    for (const id of ids) {
      const number = this.documents.numberOf(id);
      if (number !== undefined) documents.push(number);
    }
    documents.sort((a, b) => a - b);
    const totals = new Float64Array(documents.length);
    const stride = this.postings.stride;
    for (const term of query) {
      if (!(term.weight > 0)) continue;
      for (const [language, variant] of term.byLanguage) {
        const languageId = this.languageIds.get(language.toLowerCase());
        const termId = this.termIds.get(variant);
        if (languageId === undefined || termId === undefined) continue;
        const share = term.languageWeights?.get(language) ?? 1;
        if (!(share > 0)) continue;
        const weight =
          share * term.weight * inverseDocumentFrequency(this.postings.documentFrequency(termId), this.size);
        const { data, length } = this.postings.list(termId);
        documents.forEach((document, slot) => {
          if (this.documents.language(document) !== languageId || !this.documents.isAlive(document)) return;
          const posting = findPosting(data, length, stride, document);
          if (posting >= 0)
            totals[slot] = (totals[slot] ?? 0) + weight * this.saturated(data, posting * stride, document);
        });
      }
    }
    return documents
      .map((document, slot) => ({ id: this.documents.idOf(document), score: totals[slot] ?? 0 }))
      .filter((hit) => hit.score > 0)
      .sort((a, b) => b.score - a.score);
  }

  /** BM25F's saturated term frequency of one posting. */
  private saturated(data: Uint32Array, base: number, document: number): number {
    const fieldCount = this.fields.length;
    let frequency = 0;
    this.fields.forEach((field, index) => {
      const count = fieldFrequency(data, base, index);
      if (count === 0) return;
      const average = this.documents.averageLength(index);
      const length = this.documents.lengths[document * fieldCount + index] ?? 0;
      frequency += (field.boost * count) / (1 - field.b + (average > 0 ? (field.b * length) / average : 0));
    });
    return frequency / (this.k1 + frequency);
  }

  private queryOptions(options: SearchOptions): { likelyLanguage?: LanguageCode } {
    return options.queryLanguage === undefined ? {} : { likelyLanguage: options.queryLanguage.toLowerCase() };
  }

  /**
   * Adds one query word's score to every document holding the variant of the document's language, times the
   * word's share in that language (the query's language weights).
   */
  private scoreTerm(term: QueryTerm, allowed: Uint8Array, groups: Uint8Array | undefined): void {
    if (!(term.weight > 0)) return;
    const languagesByVariant = new Map<string, number[]>();
    for (const [language, variant] of term.byLanguage) {
      const languageId = this.languageIds.get(language.toLowerCase());
      if (languageId === undefined || allowed[languageId] !== 1) continue;
      const group = languagesByVariant.get(variant);
      if (group) group.push(languageId);
      else languagesByVariant.set(variant, [languageId]);
    }
    for (const [variant, languageIds] of languagesByVariant) {
      const termId = this.termIds.get(variant);
      if (termId === undefined) continue;
      const weight =
        term.weight * inverseDocumentFrequency(this.postings.documentFrequency(termId), this.size);
      const shares = new Float64Array(this.languageNames.length);
      for (const id of languageIds) {
        const share = term.languageWeights?.get(this.languageNames[id] ?? "") ?? 1;
        shares[id] = Math.max(share, 0);
      }
      this.scorePostings(termId, weight, shares, groups);
    }
  }

  /**
   * `shares`: the word's weight share by document language; 0 skips the language's documents. `groups`: the
   * groups scored (all without).
   */
  private scorePostings(
    termId: number,
    weight: number,
    shares: Float64Array,
    groups: Uint8Array | undefined,
  ): void {
    const { data, length } = this.postings.list(termId);
    const stride = this.postings.stride;
    const fieldCount = this.fields.length;
    const alive = this.documents.aliveFlags;
    const documentLanguages = this.documents.languageIndexes;
    const lengths = this.documents.lengths;
    const documentGroups = this.documents.groups;
    const scores = this.scores;
    const touched = this.touched;
    const k1 = this.k1;
    const boosts = this.fields.map((field) => field.boost);
    const constant = this.fields.map((field) => 1 - field.b);
    const perLength = this.fields.map((field, index) => {
      const average = this.documents.averageLength(index);
      return average > 0 ? field.b / average : 0;
    });
    for (let posting = 0; posting < length; posting++) {
      const base = posting * stride;
      const document = data[base] ?? 0;
      const share = shares[documentLanguages[document] ?? 0] ?? 0;
      if (alive[document] !== 1 || share === 0) continue;
      if (groups !== undefined && groups[documentGroups[document] ?? 0] !== 1) continue;
      let frequency = 0;
      for (let field = 0; field < fieldCount; field++) {
        const count = fieldFrequency(data, base, field);
        if (count === 0) continue;
        const fieldLength = lengths[document * fieldCount + field] ?? 0;
        frequency +=
          ((boosts[field] ?? 1) * count) / ((constant[field] ?? 1) + (perLength[field] ?? 0) * fieldLength);
      }
      const score = (share * weight * frequency) / (k1 + frequency);
      if (scores[document] === 0) touched.push(document);
      scores[document] = (scores[document] ?? 0) + score;
    }
  }

  /** Read-only view of the vocabulary, for spelling help: terms in the order first seen, document frequency. */
  vocabulary(): { terms(): readonly string[]; documentFrequency(term: string): number } {
    return {
      terms: () => this.terms,
      documentFrequency: (term) => {
        const termId = this.termIds.get(term);
        return termId === undefined ? 0 : this.postings.documentFrequency(termId);
      },
    };
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.postings.addTerm();
      this.termIds.set(term, id);
      this.terms[id] = term;
    }
    return id;
  }

  private languageId(language: LanguageCode): number {
    let id = this.languageIds.get(language);
    if (id === undefined) {
      if (this.languageNames.length >= MAX_LANGUAGES) {
        throw new BriefingError("INTERNAL", `The index supports at most ${MAX_LANGUAGES} languages.`);
      }
      id = this.languageNames.length;
      this.languageNames.push(language);
      this.languageIds.set(language, id);
    }
    return id;
  }
}

/** The posting number of `document` in a list sorted by document number, or -1. */
function findPosting(data: Uint32Array, length: number, stride: number, document: number): number {
  let low = 0;
  let high = length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = data[middle * stride] ?? 0;
    if (found === document) return middle;
    if (found < document) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
