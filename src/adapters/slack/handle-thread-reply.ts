import type { ConversationMemory, QuestionQueue } from "../../core/chat.ts";
import { checkQuestion, enqueueQuestion } from "../chat/inbound-ask.ts";
import { looksLikeQuestion } from "../chat/looks-like-question.ts";
import { freshThreadContext, rememberTurn } from "./handle-app-mention.ts";
import { plainTextFromSlack } from "./incoming-text.ts";
import { slackEventJobId } from "./job-ids.ts";
import type { SlackLog } from "./log.ts";

/** What the handler needs from a `message` event; built from Bolt's arguments, or by hand in tests. */
export interface IncomingThreadReply {
  eventId: string | undefined;
  teamId: string | undefined;
  channelId: string;
  userId: string | undefined;
  botId: string | undefined;
  /** Edits, deletions, joins and the like carry a subtype: only plain messages are read. */
  subtype: string | undefined;
  /** "im" for a direct message to the bot: every message there is a question. */
  channelType?: string | undefined;
  text: string;
  ts: string;
  threadTs: string | undefined;
}

export interface ThreadReplyDependencies {
  botUserId: string | undefined;
  questions: QuestionQueue;
  memory: ConversationMemory;
  now(): number;
  log: SlackLog;
  /** A thread whose last question is older than this is not followed any more (0: never followed untagged). */
  idleMs: number;
}

export type ThreadReplyOutcome = "ignored" | "enqueued" | "duplicate" | "queue_failed";

/**
 * A reply, without a mention, in a thread where Briefbot answered recently: a follow-up, answered in the thread
 * with the thread's earlier questions as context. A reply that mentions the bot is left to the app_mention
 * handler (Slack sends both events for it), and one that does not read as a question ("thanks!") is left alone.
 */
export async function handleThreadReply(
  reply: IncomingThreadReply,
  dependencies: ThreadReplyDependencies,
): Promise<ThreadReplyOutcome> {
  const { botUserId, log } = dependencies;
  if (reply.subtype || reply.botId || !reply.userId || reply.userId === botUserId) return "ignored";
  if (reply.channelType === "im") return await handleDirectMessage(reply, reply.userId, dependencies);
  if (!reply.threadTs || reply.threadTs === reply.ts || dependencies.idleMs <= 0) return "ignored";
  if (botUserId && reply.text.includes(`<@${botUserId}`)) return "ignored";
  const previousQuestion = await freshThreadContext(reply.channelId, reply.threadTs, dependencies);
  if (previousQuestion === undefined) return "ignored";
  const text = plainTextFromSlack(reply.text, botUserId);
  const check = checkQuestion(text);
  if (check.kind !== "question" || !looksLikeQuestion(check.question)) return "ignored";
  const outcome = await enqueueQuestion(
    {
      jobId: slackEventJobId(reply),
      question: check.question,
      previousQuestion,
      target: {
        platform: "slack",
        ...(reply.teamId ? { teamId: reply.teamId } : {}),
        channelId: reply.channelId,
        userId: reply.userId,
        threadTs: reply.threadTs,
      },
    },
    dependencies,
    async () => {},
  );
  if (outcome === "enqueued") {
    log("slack_follow_up_queued", { channelId: reply.channelId, threadTs: reply.threadTs });
    await rememberTurn(reply.channelId, reply.threadTs, check.question, dependencies);
  }
  return outcome;
}

/** The key under which a direct-message conversation's latest questions are remembered. */
const DIRECT_THREAD = "dm";

/**
 * A direct message to the bot: a question, answered in the conversation (in its thread when it has one), read
 * with the conversation's latest questions while they are fresh.
 */
async function handleDirectMessage(
  message: IncomingThreadReply,
  userId: string,
  dependencies: ThreadReplyDependencies,
): Promise<ThreadReplyOutcome> {
  const { botUserId } = dependencies;
  const check = checkQuestion(plainTextFromSlack(message.text, botUserId));
  if (check.kind !== "question") return "ignored";
  const thread = message.threadTs ?? DIRECT_THREAD;
  const previousQuestion = await freshThreadContext(message.channelId, thread, dependencies);
  const outcome = await enqueueQuestion(
    {
      jobId: slackEventJobId(message),
      question: check.question,
      previousQuestion,
      target: {
        platform: "slack",
        ...(message.teamId ? { teamId: message.teamId } : {}),
        channelId: message.channelId,
        userId,
        ...(message.threadTs ? { threadTs: message.threadTs } : {}),
      },
    },
    dependencies,
    async () => {},
  );
  if (outcome === "enqueued") await rememberTurn(message.channelId, thread, check.question, dependencies);
  return outcome;
}
