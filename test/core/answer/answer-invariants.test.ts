import { beforeAll, describe, expect, it } from "vitest";
import { validateQuestion } from "../../../src/core/answer/question.ts";
import type { Library } from "../../../src/core/library.ts";
import type { Answer } from "../../../src/core/types.ts";
import { answerJsonSchema, citationProblems } from "../../support/answer-contract.ts";
import { seedLibrary } from "../../support/seed-library.ts";

let library: Library;
beforeAll(async () => {
  library = await seedLibrary();
});

const OPENINGS = ["What", "Who", "When", "Where", "How many", "Wat", "Wanneer", "Qui", "Quand", "Combien"];

/**
 * Questions made from the seed articles' own sentences: a question word, then a few words of a sentence
 * (some answerable, some nonsense), so the answerer meets every kind of evidence, strong, weak and none.
 */
function generatedQuestions(): string[] {
  const questions: string[] = [];
  let turn = 0;
  for (const article of library.articles()) {
    for (const passage of library.articlePassages(article.id)) {
      for (const span of passage.sentences) {
        const words = article.text.slice(span.start, span.end).split(/\s+/u).filter(Boolean);
        for (const length of [2, 4, 7, 11]) {
          const start = turn % Math.max(1, words.length - length);
          const opening = OPENINGS[turn % OPENINGS.length];
          questions.push(`${opening} ${words.slice(start, start + length).join(" ")}?`);
          turn++;
        }
      }
    }
  }
  return questions;
}

function invariantProblems(answer: Answer): string[] {
  const problems = citationProblems(answer);
  if (!answerJsonSchema.safeParse(answer).success) problems.push("breaks the JSON contract");
  if (answer.status === "answered" && (answer.bullets.length === 0 || answer.sources.length === 0))
    problems.push("answered with no bullets or no sources");
  if (answer.status === "no_evidence" && (answer.bullets.length > 0 || !answer.message))
    problems.push("no_evidence with bullets or without a reason");
  for (const source of answer.sources)
    if (source.quote !== undefined && !source.passage.includes(source.quote))
      problems.push(`source [${source.n}] quotes text that is not in its passage`);
  return problems;
}

describe("every answer is answered with cited bullets or no_evidence with a reason", () => {
  it("holds over hundreds of questions generated from the seed articles", () => {
    const questions = generatedQuestions();
    expect(questions.length).toBeGreaterThan(200);
    const statuses = new Set<string>();
    for (const question of questions) {
      const answer = library.ask(validateQuestion(question));
      statuses.add(answer.status);
      expect(invariantProblems(answer), question).toEqual([]);
    }
    expect([...statuses].sort()).toEqual(["answered", "no_evidence"]);
  });

  it("quotes, for each source, the sentence the bullet rests on, not the passage's start", () => {
    const answer = library.ask(validateQuestion("Who is the CEO of Trend Micro?"));
    for (const bullet of answer.bullets) {
      const lead = answer.sources[(bullet.citations[0] ?? 0) - 1];
      expect(lead?.quote).toBeDefined();
    }
    for (const source of answer.sources) {
      expect(source.quote).toBeDefined();
      expect(source.passage).toContain(source.quote);
      expect(source.quote?.length ?? 0).toBeLessThanOrEqual(source.passage.length);
    }
    expect(answer.bullets).toHaveLength(1);
    for (const source of answer.sources) expect(source.quote).toMatch(/Eva Chen/);
  });
});
