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

/** Question words ask; they are not what the answer contains. */
const INTERROGATIVES = new Set([
  "what",
  "who",
  "whom",
  "whose",
  "which",
  "where",
  "when",
  "why",
  "how",
  "wat",
  "wie",
  "wiens",
  "welk",
  "welke",
  "waar",
  "wanneer",
  "waarom",
  "hoe",
  "hoeveel",
  "que",
  "qui",
  "quoi",
  "quel",
  "quelle",
  "quels",
  "quelles",
  "lequel",
  "laquelle",
  "lesquels",
  "lesquelles",
  "ou",
  "quand",
  "pourquoi",
  "comment",
  "combien",
]);

function isInterrogative(token: QueryToken): boolean {
  return INTERROGATIVES.has(token.surface.toLocaleLowerCase().normalize("NFD").replace(/\p{M}/gu, ""));
}

export function weighQuery(analyzed: QueryToken[], tools: AnswerTextTools, question: string): WeightedQuery {
  const tokens = analyzed.filter((token) => !isInterrogative(token));
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
