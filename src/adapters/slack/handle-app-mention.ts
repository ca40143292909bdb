import type { ConversationMemory, QuestionQueue } from "../../core/chat.ts";
import { sendSafely } from "../chat/chat-log.ts";
import { enqueueQuestion, screenQuestion } from "../chat/inbound-ask.ts";
import type { SlackMessage } from "./blocks.ts";
import { plainTextFromSlack } from "./incoming-text.ts";
import { slackJobId } from "./job-ids.ts";
import { errorText, type SlackLog } from "./log.ts";
import { renderSlackText } from "./render-answer.ts";
import { renderSlackHelp } from "./render-help.ts";

/** What the handler needs from an `app_mention` event; built from Bolt's arguments, or by hand in tests. */
export interface IncomingAppMention {
  /** The Events API envelope's id: the same on every retry of the event. */
  eventId: string | undefined;
  teamId: string | undefined;
  channelId: string;
  userId: string | undefined;
  /** Set when a bot (this one included) wrote the message. */
  botId: string | undefined;
  text: string;
  ts: string;
  threadTs: string | undefined;
  /** Tells the author something only they see, in the mention's thread. */
  tellAuthor(message: SlackMessage): Promise<void>;
}

export interface AppMentionDependencies {
  /** This app's bot user (from auth.test): its mention is removed from the question, its own messages ignored. */
  botUserId: string | undefined;
  questions: QuestionQueue;
  memory: ConversationMemory;
  now(): number;
  log: SlackLog;
  command?: string;
}

export type AppMentionOutcome = "ignored" | "enqueued" | "duplicate" | "help" | "refused" | "queue_failed";

/** The key under which a thread's last question is remembered. */
export function slackThreadKey(channelId: string, threadTs: string): string {
  return `slack:${channelId}:${threadTs}`;
}

async function tellSafely(mention: IncomingAppMention, message: SlackMessage, log: SlackLog) {
  await sendSafely(() => mention.tellAuthor(message), log, "slack_tell_author_failed", {
    channelId: mention.channelId,
    ts: mention.ts,
  });
}

async function previousQuestion(mention: IncomingAppMention, memory: ConversationMemory, log: SlackLog) {
  if (!mention.threadTs) return undefined;
  try {
    return await memory.lastQuestion(slackThreadKey(mention.channelId, mention.threadTs));
  } catch (error) {
    log("slack_memory_failed", { channelId: mention.channelId, error: errorText(error) });
    return undefined;
  }
}

/**
 * A mention becomes one queued question, answered in the thread. Bolt has already acknowledged the event; a
 * retry of the same event (X-Slack-Retry-Num) gets the same job id, and the queue keeps one job.
 */
export async function handleAppMention(
  mention: IncomingAppMention,
  dependencies: AppMentionDependencies,
): Promise<AppMentionOutcome> {
  const { botUserId, log } = dependencies;
  if (mention.botId || !mention.userId || mention.userId === botUserId) return "ignored";

  const screened = await screenQuestion(
    plainTextFromSlack(mention.text, botUserId),
    {
      help: () => tellSafely(mention, renderSlackHelp(dependencies.command), log),
      refuse: (reason) => tellSafely(mention, renderSlackText(reason), log),
    },
    { helpWords: true },
  );
  if (typeof screened === "string") return screened;
  const threadTs = mention.threadTs ?? mention.ts;
  const earlier = await previousQuestion(mention, dependencies.memory, log);
  const outcome = await enqueueQuestion(
    {
      jobId: slackJobId("slack-ev", mention.eventId ?? `${mention.channelId}-${mention.ts}`),
      question: screened.question,
      previousQuestion: earlier,
      target: {
        platform: "slack",
        ...(mention.teamId ? { teamId: mention.teamId } : {}),
        channelId: mention.channelId,
        userId: mention.userId,
        threadTs,
      },
    },
    dependencies,
    (notice) => tellSafely(mention, renderSlackText(notice), log),
  );
  if (outcome !== "enqueued") return outcome;
  try {
    await dependencies.memory.remember(slackThreadKey(mention.channelId, threadTs), screened.question);
  } catch (error) {
    log("slack_memory_failed", { channelId: mention.channelId, error: errorText(error) });
  }
  return "enqueued";
}
