import { BriefingError, isBriefingError } from "../../core/errors.ts";
import type { Embedder, PassageVectors } from "../../core/ports.ts";
import type { IngestedArticle } from "../../core/types.ts";

/** Passage texts per `embed` call (the embedder splits them into its own request batches). */
export const EMBED_CHUNK = 256;

/** A passage as it is embedded: under its article's title, since a passage alone often lacks its subject. */
export function passageEmbeddingText(title: string, passage: string): string {
  const heading = title.trim();
  return heading.length > 0 ? `${heading}\n${passage}` : passage;
}

function invalid(embedder: Embedder, reason: string): BriefingError {
  return new BriefingError("MODEL_OUTPUT_INVALID", `The embedding model ${embedder.name} returned ${reason}`);
}

/**
 * The passage vectors of these articles: all passage texts, across articles, embedded in chunks of
 * EMBED_CHUNK, one entry per article with passages. A failing embedder's error is a BriefingError
 * (MODEL_UNAVAILABLE when it threw something else); a wrong count, an empty or mixed dimension, or a
 * non-finite value is MODEL_OUTPUT_INVALID.
 */
export async function embedArticles(
  articles: readonly IngestedArticle[],
  embedder: Embedder,
  chunkSize = EMBED_CHUNK,
): Promise<PassageVectors[]> {
  const embedded = articles.filter((ingested) => ingested.passages.length > 0);
  const texts = embedded.flatMap(({ article, passages }) =>
    passages.map((passage) => passageEmbeddingText(article.title, passage.text)),
  );
  const vectors: Float32Array[] = [];
  let dimensions = 0;
  for (let start = 0; start < texts.length; start += chunkSize) {
    const chunk = texts.slice(start, start + chunkSize);
    let reply: Float32Array[];
    try {
      reply = await embedder.embed(chunk);
    } catch (error) {
      if (isBriefingError(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new BriefingError("MODEL_UNAVAILABLE", `The embedding model ${embedder.name} failed: ${reason}`, {
        cause: error,
      });
    }
    if (!Array.isArray(reply) || reply.length !== chunk.length) {
      throw invalid(
        embedder,
        `${Array.isArray(reply) ? reply.length : "no"} vectors for ${chunk.length} texts`,
      );
    }
    for (const vector of reply) {
      if (dimensions === 0) dimensions = vector.length;
      if (vector.length === 0 || vector.length !== dimensions) {
        throw invalid(embedder, `vectors of ${vector.length} and ${dimensions} dimensions`);
      }
      if (!vector.every(Number.isFinite)) throw invalid(embedder, "a vector with a non-finite value");
      vectors.push(vector);
    }
  }
  let next = 0;
  return embedded.map(({ article, passages }) => ({
    articleId: article.id,
    contentHash: article.contentHash,
    model: embedder.name,
    vectors: passages.map(() => vectors[next++] ?? new Float32Array(0)),
  }));
}
