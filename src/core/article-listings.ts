/**
 * The numbered list `articles` last showed in a channel: what `forget <number>` means there, so a number keeps
 * naming the article the person saw even when articles arrive in between.
 */
export interface ArticleListings {
  /** Remembers the article ids shown, in their numbered order (number 1 first). */
  remember(channelKey: string, articleIds: readonly string[]): Promise<void>;
  /** The ids last shown in the channel, or undefined when none are remembered (never listed, or expired). */
  shown(channelKey: string): Promise<string[] | undefined>;
}
