import type { Answer } from "../../types.ts";
import { type CorpusSummary, searchedScope } from "../no-evidence.ts";

/** The model read the best passages and found no answer: say so plainly, and what was searched (as no-evidence.ts). */
export function modelNoEvidence(
  question: string,
  corpus: CorpusSummary,
  passagesRead: number,
  modelName: string,
): Answer {
  const scope = searchedScope(corpus);
  const read =
    passagesRead === 1
      ? "the passage that matches it best; it does not"
      : `the ${passagesRead} passages that match it best; none of them`;
  return {
    question,
    status: "no_evidence",
    message: `The articles don't answer this. I searched ${scope} and read ${read} answers it as asked. Try other words, or ingest articles on this topic.`,
    bullets: [],
    sources: [],
    model: modelName,
  };
}
