import type { Bm25Options } from "./bm25.ts";

/**
 * The article index: BM25F over the title and the whole text. One global default, chosen on development
 * data (NFCorpus dev split, SQuAD part 1 and PIAF paragraph retrieval; the grid is printed by
 * `node eval/beir-grid.ts`), never per dataset.
 */
export const ARTICLE_INDEX_OPTIONS: Bm25Options = {
  k1: 1.2,
  b: 0.75,
  fields: { title: { boost: 2 }, text: {} },
};

/**
 * The answerer reads passages scored by their own BM25 score plus this share of their article's score (title
 * and whole text), so a passage of the article that matches best comes first. Set on SQuAD part 1 and PIAF
 * (gold passage top 1 78.2% → 81.3% and 65.4% → 70.2% at 1; 0.5 and 2 within a point).
 */
export const ANSWER_ARTICLE_SCORE_WEIGHT = 1;
