import { z } from "zod";
import type { AskRequest } from "../core/chat.ts";

/** BullMQ job ids must not be all digits nor contain ':'. */
export const JOB_ID = /^(?=.*[^0-9])[A-Za-z0-9_-]{1,200}$/;

const slackTarget = z.object({
  platform: z.literal("slack"),
  teamId: z.string().optional(),
  channelId: z.string().min(1),
  userId: z.string().min(1),
  threadTs: z.string().optional(),
  responseUrl: z.string().url().optional(),
});

const discordTarget = z.object({
  platform: z.literal("discord"),
  channelId: z.string().min(1),
  guildId: z.string().optional(),
  userId: z.string().min(1),
  replyToMessageId: z.string().optional(),
  interaction: z.object({ applicationId: z.string().min(1), token: z.string().min(1) }).optional(),
});

export const askRequestSchema = z.object({
  jobId: z.string().regex(JOB_ID, "job ids are letters, digits, _ and -, not all digits"),
  question: z.string().min(1),
  previousQuestion: z.string().optional(),
  target: z.discriminatedUnion("platform", [slackTarget, discordTarget]),
  requestedAt: z.number(),
}) satisfies z.ZodType<AskRequest>;

/** Turns any platform id into a valid job id with a prefix: "slack-ev", "1234.5678" → "slack-ev-1234_5678". */
export function jobIdFor(prefix: string, platformId: string): string {
  return `${prefix}-${platformId.replace(/[^A-Za-z0-9_-]/g, "_")}`.slice(0, 200);
}
