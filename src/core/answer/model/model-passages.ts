import type { Article, Passage } from "../../types.ts";
import type { RetrievedPassage } from "../evidence-types.ts";

/** More passages than this and the model's attention, and the reader's patience with sources, run thin. */
export const MAX_MODEL_PASSAGES = 24;
const CHARACTERS_PER_TOKEN = 4;

/** A passage as the model sees it: numbered P1…Pn in ranking order. */
export interface ModelPassage {
  /** "P1", "P2", …: what the model cites. */
  id: string;
  passage: Passage;
  article: Article;
  score: number;
}

/** A rough token count for budgeting: ceil(characters / 4). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARACTERS_PER_TOKEN);
}

/**
 * The best-ranked passages whose estimated tokens fit the budget, in ranking order, numbered P1…Pn: always at
 * least one, at most MAX_MODEL_PASSAGES. Selection stops at the first passage that does not fit, so the model
 * never sees a weaker passage in place of a stronger one. A passage retrieved twice is given once.
 */
export function selectModelPassages(
  ranked: readonly RetrievedPassage[],
  article: (id: string) => Article,
  tokenBudget: number,
): ModelPassage[] {
  const selected: ModelPassage[] = [];
  const seen = new Set<string>();
  let tokens = 0;
  for (const { passage, score } of ranked) {
    if (selected.length >= MAX_MODEL_PASSAGES) break;
    if (seen.has(passage.id)) continue;
    const cost = estimateTokens(passage.text);
    if (selected.length > 0 && tokens + cost > tokenBudget) break;
    seen.add(passage.id);
    tokens += cost;
    selected.push({ id: `P${selected.length + 1}`, passage, article: article(passage.articleId), score });
  }
  return selected;
}
