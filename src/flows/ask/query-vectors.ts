import type { Library } from "../../core/library.ts";
import type { Log } from "../../core/log.ts";
import type { Embedder } from "../../core/ports.ts";

const CACHE_LIMIT = 1_000;

/**
 * The question's embedding for hybrid retrieval, cached per question. Only asked for when the library holds
 * vectors of the same model; a failing embedder means a lexical answer, never a failed one.
 */
export class QueryVectors {
  readonly #embedder: Embedder;
  readonly #log: Log;
  readonly #cache = new Map<string, Float32Array>();
  #sizeMismatchLogged = false;

  constructor(embedder: Embedder, log: Log) {
    this.#embedder = embedder;
    this.#log = log;
  }

  async vectorFor(question: string, library: Library): Promise<Float32Array | undefined> {
    if (library.vectorModel !== this.#embedder.name) return undefined;
    const cached = this.#cache.get(question);
    if (cached) return cached;
    try {
      const [vector] = await this.#embedder.embed([question]);
      if (!vector) return undefined;
      if (vector.length !== library.vectorDimensions) {
        if (!this.#sizeMismatchLogged) {
          this.#log("query_embedding_failed", {
            error: `the query vector has ${vector.length} dimensions, the stored ones ${library.vectorDimensions}: is another model serving "${this.#embedder.name}"? Answering lexically.`,
          });
          this.#sizeMismatchLogged = true;
        }
        return undefined;
      }
      if (this.#cache.size >= CACHE_LIMIT) this.#cache.clear();
      this.#cache.set(question, vector);
      return vector;
    } catch (error) {
      this.#log("query_embedding_failed", { error: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  }
}
