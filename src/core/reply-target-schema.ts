import { z } from "zod";
import type { ReplyTarget } from "./chat.ts";

const slackTarget = z.object({
  platform: z.literal("slack"),
  teamId: z.string().optional(),
  channelId: z.string().min(1),
  userId: z.string().min(1),
  threadTs: z.string().optional(),
  responseUrl: z.string().url().optional(),
  private: z.boolean().optional(),
  assistantThread: z.boolean().optional(),
});

const discordTarget = z.object({
  platform: z.literal("discord"),
  channelId: z.string().min(1),
  guildId: z.string().optional(),
  userId: z.string().min(1),
  replyToMessageId: z.string().optional(),
  interaction: z.object({ applicationId: z.string().min(1), token: z.string().min(1) }).optional(),
  private: z.boolean().optional(),
});

export const replyTargetSchema = z.discriminatedUnion("platform", [
  slackTarget,
  discordTarget,
]) satisfies z.ZodType<ReplyTarget>;
