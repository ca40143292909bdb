import { blockTextLength, context, type SlackBlock, type SlackMessage, section } from "./blocks.ts";
import { SLACK_LIMITS } from "./limits.ts";
import { escapeWithin } from "./slack-text.ts";

/** One row of a section: mrkdwn text, and the plain text that stands for it in the fallback. */
export interface RenderedLine {
  text: string;
  fallback: string;
}

/** A block and the plain (unescaped) text that stands for it in the message's notification fallback. */
export interface RenderedBlock {
  block: SlackBlock;
  fallback: string;
}

/** Room kept in every message of a multi-part answer for its "Part 2 of 3" footer. */
const FOOTER_BLOCKS = 1;
const FOOTER_CHARACTERS = 40;

/**
 * Joins lines into sections of at most `max` characters each (one line per row); every line must already fit
 * on its own. Each section's fallback joins the fallbacks of the lines it holds.
 */
export function sectionsOfLines(lines: readonly RenderedLine[], max: number): RenderedBlock[] {
  const groups: RenderedLine[][] = [];
  let current: RenderedLine[] = [];
  let length = 0;
  for (const line of lines) {
    if (current.length > 0 && length + 1 + line.text.length > max) {
      groups.push(current);
      current = [];
      length = 0;
    }
    length += (current.length > 0 ? 1 : 0) + line.text.length;
    current.push(line);
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group) => ({
    block: section(group.map((line) => line.text).join("\n")),
    fallback: group
      .map((line) => line.fallback)
      .filter(Boolean)
      .join("\n"),
  }));
}

function trimDividers(blocks: RenderedBlock[]): RenderedBlock[] {
  let start = 0;
  let end = blocks.length;
  while (start < end && blocks[start]?.block.type === "divider") start++;
  while (end > start && blocks[end - 1]?.block.type === "divider") end--;
  return blocks.slice(start, end);
}

function splitIntoParts(blocks: readonly RenderedBlock[]): RenderedBlock[][] {
  const maxBlocks = SLACK_LIMITS.blocksPerMessage - FOOTER_BLOCKS;
  const maxCharacters = SLACK_LIMITS.blockTextPerMessage - FOOTER_CHARACTERS;
  const parts: RenderedBlock[][] = [];
  let current: RenderedBlock[] = [];
  let characters = 0;
  for (const rendered of blocks) {
    const length = blockTextLength(rendered.block);
    if (current.length > 0 && (current.length + 1 > maxBlocks || characters + length > maxCharacters)) {
      parts.push(current);
      current = [];
      characters = 0;
    }
    current.push(rendered);
    characters += length;
  }
  parts.push(current);
  return parts.map(trimDividers).filter((part) => part.length > 0);
}

/** Spreads blocks over as many messages as Slack's block count and text limits need, in order. */
export function packMessages(blocks: readonly RenderedBlock[]): SlackMessage[] {
  const parts = splitIntoParts(blocks);
  return parts.map((part, index) => {
    const fallback = part
      .map((rendered) => rendered.fallback)
      .filter(Boolean)
      .join("\n");
    const messageBlocks = part.map((rendered) => rendered.block);
    if (parts.length > 1) messageBlocks.push(context(`Part ${index + 1} of ${parts.length}`));
    return {
      text: escapeWithin(fallback || "Briefbot", SLACK_LIMITS.fallbackText),
      blocks: messageBlocks,
    };
  });
}
