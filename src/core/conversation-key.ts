import type { ReplyTarget } from "./reply-target.ts";

/** The key under which a Slack thread's latest questions are remembered (`dm` for a direct message's own). */
export function slackConversationKey(channelId: string, threadTs: string): string {
  return `slack:${channelId}:${threadTs}`;
}

/** The key under which an asker's latest questions in a Discord channel (or DM) are remembered. */
export function discordConversationKey(channelId: string, userId: string): string {
  return `discord:${channelId}:${userId}`;
}

/**
 * The conversation an answer to `target` belongs to, as the adapters remember its questions: a Slack thread
 * (or the direct message itself), an asker in a Discord channel; undefined where no conversation is kept.
 */
export function conversationKeyOf(target: ReplyTarget): string | undefined {
  if (target.platform === "discord") return discordConversationKey(target.channelId, target.userId);
  if (target.threadTs) return slackConversationKey(target.channelId, target.threadTs);
  return /^D/u.test(target.channelId) ? slackConversationKey(target.channelId, "dm") : undefined;
}
