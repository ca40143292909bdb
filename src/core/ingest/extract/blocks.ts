import type { Block } from "../draft.ts";
import { cleanInline } from "../lines.ts";
import { type DomElement, type DomNode, isElement, TEXT_NODE } from "./dom.ts";

/** A block of text with what its markup says about it. */
export interface TextBlock extends Block {
  /** Characters inside links: a block that is mostly links points elsewhere. */
  linkChars: number;
  /** Lines split by <br> share their paragraph's number; every other block starts a new one. */
  paragraph: number;
}

const BLOCK_TAGS = new Set(
  (
    "address article aside blockquote body center dd details dialog div dl dt fieldset figcaption figure footer " +
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot tr ul caption"
  ).split(" "),
);
const SKIPPED_TAGS = new Set(
  "script style noscript template svg iframe object embed button select textarea input head title".split(" "),
);
const CELL_TAGS = new Set(["td", "th"]);
const HEADING_TAG = /^h[1-6]$/;

/**
 * The text of an element as blocks: one per paragraph, heading, list item, table row, and line of a paragraph
 * broken by <br> (cleaned line by line, then joined again by joinLines).
 */
export function blocksOf(root: DomElement): TextBlock[] {
  const collector = new BlockCollector();
  collector.visit(root);
  return collector.finish();
}

class BlockCollector {
  private readonly blocks: TextBlock[] = [];
  private buffer = "";
  private linkChars = 0;
  private linkDepth = 0;
  private headingDepth = 0;
  private paragraph = 0;
  private listDepth = 0;

  visit(root: DomNode): void {
    const stack: { node: DomNode; leaving: boolean }[] = [{ node: root, leaving: false }];
    for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
      if (step.leaving) this.leave(step.node as DomElement);
      else if (this.enter(step.node)) {
        stack.push({ node: step.node, leaving: true });
        const children = step.node.childNodes;
        for (let index = children.length - 1; index >= 0; index--) {
          const child = children[index];
          if (child) stack.push({ node: child, leaving: false });
        }
      }
    }
  }

  /** Opens an element; false when there is nothing inside to visit. */
  private enter(node: DomNode): boolean {
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? "";
      this.buffer += text;
      if (this.linkDepth > 0) this.linkChars += text.trim().length;
      return false;
    }
    if (!isElement(node)) return false;
    const tag = node.localName;
    if (SKIPPED_TAGS.has(tag)) return false;
    if (tag === "br") {
      if (this.headingDepth > 0) this.buffer += " ";
      else this.flush(false);
      return false;
    }
    if (CELL_TAGS.has(tag)) this.buffer += " ";
    if (BLOCK_TAGS.has(tag)) this.flush();
    if (HEADING_TAG.test(tag)) this.headingDepth++;
    if (tag === "li") this.listDepth++;
    if (tag === "a") this.linkDepth++;
    return true;
  }

  private leave(element: DomElement): void {
    const tag = element.localName;
    if (tag === "a") this.linkDepth--;
    if (CELL_TAGS.has(tag)) this.buffer += " ";
    if (BLOCK_TAGS.has(tag)) this.flush();
    if (tag === "li") this.listDepth--;
    if (HEADING_TAG.test(tag)) this.headingDepth--;
  }

  finish(): TextBlock[] {
    this.flush();
    return this.blocks;
  }

  private flush(endsParagraph = true): void {
    const text = cleanInline(this.buffer);
    const linkChars = this.linkChars;
    this.buffer = "";
    this.linkChars = 0;
    if (text !== "") {
      const kind = this.headingDepth > 0 ? "heading" : this.listDepth > 0 ? "item" : "text";
      this.blocks.push({
        kind,
        text,
        linkChars: Math.min(linkChars, text.length),
        paragraph: this.paragraph,
      });
    }
    if (endsParagraph) this.paragraph++;
  }
}

/** Lines of one paragraph (split by <br>) back into one block, a line break between them. */
export function joinLines(blocks: readonly TextBlock[]): TextBlock[] {
  const joined: TextBlock[] = [];
  for (const block of blocks) {
    const previous = joined.at(-1);
    if (previous !== undefined && previous.paragraph === block.paragraph && previous.kind === block.kind) {
      joined[joined.length - 1] = {
        ...previous,
        text: `${previous.text}\n${block.text}`,
        linkChars: previous.linkChars + block.linkChars,
      };
    } else joined.push(block);
  }
  return joined;
}
