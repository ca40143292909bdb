import type { ConversationMemory, ConversationTurns, QuestionQueue } from "../../core/chat.ts";
import { slackConversationKey } from "../../core/conversation-key.ts";
import { contextOfTurns } from "../../flows/ask/follow-up.ts";
import { sendSafely } from "../chat/chat-log.ts";
import { enqueueQuestion, screenQuestion } from "../chat/inbound-ask.ts";
import type { SlackMessage } from "./blocks.ts";
import { plainTextFromSlack } from "./incoming-text.ts";
import { slackEventJobId } from "./job-ids.ts";
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

/** The key under which a thread's latest questions are remembered (the worker finds it from the reply target). */
export function slackThreadKey(channelId: string, threadTs: string): string {
  return slackConversationKey(channelId, threadTs);
}

async function tellSafely(mention: IncomingAppMention, message: SlackMessage, log: SlackLog) {
  await sendSafely(() => mention.tellAuthor(message), log, "slack_tell_author_failed", {
    channelId: mention.channelId,
    ts: mention.ts,
  });
}

/** The thread's earlier questions, or undefined (and a log line) when the memory cannot be read. */
export async function threadTurns(
  channelId: string,
  threadTs: string,
  memory: ConversationMemory,
  log: SlackLog,
): Promise<ConversationTurns | undefined> {
  try {
    return await memory.turns(slackThreadKey(channelId, threadTs));
  } catch (error) {
    log("slack_memory_failed", { channelId, error: errorText(error) });
    return undefined;
  }
}

/**
 * The thread's earlier questions as the context of a new one, while the thread is fresh (its last question
 * within `idleMs`); undefined for a stale thread, one never asked in, or an unreadable memory.
 */
export async function freshThreadContext(
  channelId: string,
  threadTs: string,
  dependencies: { memory: ConversationMemory; now(): number; log: SlackLog; idleMs: number },
): Promise<string | undefined> {
  const turns = await threadTurns(channelId, threadTs, dependencies.memory, dependencies.log);
  if (turns === undefined || dependencies.now() - turns.lastAt > dependencies.idleMs) return undefined;
  return contextOfTurns(turns.questions);
}

/** Remembers a queued question as the thread's latest turn; a failure is logged, the question stays queued. */
export async function rememberTurn(
  channelId: string,
  threadTs: string,
  question: string,
  dependencies: { memory: ConversationMemory; now(): number; log: SlackLog },
): Promise<void> {
  try {
    await dependencies.memory.remember(slackThreadKey(channelId, threadTs), question, dependencies.now());
  } catch (error) {
    dependencies.log("slack_memory_failed", { channelId, error: errorText(error) });
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
  const receivedAt = dependencies.now();

  const screened = await screenQuestion(
    plainTextFromSlack(mention.text, botUserId),
    {
      help: (language) => tellSafely(mention, renderSlackHelp(dependencies.command, language), log),
      refuse: (reason) => tellSafely(mention, renderSlackText(reason), log),
    },
    { helpWords: true },
  );
  if (typeof screened === "string") return screened;
  const threadTs = mention.threadTs ?? mention.ts;
  const turns = mention.threadTs
    ? await threadTurns(mention.channelId, mention.threadTs, dependencies.memory, log)
    : undefined;
  const earlier = contextOfTurns(turns?.questions ?? []);
  const outcome = await enqueueQuestion(
    {
      jobId: slackEventJobId(mention),
      question: screened.question,
      previousQuestion: earlier,
      receivedAt,
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
  await rememberTurn(mention.channelId, threadTs, screened.question, dependencies);
  return "enqueued";
}
