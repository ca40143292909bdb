import type { z } from "zod";
import { BriefingError } from "../core/errors.ts";

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "the record"}: ${issue.message}`)
    .join("; ");
}

/**
 * A record read back from Redis: JSON, of `schema`'s shape when one is given. Anything else is a
 * STORE_CORRUPT BriefingError naming what it is and where (`location`), not a crash further on.
 */
export function parseStored<T>(json: string, what: string, location: string, schema?: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new BriefingError("STORE_CORRUPT", `The stored ${what} is not valid JSON`, {
      location,
      cause: error,
    });
  }
  if (!schema) return value as T;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error);
    throw new BriefingError("STORE_CORRUPT", `The stored ${what} has an unexpected shape: ${problems}`, {
      location,
    });
  }
  return parsed.data;
}

/** A counter read back from Redis (absent is 0); anything but a whole number is STORE_CORRUPT. */
export function storedCount(text: string | null | undefined, what: string, location: string): number {
  if (text === null || text === undefined) return 0;
  if (!/^-?\d{1,15}$/u.test(text)) {
    throw new BriefingError("STORE_CORRUPT", `The stored ${what} is not a whole number`, { location });
  }
  return Number(text);
}
