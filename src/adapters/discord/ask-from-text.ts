import { validateQuestion } from "../../core/answer/question.ts";
import { isBriefingError } from "../../core/errors.ts";

export type QuestionCheck =
  | { kind: "question"; question: string }
  | { kind: "empty" }
  | { kind: "refused"; reason: string };

/** The question in a message or command option: empty (show usage), refused (say why), or ready to queue. */
export function checkQuestion(text: string): QuestionCheck {
  if (text.trim().length === 0) return { kind: "empty" };
  try {
    return { kind: "question", question: validateQuestion(text) };
  } catch (error) {
    if (isBriefingError(error)) return { kind: "refused", reason: error.userMessage() };
    throw error;
  }
}

export const QUEUE_FAILED_NOTICE =
  "Sorry, I could not queue your question: the question queue is not reachable right now. Please try again in a minute.";
