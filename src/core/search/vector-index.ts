/**
 * Passage vectors for brute-force nearest-neighbour search: one growable Float32Array matrix, a row per
 * passage, rows kept dense by swap-remove. Vectors are L2-normalized on add, so a dot product is a cosine.
 */
import { BriefingError } from "../errors.ts";
import type { ScoredId } from "./search-index.ts";
import { selectTop } from "./top-k.ts";

const INITIAL_ROWS = 64;

/** A copy of `vector` scaled to unit length (a zero vector stays zero); non-finite values are an error. */
export function normalized(vector: ArrayLike<number>, what = "A vector"): Float32Array {
  let sum = 0;
  for (let index = 0; index < vector.length; index++) {
    const value = vector[index] ?? 0;
    if (!Number.isFinite(value)) {
      throw new BriefingError("INTERNAL", `${what} holds a non-finite value at dimension ${index}.`);
    }
    sum += value * value;
  }
  const scale = sum > 0 ? 1 / Math.sqrt(sum) : 0;
  const unit = new Float32Array(vector.length);
  for (let index = 0; index < vector.length; index++) unit[index] = (vector[index] ?? 0) * scale;
  return unit;
}

export class VectorIndex {
  #dimensions = 0;
  #matrix = new Float32Array(0);
  /** Row → id. */
  readonly #ids: string[] = [];
  /** Id → row. */
  readonly #rows = new Map<string, number>();
  #capacity = 0;
  #scores = new Float64Array(0);
  #candidates = new Uint32Array(0);
  /** Row → group, a number the caller gives vectors to search some groups only (default 0). */
  #groups = new Uint32Array(0);

  /** Dimension of every vector in the index, set by the first one added; 0 while none was. */
  get dimensions(): number {
    return this.#dimensions;
  }

  get size(): number {
    return this.#ids.length;
  }

  has(id: string): boolean {
    return this.#rows.has(id);
  }

  /** Adds (or replaces) the vector of `id`, normalized. A vector of another dimension is an error. */
  add(id: string, vector: ArrayLike<number>, group = 0): void {
    this.checkDimensions(vector.length, `The vector of ${id}`);
    this.#write(id, normalized(vector, `The vector of ${id}`), group);
  }

  #write(id: string, unit: Float32Array, group: number): void {
    if (this.#dimensions === 0) this.#dimensions = unit.length;
    let row = this.#rows.get(id);
    if (row === undefined) {
      row = this.#ids.length;
      this.#ensureRows(row + 1);
      this.#ids.push(id);
      this.#rows.set(id, row);
    }
    this.#matrix.set(unit, row * this.#dimensions);
    this.#groups[row] = group;
  }

  /** Moves the vector of `id` to another group; false when there is none. */
  setGroup(id: string, group: number): boolean {
    const row = this.#rows.get(id);
    if (row === undefined) return false;
    this.#groups[row] = group;
    return true;
  }

  /**
   * Adds (or replaces) several vectors, all or none: every one is checked (dimension, finite values) before
   * the first is written.
   */
  addMany(ids: readonly string[], vectors: readonly ArrayLike<number>[], group = 0): void {
    if (ids.length !== vectors.length) {
      throw new BriefingError("INTERNAL", `${vectors.length} vectors for ${ids.length} ids.`);
    }
    const first = vectors[0]?.length ?? 0;
    const units = vectors.map((vector, index) => {
      const what = `The vector of ${ids[index]}`;
      this.checkDimensions(vector.length, what);
      if (vector.length !== first) {
        throw new BriefingError(
          "INTERNAL",
          `${what} has ${vector.length} dimensions; the first has ${first}.`,
        );
      }
      return normalized(vector, what);
    });
    units.forEach((unit, index) => {
      this.#write(ids[index] ?? "", unit, group);
    });
  }

  /** Throws unless a vector of `length` dimensions fits this index. */
  checkDimensions(length: number, what = "A vector"): void {
    if (length === 0) throw new BriefingError("INTERNAL", `${what} is empty.`);
    if (this.#dimensions !== 0 && length !== this.#dimensions) {
      throw new BriefingError(
        "INTERNAL",
        `${what} has ${length} dimensions; this index holds ${this.#dimensions}-dimension vectors.`,
      );
    }
  }

