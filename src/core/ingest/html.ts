import type { Block, StatedMetadata } from "./draft.ts";
import { extractBlocks } from "./extract/extract-article.ts";
import type { PageMetadata } from "./extract/page-metadata.ts";

export interface ParsedHtml {
  blocks: Block[];
  stated: StatedMetadata;
  /** `<html lang>` or og:locale: often a site-wide default, so only a hint for language detection. */
  languageHint: string | undefined;
}

/** The article of an HTML page (see extract/extract-article.ts): its own text as blocks, and its metadata. */
export function parseHtml(html: string): ParsedHtml {
  const { blocks, metadata } = extractBlocks(html);
  return { blocks, stated: statedOf(metadata), languageHint: metadata.languageHint };
}

function statedOf(metadata: PageMetadata): StatedMetadata {
  const stated: StatedMetadata = {};
  for (const field of ["title", "url", "published", "source", "author"] as const) {
    const value = metadata[field];
    if (value !== undefined) stated[field] = value;
  }
  return stated;
}
