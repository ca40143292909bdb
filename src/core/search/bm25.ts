/** BM25's inverse document frequency (Lucene's form, never negative). */
export function inverseDocumentFrequency(documentFrequency: number, documentCount: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

export interface FieldOptions {
  /** Weight of a term occurrence in this field relative to other fields (BM25F). Default 1. */
  boost?: number;
  /** Length normalization of this field, 0 (none) to 1 (full). Default: the index's `b`. */
  b?: number;
}

export interface Bm25Options {
  /** Fields to index, in order, with their boosts; other fields of a document are ignored. */
  fields: Readonly<Record<string, FieldOptions>>;
  /** Term-frequency saturation. */
  k1?: number;
  /** Default length normalization for fields that do not set their own. */
  b?: number;
}

export interface ResolvedField {
  name: string;
  boost: number;
  b: number;
}