  /** Removes the vector of `id`, moving the last row into its place. */
  remove(id: string): boolean {
    const row = this.#rows.get(id);
    if (row === undefined) return false;
    const last = this.#ids.length - 1;
    const dimensions = this.#dimensions;
    if (row !== last) {
      const movedId = this.#ids[last] ?? "";
      this.#matrix.copyWithin(row * dimensions, last * dimensions, (last + 1) * dimensions);
      this.#ids[row] = movedId;
      this.#rows.set(movedId, row);
      this.#groups[row] = this.#groups[last] ?? 0;
    }
    this.#ids.pop();
    this.#rows.delete(id);
    if (this.#ids.length === 0) this.clear();
    return true;
  }

  /** The stored (normalized) vector of `id`, as a copy. */
  vector(id: string): Float32Array | undefined {
    const row = this.#rows.get(id);
    if (row === undefined) return undefined;
    return this.#matrix.slice(row * this.#dimensions, (row + 1) * this.#dimensions);
  }

  /** Cosine similarity of two stored vectors; undefined when either has none. */
  similarity(idA: string, idB: string): number | undefined {
    const rowA = this.#rows.get(idA);
    const rowB = this.#rows.get(idB);
    if (rowA === undefined || rowB === undefined) return undefined;
    const matrix = this.#matrix;
    const dimensions = this.#dimensions;
    const a = rowA * dimensions;
    const b = rowB * dimensions;
    let dot = 0;
    for (let index = 0; index < dimensions; index++)
      dot += (matrix[a + index] ?? 0) * (matrix[b + index] ?? 0);
    return dot;
  }

  /**
   * The `limit` vectors most similar to `query` (cosine, best first; ties: the earlier row first). The query
   * must have the index's dimension; it need not be normalized. With `groups`, only rows of the groups `g`
   * with `groups[g] === 1` are compared with the query.
   */
  search(
    query: ArrayLike<number>,
    limit: number,
    filter?: (id: string) => boolean,
    groups?: Uint8Array,
  ): ScoredId[] {
    const count = this.#ids.length;
    if (limit <= 0 || count === 0) return [];
    this.checkDimensions(query.length, "The query vector");
    const unit = normalized(query, "The query vector");
    const dimensions = this.#dimensions;
    const matrix = this.#matrix;
    const scores = this.#scores;
    const tail = dimensions - (dimensions % 4);
    const rowGroups = this.#groups;
    for (let row = 0, base = 0; row < count; row++, base += dimensions) {
      if (groups !== undefined && groups[rowGroups[row] ?? 0] !== 1) {
        scores[row] = Number.NEGATIVE_INFINITY;
        continue;
      }
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let index = 0;
      for (; index < tail; index += 4) {
        s0 += (matrix[base + index] as number) * (unit[index] as number);
        s1 += (matrix[base + index + 1] as number) * (unit[index + 1] as number);
        s2 += (matrix[base + index + 2] as number) * (unit[index + 2] as number);
        s3 += (matrix[base + index + 3] as number) * (unit[index + 3] as number);
      }
      for (; index < dimensions; index++) s0 += (matrix[base + index] as number) * (unit[index] as number);
      scores[row] = s0 + s1 + s2 + s3;
    }
    const inGroups = groups === undefined ? () => true : (row: number) => groups[rowGroups[row] ?? 0] === 1;
    const accept = filter ? (row: number) => inGroups(row) && filter(this.#ids[row] ?? "") : inGroups;
    return selectTop(this.#candidates, count, scores, limit, accept).map((row) => ({
      id: this.#ids[row] ?? "",
      score: scores[row] ?? 0,
    }));
  }

  clear(): void {
    this.#dimensions = 0;
    this.#matrix = new Float32Array(0);
    this.#ids.length = 0;
    this.#rows.clear();
    this.#capacity = 0;
    this.#scores = new Float64Array(0);
    this.#candidates = new Uint32Array(0);
    this.#groups = new Uint32Array(0);
  }

  /** Grows the matrix (and the scoring buffers) to hold `rows` rows; the dimension must be set. */
  #ensureRows(rows: number): void {
    if (rows <= this.#capacity) return;
    const capacity = Math.max(rows, this.#capacity * 2, INITIAL_ROWS);
    const matrix = new Float32Array(capacity * this.#dimensions);
    matrix.set(this.#matrix);
    this.#matrix = matrix;
    this.#capacity = capacity;
    this.#scores = new Float64Array(capacity);
    this.#candidates = Uint32Array.from({ length: capacity }, (_, row) => row);
    const groups = new Uint32Array(capacity);
    groups.set(this.#groups);
    this.#groups = groups;
  }
}
