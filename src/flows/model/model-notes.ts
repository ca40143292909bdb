import type { ModelProgress } from "../../core/answer/model/index.ts";
import { countOf, type InterfaceLanguage, type MessageKey, message } from "../../core/i18n/messages.ts";

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

export const RETRYING_TEXT = message("en", "modelRetrying");

export type FallbackReason = "budget" | "failed" | "invalid" | "rejected";

const FALLBACK_MESSAGES = {
  budget: "modelBudgetSpent",
  failed: "modelNotAnswering",
  invalid: "modelReplyUnusable",
  rejected: "modelRefused",
} as const satisfies Record<FallbackReason, MessageKey>;

/** Why what a model should have written (an answer, or a digest's summaries) is the articles' own sentences. */
export function fallbackNote(
  reason: FallbackReason,
  what: "answer" | "summaries" = "answer",
  language: InterfaceLanguage = "en",
): string {
  const made = message(language, what === "answer" ? "modelMadeAnswer" : "modelMadeSummaries");
  return message(language, FALLBACK_MESSAGES[reason], made);
}

/** The note of a summary whose model-written sentences could not be checked, in `language`. */
export function uncheckedSummaryNote(language: InterfaceLanguage = "en"): string {
  return message(language, "modelSummaryUnchecked");
}

export const UNCHECKED_SUMMARY_NOTE = uncheckedSummaryNote();
