import { z } from "zod";
import { BriefingError } from "../core/errors.ts";
import type { IngestedArticle } from "../core/types.ts";

const span = z.object({ start: z.number().int(), end: z.number().int() });

const storedArticle = z.object({
  article: z.object({
    id: z.string(),
    title: z.string(),
    text: z.string(),
    language: z.string(),
    url: z.string().optional(),
    published: z.string().optional(),
    source: z.string().optional(),
    author: z.string().optional(),
    origin: z.string().optional(),
    contentHash: z.string(),
  }),
  passages: z.array(
    z.object({
      id: z.string(),
      articleId: z.string(),
      index: z.number().int(),
      start: z.number().int(),
      end: z.number().int(),
      text: z.string(),
      sentences: z.array(span),
      language: z.string(),
    }),
  ),
});

/** Reads an article back from the store; a corrupt record is a clear error, not a crash later on. */
export function parseStoredArticle(json: string, id: string): IngestedArticle {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new BriefingError("MALFORMED_INPUT", "A stored article is not valid JSON", {
      location: id,
      cause: error,
    });
  }
  const parsed = storedArticle.safeParse(value);
  if (!parsed.success) {
    throw new BriefingError(
      "MALFORMED_INPUT",
      `A stored article has an unexpected shape: ${parsed.error.message}`,
      {
        location: id,
      },
    );
  }
  return parsed.data;
}
