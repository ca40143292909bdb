export { parseDocument, maxBytesFor, type DocumentInput, type ParseOptions } from "./parse-document.ts";
export type { IngestWarning, ParseResult } from "./draft.ts";
export { buildPassages, paragraphsOf, type ParagraphSpan } from "./passages.ts";
export { deduplicate, type Deduplicated, type Located } from "./dedupe.ts";
export { contentHashOf } from "./identity.ts";
export { isSupportedName, SUPPORTED_EXTENSIONS } from "./formats.ts";
export { parseDate, findDates } from "./dates.ts";
export * from "./limits.ts";
