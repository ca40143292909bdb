import type { ZodType } from "zod";
import type { Digest } from "./digest/index.ts";
import type { InterfaceLanguage } from "./i18n/messages.ts";
import type { Platform, ReplyTarget } from "./reply-target.ts";
import type { Subscription, SubscriptionProgress } from "./subscriptions/index.ts";
import type { Answer } from "./types.ts";

export type { DiscordTarget, Platform, ReplyTarget, SlackTarget } from "./reply-target.ts";

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
   * attempt of the same job posted; `onPosted` is called once before the first message (the delivery has
   * started) and after each message, so the caller can record it. With `jobId`, each message is tagged with
   * it where the platform allows, so a re-run after a crash between posting and recording finds the message
   * instead of posting it again.
   */
  deliverAnswer(
    target: ReplyTarget,
    answer: Answer,
    alreadyPosted: DeliveryRecord | undefined,
    onPosted: (record: DeliveryRecord) => Promise<void>,
    jobId?: string,
  ): Promise<DeliveryRecord>;
  /** Posts a digest (or, with no stories, its one-line notice) the same way: split, recorded, resumable. */
  deliverDigest(
    target: ReplyTarget,
    digest: DigestPost,
    alreadyPosted: DeliveryRecord | undefined,
    onPosted: (record: DeliveryRecord) => Promise<void>,
    jobId?: string,
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
    jobId?: string,
  ): Promise<DeliveryRecord>;
  /** Whether answers to `target` are shown while they are written (Slack's agent view streams them). */
  showsDrafts?(target: ReplyTarget): boolean;
  /**
   * Shows the bullets of `answerSoFar` (what passed verification so far) not shown yet, where `showsDrafts`.
   * Returns the record with what is shown; `deliverAnswer` then finishes it with the final answer.
   */
  showDraft?(
    target: ReplyTarget,
    answerSoFar: Answer,
    alreadyPosted: DeliveryRecord | undefined,
    jobId?: string,
  ): Promise<DeliveryRecord>;
  /**
   * Tells the asker that something went wrong, where the platform still allows it: in the placeholder when
   * one was posted and nothing else yet, else as a new (private where possible) message. Never throws.
   */
  notifyFailure(target: ReplyTarget, message: string, alreadyPosted?: DeliveryRecord): Promise<void>;
}

/** Where adapters put questions. Implemented over BullMQ in src/queue. */
export interface QuestionQueue {
  /**
   * false when a job with this id already exists (a platform retry). `held`: the queue was not reachable and
   * the question waits in the adapter's outbox, retried; `abandoned` is called if it never gets on the queue.
   */
  ask(request: AskRequest, abandoned?: () => Promise<void>): Promise<{ enqueued: boolean; held?: boolean }>;
}

/** What an answer in a conversation rested on: the articles it cited, best first. */
export interface TurnAnswer {
  articleIds: string[];
}

/** One question of a conversation and, once the worker posted it, what its answer rested on. */
export interface ConversationTurn {
  question: string;
  answer?: TurnAnswer;
}

/** What a thread has asked so far: its latest questions, oldest first, and when the last was asked. */
export interface ConversationTurns {
  questions: string[];
  /** The same questions with what each answer rested on (records from before answers were kept have none). */
  turns: ConversationTurn[];
  lastAt: number;
}

/** The questions asked in each conversation thread, and what their answers rested on, for follow-ups. */
export interface ConversationMemory {
  /** The thread's latest questions (at most MAX_REMEMBERED_TURNS); undefined for a thread never asked in. */
  turns(threadKey: string): Promise<ConversationTurns | undefined>;
  remember(threadKey: string, question: string, at: number): Promise<void>;
  /**
   * Records what the answer to `question` rested on, on the thread's latest unanswered turn asking it; a
   * thread that no longer holds that question (forgotten, or never remembered) is left as it is.
   */
  rememberAnswer(threadKey: string, question: string, answer: TurnAnswer): Promise<void>;
}

/** Questions a thread's memory keeps. */
export const MAX_REMEMBERED_TURNS = 3;

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
  /** The language of the framing (title, counts, notice): most of the digest's articles', else English. */
  language?: InterfaceLanguage;
}

