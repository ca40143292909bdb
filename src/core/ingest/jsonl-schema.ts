import { z } from "zod";
import { languageTagCode } from "../text/language.ts";
import { articleIdProblem } from "./identity.ts";

const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const articleId = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform(String)
  .superRefine((id, context) => {
    const problem = articleIdProblem(id);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

const languageTag = z
  .string()
  .refine((value) => languageTagCode(value) !== undefined, 'must be a language code such as "en" or "pt-BR"');

/**
 * One line of a .jsonl file. Unknown keys are ignored; null counts as absent. `_id` (as in BEIR corpora) is
 * read as `id` when there is no `id`.
 */
export const jsonlArticle = z
  .object({
    id: articleId.nullish(),
    _id: articleId.nullish(),
    text: z.string().refine((text) => text.trim() !== "", "must not be empty"),
    title: optionalText,
    url: optionalText,
    published: optionalText,
    language: languageTag.nullish(),
    source: optionalText,
    author: optionalText,
  })
  .transform(({ _id, ...record }) => ({ ...record, id: record.id ?? _id }));

export type JsonlArticle = z.infer<typeof jsonlArticle>;

/** "text: must not be empty; language: expected string, received number" */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}
