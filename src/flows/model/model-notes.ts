import type { ModelProgress } from "../../core/answer/model/index.ts";
import { countOf, type InterfaceLanguage, message } from "../../core/i18n/messages.ts";

/** One line of progress in the placeholder message while a model writes the answer, in the asker's language. */
export function progressText(progress: ModelProgress, language: InterfaceLanguage = "en"): string {
  const passages = countOf(language, progress.passages, "passage");
  const articles = countOf(language, progress.articles, "article");
  switch (progress.stage) {
    case "reading":
      return message(language, "reading", passages, articles);
    case "writing": {
      const writing = message(language, "writing", passages, articles);
      return progress.bulletsSoFar > 0
        ? `${writing} ${message(language, "soFar", countOf(language, progress.bulletsSoFar, "point"))}`
        : writing;
    }
    case "checking":
      return message(language, "checking");
  }
}

export const RETRYING_TEXT = "The language model did not answer; trying again in a few seconds…";

export type FallbackReason = "budget" | "failed" | "invalid" | "rejected";

/** Why what a model should have written (an answer, or a digest's summaries) is the articles' own sentences. */
export function fallbackNote(reason: FallbackReason, what: "answer" | "summaries" = "answer"): string {
  const made = `${what === "answer" ? "this answer is" : "these summaries are"} made of sentences taken from the articles`;
  switch (reason) {
    case "budget":
      return `Today's language-model budget is spent, so ${made}; model-written ones are back tomorrow (UTC).`;
    case "failed":
      return `The language model is not answering right now, so ${made}.`;
    case "invalid":
      return `The language model's reply could not be used, so ${made}.`;
    case "rejected":
      return `The language model refused the request (check its configuration), so ${made}.`;
  }
}

export const UNCHECKED_SUMMARY_NOTE =
  "The language model's summary could not be checked against the articles, so these are sentences taken from them.";
