import { BriefingError } from "./errors.ts";
import type { PassageVectors } from "./ports.ts";

/** Every vector of an entry has the same non-zero dimension (its result); otherwise an INTERNAL error. */
export function checkVectorShape(entry: PassageVectors): number {
  const dimensions = entry.vectors[0]?.length ?? 0;
  for (const vector of entry.vectors) {
    if (vector.length === 0 || vector.length !== dimensions) {
      throw new BriefingError(
        "INTERNAL",
        `The vectors of article ${entry.articleId} have ${vector.length} and ${dimensions} dimensions.`,
      );
    }
  }
  return dimensions;
}
