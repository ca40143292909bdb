import { SourceList } from "../../source-list.ts";
import type { Answer, AnswerBullet } from "../../types.ts";
import type { ModelPassage } from "./model-passages.ts";
import type { VerifiedBullet } from "./verify-bullets.ts";

/** One more than the extractive answerer: a model can state a fact per bullet where sentences cannot. */
export const MAX_MODEL_BULLETS = 6;

const squash = (text: string) => text.toLocaleLowerCase().replace(/\s+/gu, " ").trim();

/**
 * Verified bullets as an answer: at most MAX_MODEL_BULLETS, the same text stated twice merged into one bullet,
 * sources numbered in order of first use (a passage cited by two bullets has one number), each bullet's
 * citations ascending without repeats, and only sources some bullet cites. A source's `quote` is the first
 * verified quote from its passage, as written in the article.
 */
export function composeModelAnswer(
  question: string,
  verified: readonly VerifiedBullet[],
  passagesById: ReadonlyMap<string, ModelPassage>,
  modelName: string,
): Answer {
  const merged: VerifiedBullet[] = [];
  const byText = new Map<string, VerifiedBullet>();
  for (const bullet of verified) {
    const key = squash(bullet.text);
    const same = byText.get(key);
    if (same) {
      same.citations.push(...bullet.citations);
      continue;
    }
    if (merged.length >= MAX_MODEL_BULLETS) continue;
    const copy = { text: bullet.text, citations: [...bullet.citations] };
    byText.set(key, copy);
    merged.push(copy);
  }
  const sourceList = new SourceList();
  const cite = (passageId: string, quote: string): number | undefined => {
    const given = passagesById.get(passageId);
    return given ? sourceList.cite(given.article, given.passage, quote) : undefined;
  };
  const bullets: AnswerBullet[] = [];
  for (const bullet of merged) {
    const numbers = bullet.citations.flatMap((citation) => cite(citation.passage, citation.quote) ?? []);
    if (numbers.length === 0) continue;
    bullets.push({ text: bullet.text, citations: [...new Set(numbers)].sort((a, b) => a - b) });
  }
  return { question, status: "answered", bullets, sources: sourceList.sources, model: modelName };
}
