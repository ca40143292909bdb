import { z } from "zod";
import { BriefingError } from "../../errors.ts";
import { stripMentions } from "./mentions.ts";

/** What the model is asked to reply: bullets, each citing passages by id with a short verbatim quote. */
export const modelAnswerSchema = z.object({
  answerable: z.boolean(),
  bullets: z.array(
    z.object({
      text: z.string(),
      citations: z.array(
        z.object({
          /** A passage id as given in the prompt: "P3". */
          passage: z.string(),
          /** A short verbatim quote from that passage that states the bullet's fact. */
          quote: z.string(),
        }),
      ),
    }),
  ),
});

export type ModelAnswer = z.infer<typeof modelAnswerSchema>;

/** The schema replies are read with: as the one above, but a bare passage number (3) is read as "P3". */
const replySchema = z.object({
  answerable: z.boolean(),
  bullets: z.array(
    z.object({
      text: z.string(),
      citations: z.array(
        z.object({
          passage: z.union([z.string(), z.number().transform((n) => `P${n}`)]),
          quote: z.string(),
        }),
      ),
    }),
  ),
});
export type ProposedBullet = ModelAnswer["bullets"][number];
export type ProposedCitation = ProposedBullet["citations"][number];

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}

/** For `ModelRequest.json`: structured output where the server supports it. */
export const MODEL_ANSWER_FORMAT: { name: string; schema: Record<string, unknown> } = {
  name: "briefing_answer",
  schema: jsonSchemaOf(modelAnswerSchema),
};

const REPLY_EXCERPT_CHARACTERS = 200;
const FENCED = /```[a-z]*\s*\n?([\s\S]*?)```/iu;

/** The start of a reply for an error message: one line, at most 200 characters, nothing that could ping. */
export function replyExcerpt(reply: string): string {
  const line = stripMentions(reply).replace(/\s+/gu, " ").trim();
  return line.length > REPLY_EXCERPT_CHARACTERS ? `${line.slice(0, REPLY_EXCERPT_CHARACTERS - 1)}…` : line;
}

/** Parser messages quote the reply too: they are cleaned and bounded like the excerpt. */
function invalid(what: string, reply: string): BriefingError {
  const excerpt = replyExcerpt(reply);
  return new BriefingError(
    "MODEL_OUTPUT_INVALID",
    `The language model's reply ${replyExcerpt(what)}. It began: ${excerpt.length > 0 ? `"${excerpt}"` : "(empty)"}`,
  );
}

/** The JSON texts a reply may hold, most likely first: all of it, a fenced block, the outermost braces. */
function jsonCandidates(reply: string): string[] {
  const candidates = [reply.trim()];
  const fenced = FENCED.exec(reply)?.[1];
  if (fenced !== undefined) candidates.push(fenced.trim());
  const first = reply.indexOf("{");
  const last = reply.lastIndexOf("}");
  if (first >= 0 && last > first) candidates.push(reply.slice(first, last + 1));
  return candidates;
}

function parseJson(reply: string): unknown {
  let problem = "is empty";
  for (const candidate of jsonCandidates(reply)) {
    if (candidate.length === 0) continue;
    try {
      return JSON.parse(candidate);
    } catch (error) {
      problem = `is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  throw invalid(problem, reply);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "the reply"}: ${issue.message}`)
    .join("; ");
}

const replyBulletSchema = replySchema.shape.bullets.element;

/** One bullet object of a reply still streaming in (see streamed-bullets.ts), read as parseModelAnswer reads it; undefined when it is not one. */
export function parseProposedBullet(json: string): ProposedBullet | undefined {
  try {
    const parsed = replyBulletSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The model's answer from its reply text: JSON alone, inside ```json fences, or with text around the object.
 * Malformed JSON or a reply of another shape is a MODEL_OUTPUT_INVALID BriefingError saying what was wrong.
 */
export function parseModelAnswer(reply: string): ModelAnswer {
  const parsed = replySchema.safeParse(parseJson(reply));
  if (!parsed.success)
    throw invalid(`does not have the answer's shape (${describeIssues(parsed.error)})`, reply);
  return parsed.data;
}
