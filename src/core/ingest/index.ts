export { type FoundDate, findDates, parseDate } from "./dates.ts";
export { type Deduplicated, deduplicate, type Located } from "./dedupe.ts";
export type { IngestWarning, ParseResult } from "./draft.ts";
export { isSupportedName, SUPPORTED_EXTENSIONS } from "./formats.ts";
export { contentHashOf } from "./identity.ts";
export * from "./limits.ts";
export { type DocumentInput, maxBytesFor, type ParseOptions, parseDocument } from "./parse-document.ts";
export { buildPassages, type ParagraphSpan, paragraphsOf } from "./passages.ts";