/** One digest run: a scheduled one (from the channel's scheduler) or one asked for with `digest now`. */
export interface DigestRequest {
  jobId: string;
  subscriptionId: string;
  kind: "scheduled" | "now";
  /** For `now`: who asked, to tell them when something goes wrong. */
  requestedBy?: ReplyTarget;
  requestedAt: number;
  /** For `now`: the asker's language, for that notice (English without one: jobs queued before it existed). */
  language?: InterfaceLanguage;
}

/** One run of a digest job, as a worker sees it. */
export interface DigestRun {
  request: DigestRequest;
  /** For scheduled runs: the scheduler's time for this run; for `now`: when it was asked. */
  runAt: number;
  /** For scheduled runs: the subscription version the scheduler was made for. */
  version?: string;
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

/** What was posted for a job, and whether all of it was. */
export interface DeliveryState extends DeliveryRecord {
  complete: boolean;
}

/**
 * What was posted for each job, so a job that runs again after a crash resumes instead of posting twice; and
 * what the first run computed, so a resumed job posts the rest of the same answer.
 */
export interface DeliveryLog {
  get(jobId: string): Promise<DeliveryState | undefined>;
  record(jobId: string, state: DeliveryState): Promise<void>;
  /** The answer of the first attempt if there was one, else the one computed now (stored first). */
  answerFor(jobId: string, compute: () => Answer | Promise<Answer>): Promise<Answer>;
  /**
   * What the first attempt of a job computed under `name`, else `compute()`'s value, stored first. What is read
   * back is checked against `schema` when one is given (a record that does not fit is STORE_CORRUPT).
   */
  computedOnce<T>(
    jobId: string,
    name: string,
    compute: () => T | Promise<T>,
    schema?: ZodType<T>,
  ): Promise<T>;
  /** true the first time only: a failure is reported to the asker once. */
  claimFailureNotice(jobId: string): Promise<boolean>;
}

/** Digest subscriptions (one per channel) and how far each has got. */
export interface SubscriptionStore {
  /** Saves the subscription; a new one starts its cursor at `initialCursor`. */
  save(subscription: Subscription, initialCursor: number): Promise<void>;
  get(id: string): Promise<Subscription | undefined>;
  ids(): Promise<string[]>;
  /** false when there was no such subscription. */
  remove(id: string): Promise<boolean>;
  progress(id: string): Promise<SubscriptionProgress>;
  advance(id: string, cursor: number, postedAt: number, scheduledDate: string | undefined): Promise<void>;
  /** A lock held by `owner` for `ttlMs`; false when another owner holds it. */
  lock(id: string, owner: string, ttlMs: number): Promise<boolean>;
  unlock(id: string, owner: string): Promise<void>;
}

/** `follow <url>` or `add <url>` asked for in chat: a worker does it, and answers the asker privately. */
export interface FeedRequest {
  /** Derived from the platform's event id: a platform retry is the same job. */
  jobId: string;
  kind: "follow" | "add";
  url: string;
  /** The channel that follows the feed (no reply-only fields): told when the feed keeps failing. */
  channel: ReplyTarget;
  /** One per channel: "slack:T1:C2", "discord:G1:C2". */
  channelKey: string;
  /** Who asked, with whatever lets us answer them privately (response_url, interaction). */
  requestedBy: ReplyTarget;
  requestedAt: number;
  /** The asker's language: the worker's answer, and the feed's failing notice (English without one). */
  language?: InterfaceLanguage;
}

/** One feed a channel follows, as `feeds` lists it. */
export interface ChannelFeed {
  /** 1-based position: `unfollow 2`. */
  n: number;
  url: string;
  title: string;
  status: "ok" | "failing" | "new";
  lastPolledAt?: number;
  lastError?: string;
}

/** The adapters' side of feeds: work that fetches goes on the queue; listing and unfollowing are quick. */
export interface FeedFollowing {
  request(request: FeedRequest): Promise<{ enqueued: boolean }>;
  /** The feed the channel stopped following (by URL or `feeds` number), or undefined when it followed none such. */
  unfollow(channelKey: string, urlOrNumber: string): Promise<{ title: string; url: string } | undefined>;
  channelFeeds(channelKey: string): Promise<ChannelFeed[]>;
}
