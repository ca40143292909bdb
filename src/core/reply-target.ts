export type Platform = "slack" | "discord";

/** Where a Slack answer goes: the channel (in a thread for mentions), or the slash command's response_url. */
export interface SlackTarget {
  platform: "slack";
  teamId?: string;
  channelId: string;
  userId: string;
  /** Reply in this thread (mentions, follow-ups). */
  threadTs?: string;
  /** The slash command's response_url: 5 uses in 30 minutes; a fallback when the bot cannot post. */
  responseUrl?: string;
  /** Only the asker sees the answer (`/brief private …`): ephemeral, through the response_url; never in the channel. */
  private?: boolean;
  /**
   * A thread of Slack's assistant (agent) view, `threadTs` set: progress as the thread's status line and the
   * answer streamed (chat.startStream / appendStream / stopStream) instead of posted.
   */
  assistantThread?: boolean;
}

/** Where a Discord answer goes: a reply to a message, or an interaction's follow-up (token valid 15 min). */
export interface DiscordTarget {
  platform: "discord";
  channelId: string;
  guildId?: string;
  userId: string;
  replyToMessageId?: string;
  interaction?: { applicationId: string; token: string };
  /** Only the asker sees the answer (`/brief private:True`): the ephemeral deferred reply and ephemeral follow-ups. */
  private?: boolean;
}

export type ReplyTarget = SlackTarget | DiscordTarget;
