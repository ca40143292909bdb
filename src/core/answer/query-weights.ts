import type { LanguageCode } from "../types.ts";
import type { AnswerTextTools, QueryToken } from "./evidence-types.ts";

export interface WeightedQuery {
  tokens: QueryToken[];
  weights: number[];
  total: number;
  /** Every analyzed form of every question token: excluded when comparing facts with each other. */
  variantSet: ReadonlySet<string>;
  /** Analyzed forms of the question's names: words written with a capital past the first word, and acronyms. */
  names: ReadonlySet<string>;
}

const NAME = /^\p{Lu}/u;

export function weighQuery(tokens: QueryToken[], tools: AnswerTextTools, question: string): WeightedQuery {
  const weights = tokens.map(
    (token) => token.weight * Math.max(0, ...token.variants.map((variant) => tools.termWeight(variant))),
  );
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const variantSet = new Set(tokens.flatMap((token) => token.variants));
  const opening = question.trimStart();
  const names = new Set(
    tokens
      .filter((token) => NAME.test(token.surface) && !opening.startsWith(token.surface))
      .flatMap((token) => token.variants),
  );
  return { tokens, weights, total, variantSet, names };
}

/** Which question tokens a sentence contains, and the share of the question's weight they carry. */
export function matchQuery(
  query: WeightedQuery,
  terms: ReadonlySet<string>,
  language: LanguageCode,
): { matched: Set<number>; coverage: number } {
  const matched = new Set<number>();
  let weight = 0;
  query.tokens.forEach((token, index) => {
    const own = token.byLanguage.get(language);
    const hit = own !== undefined ? terms.has(own) : token.variants.some((variant) => terms.has(variant));
    if (hit) {
      matched.add(index);
      weight += query.weights[index] ?? 0;
    }
  });
  return { matched, coverage: query.total > 0 ? weight / query.total : 0 };
}
