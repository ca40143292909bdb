import type { BriefingError } from "../errors.ts";
import type { IngestedArticle, LanguageCode } from "../types.ts";

/**
 * A block of text as a parser found it. `heading` and `item` are known from markup (Markdown, HTML);
 * `text` blocks come from plain text and are classified later by their shape.
 */
export interface Block {
  kind: "heading" | "item" | "text";
  text: string;
}

/** Metadata a format states explicitly (front matter, HTML meta tags, JSONL fields). It wins over guesses. */
export interface StatedMetadata {
  id?: string;
  title?: string;
  url?: string;
  published?: string;
  source?: string;
  author?: string;
  language?: LanguageCode;
}

/** One article as parsed from its format, before cleaning and metadata extraction. */
export interface Draft {
  blocks: Block[];
  stated: StatedMetadata;
  /** A weak language hint such as `<html lang>`: used only when detection is unreliable. */
  languageHint?: string;
  /** Where the article came from, e.g. "feeds/news.jsonl". */
  origin: string;
  /** Where to point error messages, e.g. "feeds/news.jsonl:12". */
  location: string;
}

/** Something worth telling the user that did not stop an article from being ingested. */
export interface IngestWarning {
  location: string;
  message: string;
}

export interface ParseResult {
  articles: IngestedArticle[];
  problems: BriefingError[];
  warnings: IngestWarning[];
  /** Articles dropped because an identical one (same content hash) was already in this result. */
  duplicates: number;
}
