import type { InterfaceLanguage } from "../i18n/messages.ts";
import type { ReplyTarget } from "../reply-target.ts";
import type { FeedFormat } from "./types.ts";

/** How a feed's polling goes. Times are epoch milliseconds. */
export interface FeedPollState {
  lastPolledAt?: number;
  /** The last poll that stored a new article. */
  lastNewItemAt?: number;
  lastError?: { code: string; message: string; at: number };
  consecutiveFailures: number;
  /** When the current run of failures began. */
  failingSince?: number;
  /** When the followers were told that the feed keeps failing (once per run of failures). */
  failureNoticeSentAt?: number;
  nextPollAt?: number;
  etag?: string;
  lastModified?: string;
  ttlMinutes?: number;
  maxAgeSeconds?: number;
}

export interface FeedRecord {
  /** The feed's own URL (after discovery), canonical: the feed's identity. */
  url: string;
  title: string;
  format: FeedFormat;
  addedAt: number;
  /** "chat": followed from a channel, and dropped when the last channel unfollows it; "cli": kept. */
  addedFrom: "chat" | "cli";
  state: FeedPollState;
}

/** An item identity seen in a feed, and the article it became ("" when it was passed over on purpose). */
export interface SeenItem {
  key: string;
  articleId: string;
  fingerprint: string;
}

/** A channel that follows a feed: told when the feed keeps failing. */
export interface FeedFollower {
  /** One per channel: "slack:T1:C2", "discord:G1:C2". */
  channelKey: string;
  target: ReplyTarget;
  followedAt: number;
  followedBy: string;
  /** The language of whoever followed it, for the failing notice (English without one). */
  language?: InterfaceLanguage;
}

/** Followed feeds, what was seen in each, who follows them, and which articles came from them. */
export interface FeedStore {
  /** Creates or replaces the feed's record. */
  save(feed: FeedRecord): Promise<void>;
  get(url: string): Promise<FeedRecord | undefined>;
  list(): Promise<FeedRecord[]>;
  /** Drops the feed with its seen items and followers; its articles stay. false when there was none. */
  remove(url: string): Promise<boolean>;
  /** Updates a feed's poll state; does nothing when the feed was removed meanwhile. */
  setState(url: string, state: FeedPollState): Promise<void>;
  /** The seen entries among `keys`. */
  seenItems(url: string, keys: readonly string[]): Promise<Map<string, SeenItem>>;
  /** Records seen items; the oldest are forgotten past a bound (far more than a feed lists at once). */
  markSeen(url: string, items: readonly SeenItem[], now: number): Promise<void>;
  /** Notes that these articles came from the feed. */
  recordArticles(url: string, articleIds: readonly string[]): Promise<void>;
  /** The feed an article came from, when it came from one. */
  feedOfArticle(articleId: string): Promise<string | undefined>;
  /** The ids of the articles recorded from the feed (some may have been removed from the article store since). */
  articleIds(url: string): Promise<string[]>;
  /** Articles recorded from the feed that the article store still holds. */
  countArticles(url: string): Promise<number>;
  /** false when the channel already followed the feed. */
  follow(url: string, follower: FeedFollower): Promise<boolean>;
  unfollow(url: string, channelKey: string): Promise<boolean>;
  followers(url: string): Promise<FeedFollower[]>;
  /** The URLs of the feeds a channel follows, in the order it followed them. */
  followedBy(channelKey: string): Promise<string[]>;
  /** A lock on polling the feed, held by `owner` for `ttlMs`; false when another owner holds it. */
  lock(url: string, owner: string, ttlMs: number): Promise<boolean>;
  unlock(url: string, owner: string): Promise<void>;
}

/** Seen items kept per feed: a feed lists tens of items, so this many covers months of them. */
export const SEEN_ITEMS_KEPT = 2_000;
