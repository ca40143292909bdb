import type { Block } from "./draft.ts";
import { cleanInline, endsLikeSentence, startsLowercase } from "./lines.ts";

/** Lines of a hard-wrapped paragraph reach at least this share of the block's longest line. */
const WRAPPED_LINE_SHARE = 0.7;
const MAX_WRAP_WIDTH = 110;

/**
 * Plain text to blocks. Blank lines separate blocks. Inside a blank-line group, each line is its own block
 * (a headline, a byline, a subheading followed by its paragraph) unless the text is hard-wrapped or the next
 * line plainly continues the sentence.
 */
export function parsePlainText(text: string): Block[] {
  const blocks: Block[] = [];
  for (const group of text.split(/\n\s*\n/)) {
    const lines = group
      .split("\n")
      .map(cleanInline)
      .filter((line) => line !== "");
    for (const paragraph of joinLines(lines)) blocks.push({ kind: "text", text: paragraph });
  }
  return blocks;
}

function joinLines(lines: string[]): string[] {
  const width = lines.reduce((longest, line) => Math.max(longest, line.length), 0);
  const wrapped = isHardWrapped(lines, width);
  const paragraphs: string[] = [];
  let current = "";
  let previous = "";
  for (const line of lines) {
    if (current !== "" && continues(previous, line, wrapped ? width : 0)) {
      current = `${current} ${line}`;
    } else {
      if (current !== "") paragraphs.push(current);
      current = line;
    }
    previous = line;
  }
  if (current !== "") paragraphs.push(current);
  return paragraphs;
}

/** `wrapWidth` is the line width of a hard-wrapped block, 0 when the block is not wrapped. */
function continues(previous: string, line: string, wrapWidth: number): boolean {
  if (startsLowercase(line) && !endsLikeSentence(previous)) return true;
  return wrapWidth > 0 && previous.length >= wrapWidth * WRAPPED_LINE_SHARE;
}

function isHardWrapped(lines: string[], width: number): boolean {
  if (lines.length < 3 || width > MAX_WRAP_WIDTH) return false;
  const inner = lines.slice(0, -1);
  const full = inner.filter((line) => line.length >= width * WRAPPED_LINE_SHARE).length;
  return full >= inner.length * 0.6;
}
