import { z } from "zod";
import type { FeedRequest } from "../core/chat.ts";
import { feedId } from "../core/feeds/feed-id.ts";
import { INTERFACE_LANGUAGES } from "../core/i18n/messages.ts";
import { replyTargetSchema } from "../core/reply-target-schema.ts";
import { JOB_ID } from "./ask-job-schema.ts";

export const FEED_QUEUE = "feed";

/** What a feed's scheduler puts in each of its jobs. */
export const scheduledPollSchema = z.object({ url: z.string().url() });

export type ScheduledPoll = z.infer<typeof scheduledPollSchema>;

export const feedRequestSchema = z.object({
  jobId: z.string().regex(JOB_ID),
  kind: z.enum(["follow", "add"]),
  url: z.string().min(1).max(2_000),
  channel: replyTargetSchema,
  channelKey: z.string().min(1),
  requestedBy: replyTargetSchema,
  requestedAt: z.number(),
  language: z.enum(INTERFACE_LANGUAGES).optional(),
}) satisfies z.ZodType<FeedRequest>;

/** One scheduler per feed: "feed-" and 16 hex digits of the URL's hash (a valid BullMQ id: no ':', not all digits). */
export function feedSchedulerId(url: string): string {
  return `feed-${feedId(url)}`;
}
