import { z } from "zod";
import type { AskRequest } from "../core/chat.ts";
import { replyTargetSchema } from "../core/reply-target-schema.ts";

/** BullMQ job ids must not be all digits nor contain ':'. */
export const JOB_ID = /^(?=.*[^0-9])[A-Za-z0-9_-]{1,200}$/;

export const askRequestSchema = z.object({
  jobId: z.string().regex(JOB_ID, "job ids are letters, digits, _ and -, not all digits"),
  question: z.string().min(1),
  previousQuestion: z.string().optional(),
  target: replyTargetSchema,
  requestedAt: z.number(),
  mode: z.enum(["answer", "summarize"]).optional(),
}) satisfies z.ZodType<AskRequest>;

/** Turns any platform id into a valid job id with a prefix: "slack-ev", "1234.5678" → "slack-ev-1234_5678". */
export function jobIdFor(prefix: string, platformId: string): string {
  return `${prefix}-${platformId.replace(/[^A-Za-z0-9_-]/g, "_")}`.slice(0, 200);
}
