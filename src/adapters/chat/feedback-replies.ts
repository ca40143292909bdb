import type { VoteOutcome } from "../../flows/feedback/record-vote.ts";

/** What the person who clicked 👍/👎 is told, privately. */
export const FEEDBACK_REPLIES: Record<VoteOutcome | "unavailable", string> = {
  recorded: "Thanks for your feedback!",
  already_voted: "Thanks: you already rated this answer, and your first vote is the one that counts.",
  refused: "This answer cannot be rated from here.",
  unavailable: "Sorry, feedback could not be recorded right now. Please try again in a minute.",
};
