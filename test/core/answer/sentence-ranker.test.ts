import { describe, expect, it } from "vitest";
import { expectedAnswerType, holdsAnswerType } from "../../../src/core/answer/answer-type.ts";
import { chooseBullets } from "../../../src/core/answer/choose-bullets.ts";
import type { Candidate } from "../../../src/core/answer/evidence-types.ts";
import type { FactGroup } from "../../../src/core/answer/fact-groups.ts";
import type { WeightedQuery } from "../../../src/core/answer/query-weights.ts";
import { SENTENCE_FEATURES } from "../../../src/core/answer/sentence-features.ts";
import { sentenceProbability } from "../../../src/core/answer/sentence-ranker.ts";
import { SENTENCE_RANKER } from "../../../src/core/answer/sentence-ranker-weights.ts";

describe("the committed sentence ranker", () => {
  it("has a finite weight for every feature the ranker computes, and no other", () => {
    expect(Object.keys(SENTENCE_RANKER.weights).sort()).toEqual([...SENTENCE_FEATURES].sort());
    for (const weight of Object.values(SENTENCE_RANKER.weights)) expect(Number.isFinite(weight)).toBe(true);
  });

  it("prefers a sentence that holds more of the question", () => {
    const feature = (values: Partial<Record<(typeof SENTENCE_FEATURES)[number], number>>) =>
      SENTENCE_FEATURES.map((name) => values[name] ?? 0);
    const weak = sentenceProbability(feature({ coverage: 0.3, coverageOfBest: 0.4, tokenShare: 0.3 }));
    const strong = sentenceProbability(feature({ coverage: 0.8, coverageOfBest: 1, tokenShare: 0.8 }));
    expect(strong).toBeGreaterThan(weak);
    expect(strong).toBeLessThan(1);
    expect(weak).toBeGreaterThan(0);
  });
});

describe("answer type is a preference that reads many forms", () => {
  it("recognises decades, centuries, seasons and their Dutch and French forms", () => {
    for (const sentence of [
      "Sales grew in the early 1960s.",
      "The castle dates from the 16th century.",
      "The bridge reopens in the spring.",
      "De kerk is gebouwd in de 19de eeuw.",
      "Le château date du XVIe siècle.",
      "Les travaux reprendront en été.",
    ])
      expect(holdsAnswerType(sentence, "time", "When?"), sentence).toBe(true);
    expect(expectedAnswerType("What century was the castle built in?")).toBe("time");
    expect(expectedAnswerType("En quelle année le pont a-t-il ouvert ?")).toBe("time");
  });
});

const QUERY: WeightedQuery = { tokens: [], weights: [1], total: 1, variantSet: new Set(), names: new Set() };

function candidate(articleId: string, score: number, coverage = 0.8): Candidate {
  const passage = {
    id: `${articleId}#0`,
    articleId,
    index: 0,
    start: 0,
    end: 10,
    text: "",
    sentences: [],
    language: "en",
  };
  return {
    articleId,
    passage,
    span: { start: 0, end: 10 },
    text: articleId,
    language: "en",
    terms: new Set(),
    matched: new Set([0]),
    coverage,
    score,
  };
}

describe("bullet choice", () => {
  it("keeps the best sentence's fact first even when another fact has more support", () => {
    const best = candidate("a", 0.6);
    const supported = [candidate("b", 0.59), candidate("c", 0.5), candidate("d", 0.5)];
    const groups: FactGroup[] = [
      { members: supported, lead: supported[0] as Candidate, score: 0.75 },
      { members: [best], lead: best, score: 0.6 },
    ];
    const chosen = chooseBullets(groups, [best, ...supported], QUERY);
    expect(chosen[0]?.lead).toBe(best);
    expect(chosen).toHaveLength(2);
  });

  it("drops later facts far less likely to answer, and never returns nothing while there are candidates", () => {
    const best = candidate("a", 0.9);
    const weak = candidate("b", 0.1);
    const chosen = chooseBullets(
      [
        { members: [best], lead: best, score: 0.9 },
        { members: [weak], lead: weak, score: 0.1 },
      ],
      [best, weak],
      QUERY,
    );
    expect(chosen.map((group) => group.lead)).toEqual([best]);
    const lone = candidate("z", 0.01, 0.1);
    expect(chooseBullets([{ members: [lone], lead: lone, score: 0.01 }], [lone], QUERY)).toHaveLength(1);
  });
});
