import type { AskRequest, QuestionQueue } from "../../core/chat.ts";
import { checkQuestion, QUEUE_FAILED_NOTICE } from "./ask-from-text.ts";
import { type DiscordLog, errorText } from "./log.ts";
import type { DiscordMessagePayload } from "./payload.ts";
import { renderDiscordHelp, renderDiscordNotice } from "./render-help.ts";

/** What the handler needs from a Discord message; built from discord.js in client.ts, or by hand in tests. */
export interface IncomingDiscordMessage {
  id: string;
  channelId: string;
  guildId: string | undefined;
  authorId: string;
  /** Bots (this one included), webhooks and system messages: never answered. */
  authorIsBot: boolean;
  content: string;
  /** The bot is mentioned as a user; `@everyone` and role mentions do not count. */
  mentionsBot: boolean;
  isDirectMessage: boolean;
  /** Replies to this message without pinging anyone. */
  reply(payload: DiscordMessagePayload): Promise<void>;
}

export interface MessageHandlerDependencies {
  botUserId: string;
  botName: string;
  questions: QuestionQueue;
  now(): number;
  log: DiscordLog;
}

export type MessageOutcome = "ignored" | "enqueued" | "duplicate" | "usage" | "refused" | "queue_failed";

function withoutBotMention(content: string, botUserId: string): string {
  return content.replace(new RegExp(`<@!?${botUserId}>`, "gu"), " ");
}

async function replySafely(message: IncomingDiscordMessage, payload: DiscordMessagePayload, log: DiscordLog) {
  try {
    await message.reply(payload);
  } catch (error) {
    log("discord_reply_failed", { messageId: message.id, error: errorText(error) });
  }
}

/** A mention (or a direct message) becomes one queued question; the worker posts the answer. */
export async function handleDiscordMessage(
  message: IncomingDiscordMessage,
  dependencies: MessageHandlerDependencies,
): Promise<MessageOutcome> {
  const { botUserId, log } = dependencies;
  if (message.authorIsBot || message.authorId === botUserId) return "ignored";
  if (!message.mentionsBot && !message.isDirectMessage) return "ignored";

  const check = checkQuestion(withoutBotMention(message.content, botUserId));
  if (check.kind === "empty") {
    await replySafely(message, renderDiscordHelp(dependencies.botName), log);
    return "usage";
  }
  if (check.kind === "refused") {
    await replySafely(message, renderDiscordNotice(check.reason), log);
    return "refused";
  }
  const request: AskRequest = {
    jobId: `discord-msg-${message.id}`,
    question: check.question,
    target: {
      platform: "discord",
      channelId: message.channelId,
      ...(message.guildId ? { guildId: message.guildId } : {}),
      userId: message.authorId,
      replyToMessageId: message.id,
    },
    requestedAt: dependencies.now(),
  };
  try {
    const { enqueued } = await dependencies.questions.ask(request);
    log("discord_question_queued", { jobId: request.jobId, enqueued });
    return enqueued ? "enqueued" : "duplicate";
  } catch (error) {
    log("discord_queue_failed", { jobId: request.jobId, error: errorText(error) });
    await replySafely(message, renderDiscordNotice(QUEUE_FAILED_NOTICE), log);
    return "queue_failed";
  }
}
