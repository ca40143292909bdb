import type { ConversationMemory, QuestionQueue } from "../../core/chat.ts";
import { discordConversationKey } from "../../core/conversation-key.ts";
import { contextOfTurns, DEFAULT_FOLLOW_UP_IDLE_MS } from "../../flows/ask/follow-up.ts";
import { sendSafely } from "../chat/chat-log.ts";
import { enqueueQuestion, screenQuestion } from "../chat/inbound-ask.ts";
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
  /** The message is a reply to one of the bot's messages (an answer): a follow-up. */
  repliesToBot?: boolean;
  /** Replies to this message without pinging anyone. */
  reply(payload: DiscordMessagePayload): Promise<void>;
}

export interface MessageHandlerDependencies {
  botUserId: string;
  botName: string;
  questions: QuestionQueue;
  /** Each asker's latest questions in a channel: a reply to the bot's answer is read with them. */
  memory?: ConversationMemory;
  /** How long after an asker's last question a reply to the bot is still read with it. */
  followUpIdleMs?: number;
  now(): number;
  log: DiscordLog;
}

/** The asker's earlier questions as context, for a reply to the bot's answer that is still fresh. */
async function earlierContext(
  message: IncomingDiscordMessage,
  dependencies: MessageHandlerDependencies,
): Promise<string | undefined> {
  const { memory, log } = dependencies;
  if (!message.repliesToBot || !memory) return undefined;
  try {
    const turns = await memory.turns(discordConversationKey(message.channelId, message.authorId));
    const idleMs = dependencies.followUpIdleMs ?? DEFAULT_FOLLOW_UP_IDLE_MS;
    if (!turns || dependencies.now() - turns.lastAt > idleMs) return undefined;
    return contextOfTurns(turns.questions);
  } catch (error) {
    log("discord_memory_failed", { messageId: message.id, error: errorText(error) });
    return undefined;
  }
}

export type MessageOutcome = "ignored" | "enqueued" | "duplicate" | "usage" | "refused" | "queue_failed";

function withoutBotMention(content: string, botUserId: string): string {
  return content.replace(new RegExp(`<@!?${botUserId}>`, "gu"), " ");
}

async function replySafely(message: IncomingDiscordMessage, payload: DiscordMessagePayload, log: DiscordLog) {
  await sendSafely(() => message.reply(payload), log, "discord_reply_failed", { messageId: message.id });
}

/**
 * A mention, a direct message, or a reply to one of the bot's answers becomes one queued question; the worker
 * posts the answer. A reply to an answer is a follow-up, read with the asker's latest questions in the channel.
 */
export async function handleDiscordMessage(
  message: IncomingDiscordMessage,
  dependencies: MessageHandlerDependencies,
): Promise<MessageOutcome> {
  const { botUserId, log } = dependencies;
  if (message.authorIsBot || message.authorId === botUserId) return "ignored";
  if (!message.mentionsBot && !message.isDirectMessage && !message.repliesToBot) return "ignored";
  const receivedAt = dependencies.now();

  const screened = await screenQuestion(withoutBotMention(message.content, botUserId), {
    help: () => replySafely(message, renderDiscordHelp(dependencies.botName), log),
    refuse: (reason) => replySafely(message, renderDiscordNotice(reason), log),
  });
  if (screened === "help") return "usage";
  if (screened === "refused") return "refused";
  const previousQuestion = await earlierContext(message, dependencies);
  const outcome = await enqueueQuestion(
    {
      jobId: `discord-msg-${message.id}`,
      question: screened.question,
      previousQuestion,
      receivedAt,
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
  if (outcome === "enqueued" && dependencies.memory) {
    await dependencies.memory
      .remember(
        discordConversationKey(message.channelId, message.authorId),
        screened.question,
        dependencies.now(),
      )
      .catch((error: unknown) =>
        log("discord_memory_failed", { messageId: message.id, error: errorText(error) }),
      );
  }
  return outcome;
}
