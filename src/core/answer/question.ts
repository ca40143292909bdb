import { BriefingError } from "../errors.ts";

export const MAX_QUESTION_CHARACTERS = 1_000;

/** Trims a question and rejects what cannot be a question, with a message that says how to fix it. */
export function validateQuestion(raw: string): string {
  const question = raw.replace(/\s+/g, " ").trim();
  if (question.length === 0) {
    throw new BriefingError(
      "INVALID_QUESTION",
      'The question is empty: ask something like "What will Trend Micro provide?"',
    );
  }
  if (question.length > MAX_QUESTION_CHARACTERS) {
    throw new BriefingError(
      "INVALID_QUESTION",
      `The question is ${question.length.toLocaleString("en")} characters long; keep it under ${MAX_QUESTION_CHARACTERS.toLocaleString("en")}.`,
    );
  }
  return question;
}
