import type { Block, StatedMetadata } from "./draft.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { cleanInline } from "./lines.ts";
import { headingLinkUrl, labeledUrl, stripInlineMarkdown } from "./markdown-inline.ts";

export interface ParsedMarkdown {
  blocks: Block[];
  stated: StatedMetadata;
}

const FENCE = /^\s{0,3}(```|~~~)/;
const ATX_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const SETEXT_UNDERLINE = /^\s{0,3}(=+|-+)\s*$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*\S+/;

/** Markdown to blocks: headings, list items and paragraphs as plain text; code and images dropped. */
export function parseMarkdown(text: string): ParsedMarkdown {
  const { stated, body } = splitFrontMatter(text);
  const reader = new BlockReader();
  let inFence = false;
  for (const line of body.split("\n")) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      reader.flush();
    } else if (!inFence) {
      reader.read(line);
    }
  }
  reader.flush();
  stated.url ??= reader.url;
  return { blocks: reader.blocks, stated };
}

class BlockReader {
  readonly blocks: Block[] = [];
  url: string | undefined;
  private lines: string[] = [];
  private kind: Block["kind"] = "text";

  read(raw: string): void {
    const line = raw.replace(/^\s{0,3}(?:>\s?)+/, "");
    const heading = ATX_HEADING.exec(line);
    const item = LIST_ITEM.exec(line);
    if (SETEXT_UNDERLINE.test(line) && this.kind === "text" && this.lines.length > 0) {
      this.kind = "heading";
      this.flush();
    } else if (
      line.trim() === "" ||
      RULE.test(line) ||
      TABLE_SEPARATOR.test(line) ||
      REFERENCE_DEFINITION.test(line)
    ) {
      this.flush();
    } else if (heading) {
      this.flush();
      this.url ??= this.blocks.length === 0 ? headingLinkUrl(heading[2] ?? "") : undefined;
      this.push("heading", heading[2] ?? "");
    } else if (item && !RULE.test(line)) {
      this.flush();
      this.start("item", item[1] ?? "");
    } else if (line.trim().startsWith("|")) {
      this.flush();
      this.push("item", line.replace(/^\s*\||\|\s*$/g, "").replace(/\s*\|\s*/g, "; "));
    } else {
      if (this.lines.length === 0) this.kind = "text";
      this.url ??= labeledUrl(line.trim());
      this.lines.push(line);
    }
  }

  flush(): void {
    if (this.lines.length > 0) this.push(this.kind, this.lines.join(" "));
    this.lines = [];
    this.kind = "text";
  }

  private start(kind: Block["kind"], line: string): void {
    this.kind = kind;
    this.lines = [line];
  }

  private push(kind: Block["kind"], markdown: string): void {
    const text = cleanInline(stripInlineMarkdown(markdown));
    if (text !== "") this.blocks.push({ kind, text });
  }
}
