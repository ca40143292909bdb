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

const bulletsText = (answer: Answer) =>
  answer.bullets
    .map((bullet) => bullet.text)
    .join("\n")
    .toLowerCase();
const citedArticles = (answer: Answer) => new Set(answer.sources.map((source) => source.articleId));

function expectWellCited(answer: Answer): void {
  expect(answerJsonSchema.safeParse(answer).success).toBe(true);
  expect(citationProblems(answer)).toEqual([]);
  expect(answer.bullets.length).toBeGreaterThan(0);
  expect(answer.bullets.length).toBeLessThanOrEqual(5);
}

describe("answers from the seed articles", () => {
  it("tells what Trend Micro will provide: several facts, several articles, each cited", () => {
    const answer = library.ask(validateQuestion("What will Trend Micro provide?"));
    expect(answer.status).toBe("answered");
    expectWellCited(answer);
    const text = bulletsText(answer);
    expect(text).toMatch(/threat/);
    expect(text).toMatch(/train/);
    expect(text).toMatch(/researcher|onsite|on site/);
    expect(text).toMatch(/alert/);
    expect(citedArticles(answer).size).toBeGreaterThanOrEqual(3);
    expect(answer.bullets.some((bullet) => bullet.citations.length >= 2)).toBe(true);
  });

  it("answers who leads Trend Micro", () => {
    const answer = library.ask(validateQuestion("Who is the CEO of Trend Micro?"));
    expectWellCited(answer);
    expect(answer.bullets[0]?.text).toMatch(/Eva Chen/);
  });

  it("answers where the INTERPOL complex is", () => {
    const answer = library.ask(validateQuestion("Where is the INTERPOL Global Complex for Innovation?"));
    expectWellCited(answer);
    expect(bulletsText(answer)).toMatch(/singapore|singapour/);
  });

  it("answers a Dutch question from the Dutch article, in Dutch", () => {
    const answer = library.ask(validateQuestion("Wat gaat Trend Micro met Interpol delen?"));
    expectWellCited(answer);
    const first = answer.bullets[0];
    const firstSource = answer.sources[(first?.citations[0] ?? 0) - 1];
    expect(firstSource?.language).toBe("nl");
    expect(first?.text.toLowerCase()).toMatch(/delen/);
  });

  it("answers a French question from the French article, in French", () => {
    const answer = library.ask(validateQuestion("Quelles formations Trend Micro va-t-il organiser ?"));
    expectWellCited(answer);
    expect(answer.sources.some((source) => source.language === "fr")).toBe(true);
    const first = answer.bullets[0];
    expect(answer.sources[(first?.citations[0] ?? 0) - 1]?.language).toBe("fr");
  });

  it("says plainly when the articles do not hold the answer", () => {
    const answer = library.ask(validateQuestion("What did Microsoft announce about Windows licensing?"));
    expect(answer.status).toBe("no_evidence");
    expect(answer.bullets).toEqual([]);
    expect(answer.sources).toEqual([]);
    expect(answer.message).toMatch(/Microsoft/);
    expect(answerJsonSchema.safeParse(answer).success).toBe(true);
  });

  it("abstains on questions about other subjects in every language", () => {
    for (const question of [
      "Wie won de Tour de France in 2019?",
      "Quel est le prix du pétrole brut aujourd'hui ?",
      "How many goals did Messi score last season?",
    ]) {
      expect(library.ask(validateQuestion(question)).status, question).toBe("no_evidence");
    }
  });

  it("rejects an empty or a 10,000-character question with a clear error", () => {
    expect(() => library.ask(validateQuestion("   "))).toThrowError(/empty/);
    expect(() => library.ask(validateQuestion("x".repeat(10_000)))).toThrowError(/10,000 characters/);
    expect(() => library.ask(validateQuestion(""))).toThrowError(
      expect.objectContaining({ code: "INVALID_QUESTION" }),
    );
  });
});
