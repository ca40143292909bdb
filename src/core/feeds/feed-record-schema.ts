import { z } from "zod";
import { INTERFACE_LANGUAGES } from "../i18n/messages.ts";
import { replyTargetSchema } from "../reply-target-schema.ts";
import type { FeedFollower, FeedPollState, FeedRecord, SeenItem } from "./feed-store.ts";

const time = z.number().finite();

export const feedPollStateSchema = z.object({
  lastPolledAt: time.optional(),
  lastNewItemAt: time.optional(),
  lastError: z.object({ code: z.string(), message: z.string(), at: time }).optional(),
  consecutiveFailures: z.number().int().min(0),
  failingSince: time.optional(),
  failureNoticeSentAt: time.optional(),
  nextPollAt: time.optional(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  ttlMinutes: z.number().optional(),
  maxAgeSeconds: z.number().optional(),
}) satisfies z.ZodType<FeedPollState>;

export const feedRecordSchema = z.object({
  url: z.string().min(1),
  title: z.string(),
  format: z.enum(["rss", "atom", "rdf", "json"]),
  addedAt: time,
  addedFrom: z.enum(["chat", "cli"]),
  state: feedPollStateSchema,
}) satisfies z.ZodType<FeedRecord>;

export const seenItemSchema = z.object({
  key: z.string(),
  articleId: z.string(),
  fingerprint: z.string(),
}) satisfies z.ZodType<SeenItem>;

export const feedFollowerSchema = z.object({
  channelKey: z.string().min(1),
  target: replyTargetSchema,
  followedAt: time,
  followedBy: z.string(),
  language: z.enum(INTERFACE_LANGUAGES).optional(),
}) satisfies z.ZodType<FeedFollower>;
