import type { SparseVector } from "./sparse-vectors.ts";

/** Two documents (a < b) and how alike they are. */
export interface Edge {
  a: number;
  b: number;
  similarity: number;
}

/** Per-document vectors in two spaces: analyzed terms (one language) and anchors (names, numbers: any language). */
export interface DocumentVectors {
  terms: readonly SparseVector[];
  anchors: readonly SparseVector[];
  /** Each document's language: anchors only link documents in different languages. */
  languages?: readonly string[];
}

class Postings {
  readonly documents: number[][] = [];
  readonly weights: number[][] = [];

  add(document: number, vector: SparseVector): void {
    vector.ids.forEach((id, index) => {
      let documents = this.documents[id];
      let weights = this.weights[id];
      if (documents === undefined || weights === undefined) {
        documents = [];
        weights = [];
        this.documents[id] = documents;
        this.weights[id] = weights;
      }
      documents.push(document);
      weights.push(vector.weights[index] ?? 0);
    });
  }
}

/**
 * Pairs of similar documents, found through an inverted index over the vectors' keys: only documents that
 * share a key are ever compared. Each document keeps its `neighbours` most similar earlier documents at or
 * above `minimum`, which bounds the graph at N · neighbours edges however dense the batch. Similarity is the
 * larger of the term cosine (within a language) and the anchor cosine (across languages). Pairs `linkable`
 * rejects are left out before the neighbours are chosen.
 */
export function similarPairs(
  vectors: DocumentVectors,
  minimum: number,
  neighbours: number,
  linkable?: (a: number, b: number) => boolean,
): Edge[] {
  const count = vectors.terms.length;
  const termDot = new Float64Array(count);
  const anchorDot = new Float64Array(count);
  const seen = new Uint8Array(count);
  const termPostings = new Postings();
  const anchorPostings = new Postings();
  const edges: Edge[] = [];
  const touched: number[] = [];
  const accumulate = (vector: SparseVector | undefined, postings: Postings, dot: Float64Array): void => {
    vector?.ids.forEach((id, index) => {
      const weight = vector.weights[index] ?? 0;
      const documents = postings.documents[id] ?? [];
      const weights = postings.weights[id] ?? [];
      for (let position = 0; position < documents.length; position++) {
        const other = documents[position] ?? 0;
        if (seen[other] === 0) {
          seen[other] = 1;
          touched.push(other);
        }
        dot[other] = (dot[other] ?? 0) + weight * (weights[position] ?? 0);
      }
    });
  };
  for (let document = 0; document < count; document++) {
    const terms = vectors.terms[document];
    const anchors = vectors.anchors[document];
    accumulate(terms, termPostings, termDot);
    accumulate(anchors, anchorPostings, anchorDot);
    const candidates: Edge[] = [];
    for (const other of touched) {
      const sameLanguage =
        vectors.languages !== undefined && vectors.languages[other] === vectors.languages[document];
      const similarity = sameLanguage
        ? (termDot[other] ?? 0)
        : Math.max(termDot[other] ?? 0, anchorDot[other] ?? 0);
      if (similarity >= minimum && (linkable === undefined || linkable(other, document)))
        candidates.push({ a: other, b: document, similarity });
      termDot[other] = 0;
      anchorDot[other] = 0;
      seen[other] = 0;
    }
    touched.length = 0;
    candidates.sort((x, y) => y.similarity - x.similarity || x.a - y.a);
    for (const edge of candidates.slice(0, neighbours)) edges.push(edge);
    if (terms) termPostings.add(document, terms);
    if (anchors) anchorPostings.add(document, anchors);
  }
  return edges;
}
