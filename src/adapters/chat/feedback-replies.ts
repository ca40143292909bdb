import { type InterfaceLanguage, type MessageKey, message } from "../../core/i18n/messages.ts";
import type { VoteOutcome } from "../../flows/feedback/record-vote.ts";

const KEYS: Record<VoteOutcome | "unavailable", MessageKey> = {
  recorded: "feedbackRecorded",
  already_voted: "feedbackAlreadyVoted",
  refused: "feedbackRefused",
  unavailable: "feedbackUnavailable",
};

/** What the person who clicked 👍/👎 is told, privately, in their language where the platform says it. */
export function feedbackReply(
  outcome: VoteOutcome | "unavailable",
  language: InterfaceLanguage = "en",
): string {
  return message(language, KEYS[outcome]);
}
