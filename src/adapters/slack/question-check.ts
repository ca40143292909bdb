import { validateQuestion } from "../../core/answer/question.ts";
import { isBriefingError } from "../../core/errors.ts";

export type QuestionCheck =
  | { kind: "question"; question: string }
  | { kind: "help" }
  | { kind: "refused"; reason: string };

/** A question as typed: empty or "help" (show usage), refused (say why), or ready to queue. */
export function checkQuestion(text: string): QuestionCheck {
  const trimmed = text.trim();
  if (trimmed.length === 0 || /^(?:help|\?)$/iu.test(trimmed)) return { kind: "help" };
  try {
    return { kind: "question", question: validateQuestion(trimmed) };
  } catch (error) {
    if (isBriefingError(error)) return { kind: "refused", reason: error.userMessage() };
    throw error;
  }
}
