import { BriefingError } from "../../core/errors.ts";
import { deduplicate, type IngestWarning, parseDocument } from "../../core/ingest/index.ts";
import type { IngestedArticle } from "../../core/types.ts";
import { readDocument } from "./read-document.ts";
import { expandPaths } from "./walk.ts";

export interface LoadOptions {
  /** Called after each file with the number of files done, the total, and the file just done. */
  onProgress?(done: number, total: number, path: string): void;
  /** Size limit per file in bytes; defaults to the parser's limit for the file type. */
  maxFileBytes?: number;
}

export interface LoadResult {
  articles: IngestedArticle[];
  /** One entry per file or JSONL line that could not be ingested. */
  problems: BriefingError[];
  warnings: IngestWarning[];
  /** Articles skipped because the same content was already loaded in this call. */
  duplicates: number;
}

/** Files read ahead of the parser, so disk waits overlap with parsing. */
const READ_AHEAD = 8;

/**
 * Loads files and folders (recursively) into articles. One bad file never stops the others: it becomes a
 * problem. Throws BriefingError(NOT_FOUND) only when a given path does not exist.
 */
export async function loadPaths(paths: string[], options: LoadOptions = {}): Promise<LoadResult> {
  const files = await expandPaths(paths);
  const result: LoadResult = { articles: [], problems: [], warnings: [], duplicates: 0 };
  const reads = files.map((path) => () => readDocument(path, options.maxFileBytes));
  const pending = reads.slice(0, READ_AHEAD).map((read) => settle(read()));
  for (const [index, path] of files.entries()) {
    const next = reads[index + READ_AHEAD];
    if (next) pending.push(settle(next()));
    const read = await pending[index];
    if (read instanceof BriefingError) {
      result.problems.push(read);
    } else if (read !== undefined) {
      const parsed = parseDocument(read, { maxBytes: options.maxFileBytes ?? Number.POSITIVE_INFINITY });
      result.articles.push(...parsed.articles);
      result.problems.push(...parsed.problems);
      result.warnings.push(...parsed.warnings);
      result.duplicates += parsed.duplicates;
    }
    options.onProgress?.(index + 1, files.length, path);
  }
  return mergeDuplicates(result);
}

function settle<T>(promise: Promise<T>): Promise<T | BriefingError> {
  return promise.catch((error: unknown) =>
    error instanceof BriefingError ? error : new BriefingError("INTERNAL", String(error), { cause: error }),
  );
}

function mergeDuplicates(result: LoadResult): LoadResult {
  const located = result.articles.map((ingested) => ({ ingested, location: ingested.article.origin ?? "" }));
  const deduplicated = deduplicate(located);
  return {
    articles: deduplicated.articles,
    problems: [...result.problems, ...deduplicated.problems],
    warnings: result.warnings,
    duplicates: result.duplicates + deduplicated.duplicates,
  };
}
