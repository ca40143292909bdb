import { open } from "node:fs/promises";
import { BriefingError } from "../../core/errors.ts";
import { type DocumentInput, maxBytesFor } from "../../core/ingest/index.ts";

/**
 * Reads one file, checking its size before reading it. Unsupported names are not read: the parser reports
 * them. Throws BriefingError for a file that is too large or cannot be read.
 */
export async function readDocument(path: string, maxFileBytes: number | undefined): Promise<DocumentInput> {
  let limit: number;
  try {
    limit = maxFileBytes ?? maxBytesFor(path);
  } catch {
    return { name: path, content: new Uint8Array() };
  }
  const handle = await open(path, "r").catch((error: unknown) => {
    throw new BriefingError("NOT_FOUND", `Cannot open ${path}: ${reason(error)}`, {
      location: path,
      cause: error,
    });
  });
  try {
    const { size } = await handle.stat();
    if (size > limit) {
      throw new BriefingError("INPUT_TOO_LARGE", `The file has ${size} bytes; the limit is ${limit}`, {
        location: path,
        userText: true,
      });
    }
    return { name: path, content: await handle.readFile() };
  } catch (error) {
    if (error instanceof BriefingError) throw error;
    throw new BriefingError("NOT_FOUND", `Cannot read ${path}: ${reason(error)}`, {
      location: path,
      cause: error,
    });
  } finally {
    await handle.close();
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
