import { readByline } from "../byline.ts";
import { findDates } from "../dates.ts";
import { isFurniture } from "../furniture.ts";
import { comparable, endsLikeSentence, wordCount } from "../lines.ts";
import { MONTH_PATTERN } from "../month-names.ts";
import type { TextBlock } from "./blocks.ts";

/** Blocks that are mostly links and shorter than this are menus and lists of other articles. */
const MAX_LINK_LIST_CHARS = 200;
const MIN_LINK_SHARE = 0.8;
/** Headlines, bylines and datelines are looked for among this many leading blocks, and datelines at the end. */
const HEAD_BLOCKS = 5;
const TAIL_BLOCKS = 3;
/** Promotion lines at the end ("Follow us on Twitter", "Sign up for our newsletter") are short. */
const MAX_PROMO_CHARS = 400;
const MAX_DATELINE_CHARS = 100;

const SLIDE_COUNTER = /^(?:\p{L}+\s+)?\d{1,3}\s*(?:of|\/|de|von|sur|van)\s*\d{1,3}$/iu;
const TIME = /\b\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?/giu;
const MONTH = new RegExp(`(?<!\\p{L})(?:${MONTH_PATTERN})\\.?(?!\\p{L})`, "giu");
const WEEKDAY = /(?<!\p{L})(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\.?(?!\p{L})/giu;
const DATE_LABEL =
  /(?<!\p{L})(?:published|posted|updated|last|modified|on|at|am|pm|a\.m|p\.m|utc|gmt|[ecmp][sd]t|bst|cet|cest|date|publicado|publié|le|mis à jour|veröffentlicht|aktualisiert|um|gepubliceerd|bijgewerkt|op|om)(?!\p{L})/giu;
const PROMO =
  /\b(?:sign up (?:for|to|here|now)|subscribe (?:to|for|here|now|today)|(?:our|free|daily|weekly) newsletters?|follow (?:us|him|her|them) (?:on|at|@)|share (?:this|it) with|may (?:earn|receive) (?:a|an) (?:affiliate )?commission|all rights reserved)\b|©|^(?:\(c\)|copyright\b)/i;

/** The article's own blocks: page furniture lines, link lists, repeated headline, bylines and promotions removed. */
export function cleanBlocks(blocks: readonly TextBlock[], title: string | undefined): TextBlock[] {
  const kept = withoutLinkRuns(blocks.filter((block) => !isFurniture(block) && !isSlideCounter(block)));
  const wantedTitle = title === undefined ? undefined : comparable(title);
  const body = kept.filter((block, index) => {
    const head = index < HEAD_BLOCKS;
    const tail = index >= kept.length - TAIL_BLOCKS;
    if (head && wantedTitle !== undefined && comparable(block.text) === wantedTitle) return false;
    if (head && block.kind !== "heading" && readByline(block.text) !== undefined) return false;
    return !((head || tail) && isDateline(block.text));
  });
  return withoutTrailingFurniture(body);
}

function isLink(block: TextBlock): boolean {
  return block.text.length <= MAX_LINK_LIST_CHARS && block.linkChars >= MIN_LINK_SHARE * block.text.length;
}

/**
 * Links to other articles inside the body: two or more blocks in a row that are links (and the short heading
 * above them, "Related coverage:"), or a link in capitals. A single link between paragraphs stays: "Get it on
 * Amazon for $39" is part of a deals article.
 */
function withoutLinkRuns(blocks: TextBlock[]): TextBlock[] {
  const dropped = new Set<number>();
  for (let start = 0; start < blocks.length; ) {
    let end = start;
    while (end < blocks.length && isLink(blocks[end] as TextBlock)) end++;
    if (end - start >= 2) {
      for (let index = start; index < end; index++) dropped.add(index);
      const heading = blocks[start - 1];
      if (heading !== undefined && isShortHeading(heading.text)) dropped.add(start - 1);
    } else if (end > start && isShouting((blocks[start] as TextBlock).text)) dropped.add(start);
    start = Math.max(end, start + 1);
  }
  return dropped.size === 0 ? blocks : blocks.filter((_, index) => !dropped.has(index));
}

function isShouting(text: string): boolean {
  const letters = text.replace(/\P{L}+/gu, "");
  return letters.length >= 12 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function isSlideCounter(block: TextBlock): boolean {
  return block.text.length <= 20 && SLIDE_COUNTER.test(block.text);
}

/** "Nov. 20, 2019, 9:28 AM UTC", "PUBLISHED: 10:48, Tue, Nov 19, 2019": a date or time and a label or two. */
export function isDateline(text: string): boolean {
  if (text.length > MAX_DATELINE_CHARS || !/\d/.test(text)) return false;
  const dates = findDates(text);
  let rest = text;
  for (const date of [...dates].reverse())
    rest = `${rest.slice(0, date.index)} ${rest.slice(date.index + date.length)}`;
  if (dates.length === 0 && rest.search(TIME) === -1 && rest.search(MONTH) === -1) return false;
  rest = rest.replace(TIME, " ").replace(MONTH, " ").replace(WEEKDAY, " ").replace(DATE_LABEL, " ");
  return wordCount(rest.replace(/[\d\p{P}\p{S}]+/gu, " ")) <= 1;
}

/**
 * Trailing blocks that are not the article: promotion lines ("Subscribe to our newsletter"), and a list of
 * links to other articles under a short heading ("More Great Stories").
 */
function withoutTrailingFurniture(blocks: TextBlock[]): TextBlock[] {
  let end = blocks.length;
  let links = 0;
  while (end > 0) {
    const block = blocks[end - 1];
    if (block === undefined) break;
    const share = block.kind === "item" ? 0.3 : 0.6;
    const linked = block.linkChars >= share * block.text.length && block.text.length <= MAX_LINK_LIST_CHARS;
    if (linked && block.kind !== "heading") links++;
    else if (!(block.text.length <= MAX_PROMO_CHARS && PROMO.test(block.text))) break;
    end--;
  }
  const heading = blocks[end - 1];
  if (links >= 2 && heading !== undefined && isShortHeading(heading.text)) end--;
  while (end > 0 && blocks[end - 1]?.kind === "heading") end--;
  return end === blocks.length ? blocks : blocks.slice(0, end);
}

function isShortHeading(text: string): boolean {
  return text.length <= 60 && wordCount(text) <= 8 && (!endsLikeSentence(text) || text.endsWith(":"));
}
