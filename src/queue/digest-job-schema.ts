import { z } from "zod";
import type { DigestRequest } from "../core/chat.ts";
import { INTERFACE_LANGUAGES } from "../core/i18n/messages.ts";
import { replyTargetSchema } from "../core/reply-target-schema.ts";
import { JOB_ID } from "./ask-job-schema.ts";

export const DIGEST_QUEUE = "digest";

/** What a subscription's scheduler puts in each of its jobs. */
export const scheduledDigestSchema = z.object({
  subscriptionId: z.string().regex(JOB_ID),
  version: z.string(),
});

export type ScheduledDigest = z.infer<typeof scheduledDigestSchema>;

export const digestRequestSchema = z.object({
  jobId: z.string().regex(JOB_ID),
  subscriptionId: z.string().regex(JOB_ID),
  kind: z.enum(["scheduled", "now"]),
  requestedBy: replyTargetSchema.optional(),
  requestedAt: z.number(),
  language: z.enum(INTERFACE_LANGUAGES).optional(),
}) satisfies z.ZodType<DigestRequest>;

/** One scheduler per subscription; BullMQ names its runs `repeat:<scheduler id>:<millis>`. */
export function schedulerIdFor(subscriptionId: string): string {
  return `digest-${subscriptionId}`;
}
