import { editDistance } from "../search/spelling.ts";
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
  // "how many", "how much", "hoe veel": the quantity is what is asked for, not a word the answer holds
  "many",
  "much",
  "veel",
]);

/** Auxiliary verbs that shape a question ("va-t-il organiser", "gaat … delen") and are not in every stopword list. */
const AUXILIARIES = new Set([
  "will",
  "would",
  "shall",
  "should",
  "can",
  "could",
  "may",
  "might",
  "must",
  "gaat",
  "gaan",
  "zal",
  "zullen",
  "zou",
  "zouden",
  "kan",
  "kunnen",
  "moet",
  "moeten",
  "wordt",
  "worden",
  "werd",
  "va",
  "vont",
  "allait",
  "peut",
  "peuvent",
  "pourrait",
  "doit",
  "doivent",
]);

/** "What happened to X?" asks about X: the verb names no fact the answer must contain. */
const EVENT_VERBS = new Set([
  "happen",
  "happens",
  "happened",
  "occur",
  "occurs",
  "occurred",
  "gebeurt",
  "gebeurd",
  "gebeurde",
]);

/** Where-questions name the place by these verbs: "Where is X located?", "Où se trouve X ?", "Waar ligt X?" */
const ASKS_WHERE = /(?:^|[^\p{L}])(?:where|waar|où)(?:[^\p{L}]|$)/iu;
const LOCATING_VERBS = new Set([
  "located",
  "situated",
  "ligt",
  "liggen",
  "gelegen",
  "bevindt",
  "gevestigd",
  "trouve",
  "trouvent",
  "situe",
  "situee",
  "situes",
  "situees",
]);

const folded = (token: QueryToken) =>
  token.surface.toLocaleLowerCase().normalize("NFD").replace(/\p{M}/gu, "");

function isInterrogative(token: QueryToken): boolean {
  return INTERROGATIVES.has(folded(token));
}

/** A word the index does not know, one edit from a question word: "Wher", "Hwo". */
function isMisspeltInterrogative(token: QueryToken, tools: AnswerTextTools): boolean {
  const word = folded(token);
  if (word.length < 3 || token.variants.some((variant) => tools.termWeight(variant) < tools.maxTermWeight()))
    return false;
  for (const interrogative of INTERROGATIVES) {
    if (interrogative.length >= 3 && editDistance(word, interrogative, 1) <= 1) return true;
  }
  return false;
}

/** Whether the word asks rather than tells: a question word (perhaps misspelt), an auxiliary, a verb that only frames the question. */
function asks(token: QueryToken, tools: AnswerTextTools, asksWhere: boolean): boolean {
  const word = folded(token);
  return (
    isInterrogative(token) ||
    AUXILIARIES.has(word) ||
    EVENT_VERBS.has(word) ||
    (asksWhere && LOCATING_VERBS.has(word)) ||
    isMisspeltInterrogative(token, tools)
  );
}

export function weighQuery(analyzed: QueryToken[], tools: AnswerTextTools, question: string): WeightedQuery {
  const asksWhere = ASKS_WHERE.test(question);
  const tokens = analyzed.filter((token) => !asks(token, tools, asksWhere));
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
