import type { QuestionQueue } from "../../core/chat.ts";
import { sendSafely } from "../chat/chat-log.ts";
import { enqueueQuestion, screenQuestion } from "../chat/inbound-ask.ts";
import type { DiscordLog } from "./log.ts";
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
  await sendSafely(() => message.reply(payload), log, "discord_reply_failed", { messageId: message.id });
}

/** A mention (or a direct message) becomes one queued question; the worker posts the answer. */
export async function handleDiscordMessage(
  message: IncomingDiscordMessage,
  dependencies: MessageHandlerDependencies,
): Promise<MessageOutcome> {
  const { botUserId, log } = dependencies;
  if (message.authorIsBot || message.authorId === botUserId) return "ignored";
  if (!message.mentionsBot && !message.isDirectMessage) return "ignored";

  const screened = await screenQuestion(withoutBotMention(message.content, botUserId), {
    help: () => replySafely(message, renderDiscordHelp(dependencies.botName), log),
    refuse: (reason) => replySafely(message, renderDiscordNotice(reason), log),
  });
  if (screened === "help") return "usage";
  if (screened === "refused") return "refused";
  return await enqueueQuestion(
    {
      jobId: `discord-msg-${message.id}`,
      question: screened.question,
      target: {
        platform: "discord",
        channelId: message.channelId,
        ...(message.guildId ? { guildId: message.guildId } : {}),
        userId: message.authorId,
        replyToMessageId: message.id,
      },
    },
    dependencies,
    (notice) => replySafely(message, renderDiscordNotice(notice), log),
  );
}
