import { BriefingError } from "../errors.ts";
import { composeArticle } from "./compose.ts";
import { decodeWithNotes } from "./decode.ts";
import { deduplicate, type Located } from "./dedupe.ts";
import type { Draft, IngestWarning, ParseResult } from "./draft.ts";
import { type DocumentFormat, formatOf, sniffFormat } from "./formats.ts";
import { parseHtml } from "./html.ts";
import { parseJsonl } from "./jsonl.ts";
import { MAX_ARTICLE_CHARS, MAX_FILE_BYTES, MAX_JSONL_FILE_BYTES } from "./limits.ts";
import { parseMarkdown } from "./markdown.ts";
import { parsePlainText } from "./plain-text.ts";

export interface DocumentInput {
  /** File name or path: its extension picks the format, and it locates errors. */
  name: string;
  content: Uint8Array;
}

export interface ParseOptions {
  /** Overrides the size limit for this document (default MAX_FILE_BYTES, MAX_JSONL_FILE_BYTES for .jsonl). */
  maxBytes?: number;
}

/** Parses one document into articles. Never throws: every failure is a BriefingError in `problems`. */
export function parseDocument(input: DocumentInput, options: ParseOptions = {}): ParseResult {
  try {
    return parseChecked(input, options);
  } catch (error) {
    const problem =
      error instanceof BriefingError
        ? error
        : new BriefingError("INTERNAL", `Parsing failed unexpectedly: ${String(error)}`, {
            location: input.name,
            cause: error,
          });
    return { articles: [], problems: [problem], warnings: [], duplicates: 0 };
  }
}

/** The size limit in bytes for a file of this name. */
export function maxBytesFor(name: string): number {
  return formatOf(name) === "jsonl" ? MAX_JSONL_FILE_BYTES : MAX_FILE_BYTES;
}

function parseChecked({ name, content }: DocumentInput, options: ParseOptions): ParseResult {
  const format = formatOf(name);
  const maxBytes = options.maxBytes ?? maxBytesFor(name);
  if (content.byteLength > maxBytes) {
    throw new BriefingError(
      "INPUT_TOO_LARGE",
      `The file has ${content.byteLength} bytes; the limit is ${maxBytes}`,
      { location: name, userText: true },
    );
  }
  const decoded = decodeWithNotes(content, name);
  const text = decoded.text;
  const { drafts, problems, warnings } = draftsOf(sniffFormat(format, text), text, name);
  if (decoded.warning !== undefined) warnings.unshift({ location: name, message: decoded.warning });
  const located: Located[] = [];
  for (const draft of drafts) {
    try {
      const composed = composeArticle(draft);
      located.push({ ingested: composed.ingested, location: draft.location });
      warnings.push(...composed.warnings);
    } catch (error) {
      if (!(error instanceof BriefingError)) throw error;
      problems.push(error);
    }
  }
  const deduplicated = deduplicate(located);
  problems.push(...deduplicated.problems);
  return { articles: deduplicated.articles, problems, warnings, duplicates: deduplicated.duplicates };
}

interface Drafts {
  drafts: Draft[];
  problems: BriefingError[];
  warnings: IngestWarning[];
}

function draftsOf(format: DocumentFormat, text: string, name: string): Drafts {
  if (format === "jsonl") return parseJsonl(text, name);
  if (format !== "html" && text.length > MAX_ARTICLE_CHARS) {
    throw new BriefingError("INPUT_TOO_LARGE", `The text is longer than ${MAX_ARTICLE_CHARS} characters`, {
      location: name,
      userText: true,
    });
  }
  const single = (draft: Omit<Draft, "origin" | "location">): Drafts => ({
    drafts: [{ ...draft, origin: name, location: name }],
    problems: [],
    warnings: [],
  });
  if (format === "html") {
    const { blocks, stated, languageHint } = parseHtml(text);
    return single(languageHint === undefined ? { blocks, stated } : { blocks, stated, languageHint });
  }
  if (format === "markdown") return single(parseMarkdown(text));
  return single({ blocks: parsePlainText(text), stated: {} });
}
