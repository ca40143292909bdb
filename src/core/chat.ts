import type { Digest } from "./digest/index.ts";
import type { Subscription, SubscriptionProgress } from "./subscriptions/index.ts";
import type { Answer } from "./types.ts";

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
}

/** Where a Discord answer goes: a reply to a message, or an interaction's follow-up (token valid 15 min). */
export interface DiscordTarget {
  platform: "discord";
  channelId: string;
  guildId?: string;
  userId: string;
  replyToMessageId?: string;
  interaction?: { applicationId: string; token: string };
}

export type ReplyTarget = SlackTarget | DiscordTarget;

/** One question asked in chat: what the adapters put on the queue. */
export interface AskRequest {
  /** Derived from the platform's event id ("slack-ev-…", "discord-msg-…"): a platform retry is the same job. */
  jobId: string;
  question: string;
  /** The earlier question of a thread, for follow-ups like "and what about …". */
  previousQuestion?: string;
  target: ReplyTarget;
  requestedAt: number;
  /** "answer" (the default) answers the question; "summarize" summarizes the articles matching it. */
  mode?: "answer" | "summarize";
}

/** What was posted for a job: the idempotency record that stops a re-run from posting twice. */
export interface DeliveryRecord {
  platform: Platform;
  /** Platform message ids (Slack ts, Discord snowflakes), in posting order. */
  messageIds: string[];
  /** How many parts of the rendered answer were posted: a re-run resumes after the last one. */
  partsPosted: number;
  /**
   * The message that shows progress while a slow (model-written) answer is made: the answer's first part
   * replaces it. A Slack ts, a Discord message id, or "@original" for a Discord interaction's own reply.
   */
  placeholderId?: string;
}

/** Posts answers to a platform. Failures are BriefingErrors: PLATFORM_RATE_LIMITED/UNAVAILABLE retry, REJECTED does not. */
export interface Replier {
  readonly platform: Platform;
  /**
   * Posts the answer in as many messages as the platform's limits need. `alreadyPosted` says what an earlier
   * attempt of the same job posted; `onPosted` is called after each message so the caller can record it.
   */
  deliverAnswer(
    target: ReplyTarget,
    answer: Answer,
    alreadyPosted: DeliveryRecord | undefined,
    onPosted: (record: DeliveryRecord) => Promise<void>,
  ): Promise<DeliveryRecord>;
  /** Posts a digest (or, with no stories, its one-line notice) the same way: split, recorded, resumable. */
  deliverDigest(
    target: ReplyTarget,
    digest: DigestPost,
    alreadyPosted: DeliveryRecord | undefined,
    onPosted: (record: DeliveryRecord) => Promise<void>,
  ): Promise<DeliveryRecord>;
  /**
   * Shows where a slow answer is ("Reading 12 passages…"): the first call posts a placeholder message (a
   * Discord interaction's deferred reply is one already), later calls edit it. Returns the record with the
   * placeholder, for the caller to store; does nothing once the answer has started to be posted.
   */
  showProgress(
    target: ReplyTarget,
    text: string,
    alreadyPosted: DeliveryRecord | undefined,
  ): Promise<DeliveryRecord>;
  /**
   * Tells the asker that something went wrong, where the platform still allows it: in the placeholder when
   * one was posted and nothing else yet, else as a new (private where possible) message. Never throws.
   */
  notifyFailure(target: ReplyTarget, message: string, alreadyPosted?: DeliveryRecord): Promise<void>;
}

/** Where adapters put questions. Implemented over BullMQ in src/queue. */
export interface QuestionQueue {
  /** false when a job with this id already exists (a platform retry). */
  ask(request: AskRequest): Promise<{ enqueued: boolean }>;
}

/** Remembers the last question of a conversation thread, for follow-ups. */
export interface ConversationMemory {
  lastQuestion(threadKey: string): Promise<string | undefined>;
  remember(threadKey: string, question: string): Promise<void>;
}

/** A digest as posted: the stories, what they cover, and a notice when there is nothing new. */
export interface DigestPost {
  digest: Digest;
  /** "Daily digest", or the topic's name. */
  title: string;
  /** Human-readable start of what the digest covers ("2026-11-22 08:00 Europe/Amsterdam"), when known. */
  since?: string;
  /** Shown instead of stories when there are none ("No new articles since …"). */
  notice?: string;
  /** How the summaries were made, when a model should have written them and did not (all or some). */
  note?: string;
}

/** One digest run: a scheduled one (from the channel's scheduler) or one asked for with `digest now`. */
export interface DigestRequest {
  jobId: string;
  subscriptionId: string;
  kind: "scheduled" | "now";
  /** For `now`: who asked, to tell them when something goes wrong. */
  requestedBy?: ReplyTarget;
  requestedAt: number;
}

/** The adapters' side of digests: subscriptions and their schedulers. Implemented over BullMQ in src/queue. */
export interface DigestSubscriptions {
  subscribe(subscription: Subscription): Promise<void>;
  /** false when the channel had no subscription. */
  unsubscribe(subscriptionId: string): Promise<boolean>;
  status(
    subscriptionId: string,
  ): Promise<
    { subscription: Subscription; progress: SubscriptionProgress; nextRunAt: number | undefined } | undefined
  >;
  runNow(request: DigestRequest): Promise<{ enqueued: boolean }>;
}
