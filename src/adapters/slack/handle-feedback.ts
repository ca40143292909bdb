import type { FeedbackStore } from "../../core/feedback/index.ts";
import { interfaceLanguage } from "../../core/i18n/interface-language.ts";
import { recordVoteOnQuestion } from "../../flows/feedback/record-vote.ts";
import { feedbackReply } from "../chat/feedback-replies.ts";
import { voteOfAction } from "./feedback-buttons.ts";
import { errorText, type SlackLog } from "./log.ts";

/** A click on a 👍/👎 button of an answer, from a `block_actions` payload. */
export interface IncomingFeedbackClick {
  actionId: string;
  /** The button's value: the answer's job id. */
  value: string;
  teamId: string | undefined;
  channelId: string | undefined;
  userId: string;
  /** Acknowledges the click: Slack shows an error unless this happens within 3 s. */
  ack(): Promise<void>;
  /** Tells the person who clicked, privately. */
  tellClicker(text: string): Promise<void>;
}

export interface FeedbackDependencies {
  /** Absent: clicks are acknowledged and the clicker told that feedback is unavailable. */
  feedback: FeedbackStore | undefined;
  log: SlackLog;
  now: () => number;
}

/** Acknowledges first, then records the vote (once per user per answer) and thanks the clicker. */
export async function handleSlackFeedback(click: IncomingFeedbackClick, deps: FeedbackDependencies) {
  await click.ack();
  const vote = voteOfAction(click.actionId);
  if (!vote) return;
  // Slack's clicks carry no language: the reply speaks the language of the answer's question (else English).
  let reply = feedbackReply("unavailable");
  if (deps.feedback) {
    try {
      const { outcome, question } = await recordVoteOnQuestion(
        {
          platform: "slack",
          jobId: click.value,
          userId: click.userId,
          vote,
          channelId: click.channelId ?? "",
          ...(click.teamId ? { tenantId: click.teamId } : {}),
        },
        deps.feedback,
        deps.log,
        deps.now,
      );
      reply = feedbackReply(outcome, question === undefined ? "en" : interfaceLanguage(question));
    } catch (error) {
      deps.log("feedback_failed", { platform: "slack", error: errorText(error) });
    }
  }
  await click.tellClicker(reply).catch((error: unknown) => {
    deps.log("feedback_reply_failed", { platform: "slack", error: errorText(error) });
  });
}
