import type { Vote } from "../../core/feedback/index.ts";
import type { SlackActionsBlock } from "./blocks.ts";

/** The action ids of the two buttons; each button's value is the answer's job id. */
export const FEEDBACK_ACTIONS: Record<Vote, string> = {
  up: "briefbot_feedback_up",
  down: "briefbot_feedback_down",
};

/** Slack's limit on a button's value. */
const VALUE_LIMIT = 2_000;

/** 👍 / 👎 under an answer; undefined when the job id cannot be a button's value. */
export function feedbackButtons(jobId: string): SlackActionsBlock | undefined {
  if (jobId.length === 0 || jobId.length > VALUE_LIMIT) return undefined;
  const button = (vote: Vote, label: string) => ({
    type: "button" as const,
    action_id: FEEDBACK_ACTIONS[vote],
    text: { type: "plain_text" as const, text: label, emoji: true as const },
    value: jobId,
  });
  return { type: "actions", elements: [button("up", "👍 Helpful"), button("down", "👎 Not helpful")] };
}

export function voteOfAction(actionId: string): Vote | undefined {
  if (actionId === FEEDBACK_ACTIONS.up) return "up";
  if (actionId === FEEDBACK_ACTIONS.down) return "down";
  return undefined;
}
