import { z } from "zod";
import type { Answer } from "../../src/core/types.ts";

/** The `ask --json` contract, exactly: outside checks rely on these keys. */
export const answerJsonSchema = z
  .object({
    question: z.string(),
    status: z.enum(["answered", "no_evidence"]),
    message: z.string().optional(),
    bullets: z.array(
      z.object({ text: z.string().min(1), citations: z.array(z.number().int().positive()).min(1) }).strict(),
    ),
    sources: z.array(
      z
        .object({
          n: z.number().int().positive(),
          articleId: z.string(),
          title: z.string(),
          source: z.string().nullable(),
          url: z.string().nullable(),
          published: z.string().nullable(),
          language: z.string(),
          passageId: z.string(),
          passage: z.string().min(1),
          /** The sentence(s) of `passage` the bullet rests on, exactly as they appear there. */
          quote: z.string().min(1).optional(),
        })
        .strict(),
    ),
  })
  .strict();

const squash = (text: string) => text.replace(/\s+/gu, " ").trim();

/** Every bullet's text occurs in a passage it cites; every source is cited; numbering is 1..n. */
export function citationProblems(answer: Answer): string[] {
  const problems: string[] = [];
  answer.sources.forEach((source, index) => {
    if (source.n !== index + 1) problems.push(`source ${index} is numbered ${source.n}`);
  });
  const cited = new Set<number>();
  for (const bullet of answer.bullets) {
    for (const n of bullet.citations) {
      cited.add(n);
      if (!answer.sources[n - 1]) problems.push(`bullet cites missing source [${n}]`);
    }
    const supported = bullet.citations.some((n) =>
      squash(answer.sources[n - 1]?.passage ?? "").includes(squash(bullet.text)),
    );
    if (!supported) problems.push(`bullet not found in its cited passages: ${bullet.text}`);
  }
  for (const source of answer.sources)
    if (!cited.has(source.n)) problems.push(`source [${source.n}] is never cited`);
  return problems;
}

/** The `ask --json` contract of a model-written answer: the same keys, plus `model`, `note` and `quote`. */
export const modelAnswerJsonSchema = z
  .object({
    ...answerJsonSchema.shape,
    model: z.string().optional(),
    note: z.string().optional(),
    sources: z.array(
      z
        .object({ ...answerJsonSchema.shape.sources.element.shape, quote: z.string().min(1).optional() })
        .strict(),
    ),
  })
  .strict();
