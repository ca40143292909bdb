import { createReadStream, existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { z } from "zod";
import { BriefingError, isBriefingError } from "../core/errors.ts";

const batchLine = z.object({
  id: z.union([z.string(), z.number()]),
  question: z.string().optional(),
  query: z.string().optional(),
});

export interface BatchItem {
  id: string | number | null;
  text: string | undefined;
  error: BriefingError | undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads `{"id", "question"}` lines one at a time; a bad line becomes an item with an error, not a stop. */
export async function* readBatch(path: string): AsyncGenerator<BatchItem> {
  if (!existsSync(path))
    throw new BriefingError("NOT_FOUND", `Batch file ${path} does not exist`, { userText: true });
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === "") continue;
    const location = `${path}:${lineNumber}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      yield {
        id: null,
        text: undefined,
        error: new BriefingError("MALFORMED_INPUT", `Not JSON: ${describe(error)}`, { location }),
      };
      continue;
    }
    const parsed = batchLine.safeParse(value);
    if (!parsed.success) {
      const id = typeof value === "object" && value !== null && "id" in value ? value.id : null;
      yield {
        id: typeof id === "string" || typeof id === "number" ? id : null,
        text: undefined,
        error: new BriefingError("MALFORMED_INPUT", 'Each line needs {"id", "question"}', {
          location,
          userText: true,
        }),
      };
      continue;
    }
    yield { id: parsed.data.id, text: parsed.data.question ?? parsed.data.query, error: undefined };
  }
}

export function errorJson(error: unknown): { code: string; message: string } {
  if (isBriefingError(error)) return { code: error.code, message: error.detailedMessage() };
  return { code: "INTERNAL", message: describe(error) };
}
