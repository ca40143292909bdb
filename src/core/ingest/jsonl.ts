import { BriefingError } from "../errors.ts";
import { isKnownLanguage, languageTagCode } from "../text/language.ts";
import type { Draft, IngestWarning, StatedMetadata } from "./draft.ts";
import { describeIssues, type JsonlArticle, jsonlArticle } from "./jsonl-schema.ts";
import { MAX_ARTICLE_CHARS } from "./limits.ts";
import { parsePlainText } from "./plain-text.ts";

export interface ParsedJsonl {
  drafts: Draft[];
  problems: BriefingError[];
  warnings: IngestWarning[];
}

/** One article per line; a broken line is reported with its line number and the other lines still count. */
export function parseJsonl(text: string, name: string): ParsedJsonl {
  const parsed: ParsedJsonl = { drafts: [], problems: [], warnings: [] };
  const lines = text.split("\n");
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    const location = `${name}:${index + 1}`;
    try {
      parsed.drafts.push(parseLine(line, name, location, parsed.warnings));
    } catch (error) {
      if (!(error instanceof BriefingError)) throw error;
      parsed.problems.push(error);
    }
  }
  return parsed;
}

function parseLine(line: string, origin: string, location: string, warnings: IngestWarning[]): Draft {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BriefingError("MALFORMED_INPUT", `The line is not valid JSON: ${reason}`, {
      location,
      cause: error,
    });
  }
  const result = jsonlArticle.safeParse(value);
  if (!result.success) {
    const message = `The line is not a valid article: ${describeIssues(result.error)}`;
    throw new BriefingError("MALFORMED_INPUT", message, { location, userText: true });
  }
  const record = result.data;
  if (record.text.length > MAX_ARTICLE_CHARS) {
    const message = `The article text is longer than ${MAX_ARTICLE_CHARS} characters`;
    throw new BriefingError("INPUT_TOO_LARGE", message, { location, userText: true });
  }
  return {
    blocks: parsePlainText(record.text),
    stated: stated(record, location, warnings),
    origin,
    location,
  };
}

function stated(record: JsonlArticle, location: string, warnings: IngestWarning[]): StatedMetadata {
  const fields: StatedMetadata = {};
  if (record.id != null) fields.id = record.id;
  for (const key of ["title", "published", "source", "author"] as const) {
    const value = record[key];
    if (value !== undefined) fields[key] = value;
  }
  if (record.url !== undefined && URL.canParse(record.url)) fields.url = record.url;
  else if (record.url !== undefined)
    warnings.push({ location, message: `Ignored the url "${record.url}": not a url` });
  const language = record.language == null ? undefined : languageTagCode(record.language);
  if (language !== undefined && isKnownLanguage(language)) fields.language = language;
  else if (language !== undefined && language !== "und") {
    warnings.push({
      location,
      message: `"${record.language}" is not a known language: the language is detected instead`,
    });
  }
  return fields;
}
