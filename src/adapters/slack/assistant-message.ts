import type { ConversationMemory, QuestionQueue } from "../../core/chat.ts";
import { interfaceLanguage } from "../../core/i18n/interface-language.ts";
import { message } from "../../core/i18n/messages.ts";
import { sendSafely } from "../chat/chat-log.ts";
import { enqueueQuestion, screenQuestion } from "../chat/inbound-ask.ts";
import type { SlackMessage } from "./blocks.ts";
import { freshThreadContext, rememberTurn } from "./handle-app-mention.ts";
import { plainTextFromSlack } from "./incoming-text.ts";
import { slackEventJobId } from "./job-ids.ts";
import type { SlackLog } from "./log.ts";
import { renderSlackText } from "./render-answer.ts";
import { renderSlackHelp } from "./render-help.ts";

/** A message in an assistant thread (Slack's agent view): built from Bolt's Assistant arguments, or by hand. */
export interface IncomingAssistantMessage {
  eventId: string | undefined;
  teamId: string | undefined;
  channelId: string;
  threadTs: string;
  userId: string | undefined;
  botId: string | undefined;
  text: string;
  ts: string;
  /** Posts in the assistant thread (usage, a refusal, a queue failure). */
  reply(message: SlackMessage): Promise<void>;
  /** The thread's status line under the question ("Searching the articles…"); cleared by the next post. */
  setStatus(status: string): Promise<void>;
}

export interface AssistantMessageDependencies {
  botUserId: string | undefined;
  questions: QuestionQueue;
  memory: ConversationMemory;
  now(): number;
  log: SlackLog;
  /** A thread whose last question is older than this is asked afresh, without its earlier questions. */
  idleMs: number;
  command?: string;
}

export type AssistantMessageOutcome =
  | "ignored"
  | "enqueued"
  | "duplicate"
  | "help"
  | "refused"
  | "queue_failed";

/**
 * A question in an assistant thread: queued like any other, its target marked as an assistant thread so that
 * the worker shows progress as the thread's status and streams the answer. The thread's earlier questions,
 * while fresh, are its context. Briefbot's own messages in the thread (the streamed answers) are ignored.
 */
export async function handleAssistantMessage(
  incoming: IncomingAssistantMessage,
  dependencies: AssistantMessageDependencies,
): Promise<AssistantMessageOutcome> {
  const { botUserId, log } = dependencies;
  if (incoming.botId || !incoming.userId || incoming.userId === botUserId) return "ignored";
  const tell = (reply: SlackMessage) =>
    sendSafely(() => incoming.reply(reply), log, "slack_assistant_reply_failed", {
      channelId: incoming.channelId,
      threadTs: incoming.threadTs,
    });
  const screened = await screenQuestion(
    plainTextFromSlack(incoming.text, botUserId),
    {
      help: (language) => tell(renderSlackHelp(dependencies.command, language)),
      refuse: (reason) => tell(renderSlackText(reason)),
    },
    { helpWords: true },
  );
  if (typeof screened === "string") return screened;
  const previousQuestion = await freshThreadContext(incoming.channelId, incoming.threadTs, dependencies);
  const outcome = await enqueueQuestion(
    {
      jobId: slackEventJobId(incoming),
      question: screened.question,
      previousQuestion,
      target: {
        platform: "slack",
        ...(incoming.teamId ? { teamId: incoming.teamId } : {}),
        channelId: incoming.channelId,
        userId: incoming.userId,
        threadTs: incoming.threadTs,
        assistantThread: true,
      },
    },
    dependencies,
    (notice) => tell(renderSlackText(notice)),
  );
  if (outcome !== "enqueued") return outcome;
  await sendSafely(
    () => incoming.setStatus(message(interfaceLanguage(screened.question), "searchingTheArticles")),
    log,
    "slack_assistant_status_failed",
    { channelId: incoming.channelId, threadTs: incoming.threadTs },
  );
  await rememberTurn(incoming.channelId, incoming.threadTs, screened.question, dependencies);
  return "enqueued";
}
