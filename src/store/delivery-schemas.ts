import { z } from "zod";
import type { DeliveryState } from "../core/chat.ts";
import type { Answer } from "../core/types.ts";

// Loose objects: a field added to these types later survives a read-back instead of being stripped.

export const deliveryStateSchema = z.looseObject({
  platform: z.enum(["slack", "discord"]),
  messageIds: z.array(z.string()),
  partsPosted: z.number().int().min(0),
  placeholderId: z.string().optional(),
  complete: z.boolean(),
}) satisfies z.ZodType<DeliveryState>;

const source = z.looseObject({
  n: z.number().int(),
  articleId: z.string(),
  title: z.string(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  published: z.string().nullable(),
  language: z.string(),
  passageId: z.string(),
  passage: z.string(),
  quote: z.string().optional(),
});

/** An answer as the first attempt of a job stored it. */
export const storedAnswerSchema = z.looseObject({
  question: z.string(),
  status: z.enum(["answered", "no_evidence"]),
  message: z.string().optional(),
  bullets: z.array(z.looseObject({ text: z.string(), citations: z.array(z.number().int()) })),
  sources: z.array(source),
  model: z.string().optional(),
  note: z.string().optional(),
}) satisfies z.ZodType<Answer>;
