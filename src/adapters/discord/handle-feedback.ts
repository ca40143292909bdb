import type { FeedbackStore } from "../../core/feedback/index.ts";
import { interfaceLanguageOf } from "../../core/i18n/interface-language.ts";
import { recordVote } from "../../flows/feedback/record-vote.ts";
import { feedbackReply } from "../chat/feedback-replies.ts";
import { parseFeedbackCustomId } from "./feedback-buttons.ts";
import { type DiscordLog, errorText } from "./log.ts";

/** A click on a 👍/👎 button of an answer: a component interaction. */
export interface IncomingFeedbackClick {
  customId: string;
  guildId: string | undefined;
  channelId: string | undefined;
  userId: string;
  /** The member's client language, for the reply. */
  locale?: string | undefined;
  /** Acknowledges the click with a private "thinking…" reply: Discord fails the click unless this comes within 3 s. */
  deferPrivately(): Promise<void>;
  /** Replaces the private reply. */
  tellClicker(text: string): Promise<void>;
}

export interface FeedbackDependencies {
  /** Absent: clicks are acknowledged and the clicker told that feedback is unavailable. */
  feedback: FeedbackStore | undefined;
  log: DiscordLog;
  now: () => number;
}

/** Acknowledges first, then records the vote (once per user per answer) and thanks the clicker privately. */
export async function handleDiscordFeedback(click: IncomingFeedbackClick, deps: FeedbackDependencies) {
  const parsed = parseFeedbackCustomId(click.customId);
  if (!parsed) return;
  await click.deferPrivately();
  const language = interfaceLanguageOf(click.locale);
  let reply = feedbackReply("unavailable", language);
  if (deps.feedback) {
    try {
      const outcome = await recordVote(
        {
          platform: "discord",
          jobId: parsed.jobId,
          userId: click.userId,
          vote: parsed.vote,
          channelId: click.channelId ?? "",
          ...(click.guildId ? { tenantId: click.guildId } : {}),
        },
        deps.feedback,
        deps.log,
        deps.now,
      );
      reply = feedbackReply(outcome, language);
    } catch (error) {
      deps.log("feedback_failed", { platform: "discord", error: errorText(error) });
    }
  }
  await click.tellClicker(reply).catch((error: unknown) => {
    deps.log("feedback_reply_failed", { platform: "discord", error: errorText(error) });
  });
}
