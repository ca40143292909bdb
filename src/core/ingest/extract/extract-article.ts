import { detectLanguage, languageTagCode } from "../../text/language.ts";
import { type LanguageCode, UNDETERMINED_LANGUAGE } from "../../types.ts";
import type { Block } from "../draft.ts";
import { cleanInline } from "../lines.ts";
import { blocksOf, joinLines, type TextBlock } from "./blocks.ts";
import { cleanBlocks } from "./body-blocks.ts";
import { removeBoilerplate } from "./boilerplate.ts";
import { all, type DomDocument, type DomElement, first, parseHtmlDocument, squeeze } from "./dom.ts";
import { MAX_HTML_CHARS, type PreparedHtml, prepareHtml } from "./html-source.ts";
import { authorOf, type PageMetadata, readPageMetadata } from "./page-metadata.ts";
import { readabilityContent } from "./readability-pass.ts";

export interface ExtractedArticle {
  url: string | undefined;
  title: string | undefined;
  /** The article's own text, paragraphs separated by a blank line. */
  text: string;
  /** yyyy-mm-dd */
  published: string | undefined;
  author: string | undefined;
  source: string | undefined;
  language: LanguageCode;
  warnings: string[];
}

export interface ExtractOptions {
  /** Where the page was fetched from: resolves a relative canonical link, and is the url when none is stated. */
  url?: string;
}

/** The article's blocks and metadata, for the ingest. */
export interface ExtractedBlocks {
  blocks: Block[];
  metadata: PageMetadata;
  warnings: string[];
}

const LITTLE_TEXT_CHARS = 200;
const MIN_ARTICLE_ELEMENT_CHARS = 200;
/**
 * Readability's time grows faster than linearly with the page, and very fast with nesting: beyond this many
 * elements, or this deep, it is not used (news pages have about a thousand elements, nested 20 to 50 deep).
 */
const MAX_READABILITY_ELEMENTS = 6000;
const MAX_READABILITY_DEPTH = 120;
const BINARY_SAMPLE_CHARS = 4096;
const MAX_CONTROL_SHARE = 0.05;

/** The article of a news page: its own text without page furniture, and its metadata. Never throws. */
export function extractArticle(html: string, options: ExtractOptions = {}): ExtractedArticle {
  const { blocks, metadata, warnings } = extractBlocks(html, options);
  const text = blocks.map((block) => block.text).join("\n\n");
  return {
    url: metadata.url,
    title: metadata.title,
    text,
    published: metadata.published,
    author: metadata.author,
    source: metadata.source,
    language: languageOf(text, metadata.languageHint),
    warnings,
  };
}

export function extractBlocks(html: string, options: ExtractOptions = {}): ExtractedBlocks {
  const warnings: string[] = [];
  if (typeof html !== "string" || html.trim() === "") {
    return { blocks: [], metadata: {}, warnings: ["the page is empty"] };
  }
  if (looksBinary(html))
    return { blocks: [], metadata: {}, warnings: ["the page looks binary, not like HTML"] };
  try {
    const prepared = prepareHtml(html);
    if (prepared.truncated)
      warnings.push(`the page is longer than ${MAX_HTML_CHARS} characters of markup: its end is ignored`);
    const { blocks, metadata } = extractFrom(prepared, options);
    const chars = blocks.reduce((sum, block) => sum + block.text.length, 0);
    if (chars === 0) warnings.push("no article text was found on the page");
    else if (chars < LITTLE_TEXT_CHARS) warnings.push("the page has little text");
    return { blocks: blocks.map(({ kind, text }) => ({ kind, text })), metadata, warnings };
  } catch (error) {
    warnings.push(`the page could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return { blocks: [], metadata: {}, warnings };
  }
}

function extractFrom(
  { html, jsonLd }: PreparedHtml,
  options: ExtractOptions,
): { blocks: TextBlock[]; metadata: PageMetadata } {
  const document = parseHtmlDocument(html);
  const metadata = readPageMetadata(document, jsonLd, options.url);
  const root = document.body ?? document.documentElement;
  const shape = root === null ? undefined : removeBoilerplate(root);
  const tooLarge =
    shape === undefined || shape.elements > MAX_READABILITY_ELEMENTS || shape.depth > MAX_READABILITY_DEPTH;
  const readable = tooLarge ? undefined : readabilityContent(document);
  const found = readable ? blocksOf(readable.content) : mainBlocks(tooLarge ? document : parseCleaned(html));
  let blocks = joinLines(cleanBlocks(found, metadata.title));
  const byline = authorOf(readable?.byline);
  if (byline !== undefined && metadata.author === undefined) metadata.author = byline;
  const chars = blocks.reduce((sum, block) => sum + block.text.length, 0);
  if (metadata.statedBody !== undefined && metadata.statedBody.length > 2 * chars) {
    blocks = metadata.statedBody
      .split(/\s*\n\s*/)
      .map((text) => cleanInline(text))
      .filter((text) => text !== "")
      .map((text, paragraph) => ({ kind: "text", text, linkChars: 0, paragraph }));
  }
  return { blocks, metadata };
}

/** Without Readability: the page's largest <article>, else its <main>, else its body. */
function mainBlocks(document: DomDocument): TextBlock[] {
  const root = largestOf(all(document, "article")) ?? first(document, "main") ?? document.body;
  return root ? blocksOf(root) : [];
}

/** A fresh document for when Readability failed half-way through changing the first. */
function parseCleaned(html: string): DomDocument {
  const document = parseHtmlDocument(html);
  const root = document.body ?? document.documentElement;
  if (root) removeBoilerplate(root);
  return document;
}

function largestOf(elements: DomElement[]): DomElement | undefined {
  const sized = elements.map((element) => ({ element, chars: squeeze(element.textContent).length }));
  const largest = sized.sort((a, b) => b.chars - a.chars)[0];
  return largest !== undefined && largest.chars >= MIN_ARTICLE_ELEMENT_CHARS ? largest.element : undefined;
}

/** NUL bytes or many control characters: an image or archive decoded as text. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, BINARY_SAMPLE_CHARS);
  if (sample.includes("\u0000")) return true;
  const controls = sample.match(/[^\P{Cc}\t\n\f\r]|\ufffd/gu)?.length ?? 0;
  return controls > sample.length * MAX_CONTROL_SHARE;
}

function languageOf(text: string, hint: string | undefined): LanguageCode {
  const detected = detectLanguage(text);
  if (detected !== UNDETERMINED_LANGUAGE) return detected;
  return (hint === undefined ? undefined : languageTagCode(hint)) ?? UNDETERMINED_LANGUAGE;
}
