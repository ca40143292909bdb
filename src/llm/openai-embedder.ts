import type { OpenAI } from "openai";
import { BriefingError } from "../core/errors.ts";
import type { Embedder } from "../core/ports.ts";
import { modelError } from "./model-errors.ts";
import { createOpenAIClient } from "./openai-client.ts";
import type { EmbedderOptions } from "./options.ts";

const MAX_TEXT_CHARACTERS = 8_000;

/** Servers reject an empty input, so an empty text is sent as a lone full stop. */
function prepared(text: string): string {
  const trimmed = text.trim().slice(0, MAX_TEXT_CHARACTERS);
  return trimmed === "" ? "." : trimmed;
}

function normalized(vector: ArrayLike<number>): Float32Array {
  const result = Float32Array.from(vector);
  let sumOfSquares = 0;
  for (const value of result) sumOfSquares += value * value;
  const length = Math.sqrt(sumOfSquares);
  if (length > 0) for (let i = 0; i < result.length; i++) result[i] = (result[i] ?? 0) / length;
  return result;
}

function invalid(reason: string): BriefingError {
  return new BriefingError("MODEL_OUTPUT_INVALID", `The embedding model returned ${reason}`);
}

export class OpenAIEmbedder implements Embedder {
  readonly name: string;
  readonly #config: EmbedderOptions;
  readonly #client: OpenAI;

  constructor(config: EmbedderOptions, client: OpenAI = createOpenAIClient(config)) {
    this.name = config.model;
    this.#config = config;
    this.#client = client;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    const batchSize = Math.max(1, this.#config.batchSize);
    // One batch after another: servers rate-limit, and a failed batch should stop the rest.
    for (let start = 0; start < texts.length; start += batchSize) {
      vectors.push(...(await this.#embedBatch(texts.slice(start, start + batchSize).map(prepared))));
    }
    const dimensions = vectors[0]?.length;
    if (dimensions === 0 || vectors.some((vector) => vector.length !== dimensions)) {
      throw invalid("vectors of different or zero lengths");
    }
    return vectors;
  }

  async #embedBatch(batch: string[]): Promise<Float32Array[]> {
    const action = `embed ${batch.length} ${batch.length === 1 ? "text" : "texts"}`;
    let response: Awaited<ReturnType<OpenAI["embeddings"]["create"]>>;
    try {
      response = await this.#client.embeddings.create({ model: this.#config.model, input: batch });
    } catch (error) {
      throw modelError(error, action, "embedding model");
    }
    if (!Array.isArray(response.data) || response.data.length !== batch.length) {
      throw invalid(`${response.data?.length ?? 0} vectors for ${batch.length} texts`);
    }
    const ordered = [...response.data].sort((a, b) => a.index - b.index);
    return ordered.map((item, position) => {
      if (item.index !== position || !Array.isArray(item.embedding)) {
        throw invalid(`an unusable vector at index ${item.index}`);
      }
      return normalized(item.embedding);
    });
  }
}
