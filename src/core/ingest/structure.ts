import type { Block } from "./draft.ts";
import { comparable, isHeadingLike, wordCount } from "./lines.ts";

/** One paragraph of the cleaned body. Headings are kept for reading but hold no answer sentences. */
export interface BodyParagraph {
  text: string;
  heading: boolean;
}

/** Three or more short lines in a row without prose are a menu, not subheadings. */
const MENU_RUN = 3;

/**
 * Body blocks to paragraphs: a standfirst repeated by the first paragraph goes, list items become one
 * paragraph of lines, a heading stays only when prose follows it. Never returns nothing for non-empty input.
 */
export function arrangeBody(blocks: Block[]): BodyParagraph[] {
  const paragraphs = mergeItems(withoutRepeats(blocks));
  const kept = dropOrphanHeadings(dropMenus(paragraphs));
  return kept.some((paragraph) => !paragraph.heading)
    ? kept
    : paragraphs.map((paragraph) => ({ text: paragraph.text, heading: false }));
}

/** A block repeated at the start of the next one is a standfirst or teaser; only short blocks qualify. */
const MAX_REPEAT_CHARS = 400;

function withoutRepeats(blocks: Block[]): Block[] {
  return blocks.filter((block, index) => {
    const next = blocks[index + 1];
    const { length } = block.text;
    if (next === undefined || length > MAX_REPEAT_CHARS || next.text.length < length) return true;
    if (block.text.slice(0, 8).toLowerCase() !== next.text.slice(0, 8).toLowerCase()) return true;
    const current = comparable(block.text);
    const repeated = comparable(next.text.slice(0, length + 20)).startsWith(current);
    return !(repeated && wordCount(block.text) >= 4);
  });
}

interface Classified extends BodyParagraph {
  explicit: boolean;
}

function mergeItems(blocks: Block[]): Classified[] {
  const paragraphs: Classified[] = [];
  for (const [index, block] of blocks.entries()) {
    const previous = paragraphs.at(-1);
    if (block.kind === "item" && blocks[index - 1]?.kind === "item" && previous) {
      previous.text = `${previous.text}\n${block.text}`;
      continue;
    }
    const heading = block.kind === "heading" || (block.kind === "text" && isHeadingLike(block.text));
    paragraphs.push({ text: block.text, heading, explicit: block.kind === "heading" });
  }
  return paragraphs;
}

function dropMenus(paragraphs: Classified[]): Classified[] {
  const kept: Classified[] = [];
  let run: Classified[] = [];
  const endRun = () => {
    if (run.length < MENU_RUN) kept.push(...run);
    run = [];
  };
  for (const paragraph of paragraphs) {
    if (paragraph.heading && !paragraph.explicit) {
      run.push(paragraph);
    } else {
      endRun();
      kept.push(paragraph);
    }
  }
  endRun();
  return kept;
}

function dropOrphanHeadings(paragraphs: Classified[]): BodyParagraph[] {
  const lastProse = paragraphs.findLastIndex((paragraph) => !paragraph.heading);
  return paragraphs.slice(0, lastProse + 1).map(({ text, heading }) => ({ text, heading }));
}
