import type { ReplyTarget } from "../reply-target.ts";

export type DigestDays = "daily" | "weekdays";

/** When a channel gets its digest: a local wall-clock time in an IANA time zone. */
export interface DigestSchedule {
  days: DigestDays;
  /** "HH:MM", 24-hour. */
  time: string;
  timeZone: string;
}

/** A channel's digest subscription; one per channel. */
export interface Subscription {
  /** "slack-T0TEAM-C0CHANNEL", "discord-G1-C2": letters, digits, _ and -. */
  id: string;
  /** The channel itself: no thread, no response_url, no interaction token. */
  target: ReplyTarget;
  schedule: DigestSchedule;
  /** Only articles matching these words, when set. */
  topic?: string;
  /** With nothing new: post nothing (true) or a one-line "no new articles since …" (false). */
  quiet: boolean;
  createdAt: number;
  createdBy: string;
  /** Changes with every re-subscription, so a stale scheduler run is recognised and skipped. */
  version: string;
}

/** What has been posted for a subscription: the ingest sequence covered so far and the last digest's day. */
export interface SubscriptionProgress {
  cursor: number;
  lastPostedAt?: number;
  /** Local date ("YYYY-MM-DD" in the subscription's time zone) of the last scheduled digest. */
  lastScheduledDate?: string;
}
