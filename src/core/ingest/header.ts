import { splitSentences } from "../text/sentences.ts";
import { readByline } from "./byline.ts";
import { findDates } from "./dates.ts";
import type { Block } from "./draft.ts";
import { comparable, isHeadingLike, isHeadlineLike } from "./lines.ts";

/** What the top (and bottom) of an article says about it, and the blocks that remain as body. */
export interface Header {
  title: string | undefined;
  author?: string;
  published?: string;
  source?: string;
  body: Block[];
}

/** The headline is looked for among this many leading blocks ... */
const TITLE_SEARCH_BLOCKS = 6;
/** ... before the first block this long, which is body text. */
const HEADER_BLOCK_MAX_CHARS = 300;
/** Bylines and datelines are looked for among this many blocks under the headline. */
const BYLINE_SEARCH_BLOCKS = 4;
const SOURCE_LABEL = /^(?:source|bron|quelle|fuente|fonte)\s*:\s*(.{2,80}?)\.?$/i;

/**
 * Finds the headline (or the stated title's line), reads bylines, datelines and source lines around it and
 * removes them from the body. Lines above the headline are masthead and go, after their metadata is read.
 */
export function extractHeader(blocks: Block[], statedTitle: string | undefined): Header {
  const titleIndex =
    statedTitle === undefined ? findTitleIndex(blocks) : findStatedTitle(blocks, statedTitle);
  const header: Header = {
    title: statedTitle ?? blocks[titleIndex]?.text,
    body: blocks.slice(titleIndex + 1),
  };
  for (const block of blocks.slice(0, Math.max(0, titleIndex))) absorb(header, block.text);
  const body = header.body.filter((block, index) => {
    const nearTop = index < BYLINE_SEARCH_BLOCKS;
    const nearEnd = index >= header.body.length - 2 && SOURCE_LABEL.test(block.text);
    return !((nearTop || nearEnd) && absorb(header, block.text));
  });
  if (body.length > 0) header.body = body;
  return header;
}

/** A full date in the first sentence of the first body paragraph ("… announced last June 24, 2013 …"). */
export function leadDate(body: Block[]): string | undefined {
  const lead = body.find((block) => block.kind !== "heading" && !isHeadingLike(block.text));
  const first = lead === undefined ? undefined : splitSentences(lead.text)[0];
  return first && lead ? findDates(lead.text.slice(first.start, first.end))[0]?.iso : undefined;
}

function findTitleIndex(blocks: Block[]): number {
  const limit = Math.min(blocks.length, TITLE_SEARCH_BLOCKS);
  for (let index = 0; index < limit; index++) {
    const block = blocks[index];
    if (block === undefined || block.text.length > HEADER_BLOCK_MAX_CHARS) break;
    if (isMetadataLine(block.text) || block.kind === "item") continue;
    const headline = block.kind === "heading" || isHeadlineLike(block.text);
    if (headline && (bylineFollows(blocks, index) || bodyFollows(blocks, index))) return index;
  }
  return -1;
}

function findStatedTitle(blocks: Block[], title: string): number {
  const wanted = comparable(title);
  const limit = Math.min(blocks.length, TITLE_SEARCH_BLOCKS);
  for (let index = 0; index < limit; index++) {
    const text = blocks[index]?.text ?? "";
    if (comparable(text) === wanted) return index;
    if (text.length > HEADER_BLOCK_MAX_CHARS) break;
  }
  return -1;
}

/** A byline or dateline right under a line marks that line as the headline, whatever comes after. */
function bylineFollows(blocks: Block[], index: number): boolean {
  const next = blocks[index + 1];
  return next !== undefined && readByline(next.text) !== undefined;
}

function bodyFollows(blocks: Block[], index: number): boolean {
  const next = blocks.slice(index + 1).find((block) => !isMetadataLine(block.text));
  return next !== undefined && (next.kind === "item" || (next.kind === "text" && !isHeadingLike(next.text)));
}

function isMetadataLine(text: string): boolean {
  return readByline(text) !== undefined || SOURCE_LABEL.test(text);
}

/** Records a byline, dateline or source line; false when the line is none of these. */
function absorb(header: Header, text: string): boolean {
  const source = SOURCE_LABEL.exec(text)?.[1];
  if (source !== undefined) {
    header.source ??= source;
    return true;
  }
  const byline = readByline(text);
  if (byline === undefined) return false;
  header.author ??= byline.author;
  header.published ??= byline.published;
  return true;
}
