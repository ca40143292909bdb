import { BriefingError, catalogued } from "../errors.ts";
import { message } from "../i18n/messages.ts";

export const MAX_QUESTION_CHARACTERS = 1_000;

declare const VALIDATED: unique symbol;
/** A question that passed validateQuestion: trimmed, not empty, not too long. Only validateQuestion makes one. */
export type Question = string & { readonly [VALIDATED]: true };

/** Trims a question and rejects what cannot be a question, with a message that says how to fix it. */
export function validateQuestion(raw: string): Question {
  const question = raw.replace(/\s+/g, " ").trim();
  if (question.length === 0) {
    throw new BriefingError(
      "INVALID_QUESTION",
      'The question is empty: ask something like "What will Trend Micro provide?"',
      catalogued("questionEmpty"),
    );
  }
  if (question.length > MAX_QUESTION_CHARACTERS) {
    throw new BriefingError(
      "INVALID_QUESTION",
      `The question is ${question.length.toLocaleString("en")} characters long; keep it under ${MAX_QUESTION_CHARACTERS.toLocaleString("en")}.`,
      {
        userText: true,
        says: (language) =>
          message(
            language,
            "questionTooLong",
            question.length.toLocaleString(language),
            MAX_QUESTION_CHARACTERS.toLocaleString(language),
          ),
      },
    );
  }
  return question as Question;
}
