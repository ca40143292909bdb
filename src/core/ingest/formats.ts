import { BriefingError } from "../errors.ts";

export type DocumentFormat = "text" | "markdown" | "html" | "jsonl";

const FORMAT_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  html: "html",
  htm: "html",
  xhtml: "html",
  jsonl: "jsonl",
  ndjson: "jsonl",
};

/** File extensions (lower case, no dot) that can be ingested. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMAT_BY_EXTENSION);

export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot + 1).toLowerCase();
}

export function isSupportedName(name: string): boolean {
  return extensionOf(name) in FORMAT_BY_EXTENSION;
}

export function formatOf(name: string): DocumentFormat {
  const format = FORMAT_BY_EXTENSION[extensionOf(name)];
  if (format === undefined) {
    const supported = SUPPORTED_EXTENSIONS.map((extension) => `.${extension}`).join(", ");
    throw new BriefingError("UNSUPPORTED_FORMAT", `Unsupported file type; use one of ${supported}`, {
      location: name,
      userText: true,
    });
  }
  return format;
}

/** A .txt file that is really an HTML page is read as HTML. */
export function sniffFormat(format: DocumentFormat, text: string): DocumentFormat {
  if (format !== "text") return format;
  const start = text.slice(0, 200).trimStart().toLowerCase();
  return start.startsWith("<!doctype html") || start.startsWith("<html") ? "html" : format;
}
