import { describe, expect, it } from "vitest";
import { expectedAnswerType, holdsAnswerType } from "../../../src/core/answer/answer-type.ts";
import { validateQuestion } from "../../../src/core/answer/question.ts";
import { guessQuestionLanguage } from "../../../src/core/answer/question-language.ts";
import { trimSentence } from "../../../src/core/answer/trim-sentence.ts";
import { questionInContext } from "../../../src/flows/ask/follow-up.ts";

const undetermined = () => "und";

describe("question language", () => {
  it("reads short questions by their function words", () => {
    const indexed = ["en", "fr", "nl"];
    expect(guessQuestionLanguage("Who is the CEO?", indexed, undetermined)).toBe("en");
    expect(guessQuestionLanguage("Wie is de CEO van Trend Micro?", indexed, undetermined)).toBe("nl");
    expect(guessQuestionLanguage("Qui est le directeur de Trend Micro ?", indexed, undetermined)).toBe("fr");
  });

  it("falls back to the detector when function words say nothing", () => {
    expect(guessQuestionLanguage("Trend Micro INTERPOL", ["en", "nl"], () => "nl")).toBe("nl");
  });
});

describe("answer types", () => {
  it("reads the expected answer type from the question word", () => {
    expect(expectedAnswerType("How many member countries does INTERPOL have?")).toBe("quantity");
    expect(expectedAnswerType("Wanneer opent het IGCI?")).toBe("time");
    expect(expectedAnswerType("Qui dirige Trend Micro ?")).toBe("name");
    expect(expectedAnswerType("What will Trend Micro provide?")).toBeUndefined();
  });

  it("finds dates, numbers and new names in sentences", () => {
    expect(holdsAnswerType("It opens in April 2015.", "time", "When does it open?")).toBe(true);
    expect(holdsAnswerType("It opens soon.", "time", "When does it open?")).toBe(false);
    expect(holdsAnswerType("It has 190 members.", "quantity", "How many members?")).toBe(true);
    expect(holdsAnswerType("The chief is Eva Chen.", "name", "Who is the chief?")).toBe(true);
    expect(holdsAnswerType("The chief spoke to Interpol.", "name", "Who spoke to Interpol?")).toBe(false);
  });
});

describe("question validation and trimming", () => {
  it("normalizes whitespace and rejects empty or over-long questions", () => {
    expect(validateQuestion("  what\n happened? ")).toBe("what happened?");
    expect(() => validateQuestion(" \t")).toThrow(/empty/);
    expect(() => validateQuestion("a".repeat(1_001))).toThrow(/1,001 characters/);
  });

  it("drops a leading connective only when a sentence remains", () => {
    const text = "Specifically, Trend Micro will deliver training.";
    const span = trimSentence(text, { start: 0, end: text.length });
    expect(text.slice(span.start, span.end)).toBe("Trend Micro will deliver training.");
    const lower = "Daarnaast zal Trend Micro helpen.";
    const kept = trimSentence(lower, { start: 0, end: lower.length });
    expect(lower.slice(kept.start, kept.end)).toBe(lower);
  });
});

describe("follow-up questions", () => {
  it("reads a follow-up together with the previous question", () => {
    expect(questionInContext("and what about the training?", "What will Trend Micro provide?")).toBe(
      "and what about the training? (What will Trend Micro provide?)",
    );
    expect(questionInContext("Who is the CEO of Trend Micro?", "What will Trend Micro provide?")).toBe(
      "Who is the CEO of Trend Micro?",
    );
    expect(questionInContext("and the CEO?", undefined)).toBe("and the CEO?");
  });
});
