import { z } from "zod";
import type { IngestedArticle } from "../core/types.ts";
import { parseStored } from "./stored-json.ts";

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
    collections: z.array(z.string()).optional(),
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

/** Reads an article back from the store; a corrupt record is STORE_CORRUPT, not a crash later on. */
export function parseStoredArticle(json: string, id: string): IngestedArticle {
  return parseStored(json, "article", id, storedArticle);
}
