import { Parser } from "htmlparser2";
import type { Block } from "../ingest/draft.ts";
import { breaksBlock, headingLevel, isSkipped } from "../ingest/html-elements.ts";
import { cleanInline } from "../ingest/lines.ts";

/** Plain text of a snippet that may hold markup or entities ("T &amp; U", "<b>Big</b> news"). */
export function plainText(html: string): string {
  if (!/[<&]/u.test(html)) return cleanInline(html);
  return cleanInline(
    htmlBlocks(html)
      .map((block) => block.text)
      .join(" "),
  );
}

/** The blocks of an HTML fragment (a feed item's content): paragraphs, headings and list items. */
export function htmlBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let buffer = "";
  let kind: Block["kind"] = "text";
  let skipDepth = 0;
  let listDepth = 0;
  const flush = () => {
    const text = cleanInline(buffer);
    buffer = "";
    if (text !== "") blocks.push({ kind, text });
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (skipDepth > 0 || isSkipped(name, attributes, true)) {
          skipDepth++;
          return;
        }
        if (name === "li") listDepth++;
        if (name === "br") flush();
        else if (breaksBlock(name)) {
          flush();
          kind = headingLevel(name) > 0 ? "heading" : listDepth > 0 ? "item" : "text";
        }
      },
      onclosetag(name) {
        // htmlparser2 closes every element it opened, void ones included.
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (breaksBlock(name)) {
          flush();
          if (name === "li") listDepth = Math.max(0, listDepth - 1);
          kind = listDepth > 0 ? "item" : "text";
        }
      },
      ontext(text) {
        if (skipDepth === 0) buffer += text;
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  flush();
  return blocks;
}
