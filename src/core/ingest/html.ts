import { Parser } from "htmlparser2";
import type { Block, StatedMetadata } from "./draft.ts";
import { breaksBlock, headingLevel, isSkipped, isVoid } from "./html-elements.ts";
import { type HtmlMetadata, metaField, readJsonLd, setOnce, toStated } from "./html-meta.ts";
import { cleanInline } from "./lines.ts";

export interface ParsedHtml {
  blocks: Block[];
  stated: StatedMetadata;
  /** `<html lang>` or og:locale: often a site-wide default, so only a hint for language detection. */
  languageHint: string | undefined;
}

/** Readable text of an HTML page: the <article> (or <main>) when there is one, without page furniture. */
export function parseHtml(html: string): ParsedHtml {
  const collector = new TextCollector();
  const parser = new Parser(collector, { decodeEntities: true, recognizeSelfClosing: true });
  parser.end(html);
  return collector.result();
}

interface ScopedBlock extends Block {
  /** Index of the enclosing <article>, -1 outside any; `inMain` for <main>. */
  article: number;
  inMain: boolean;
  /** 1 to 6 for headings, 0 otherwise. */
  level: number;
}

class TextCollector {
  private readonly blocks: ScopedBlock[] = [];
  private readonly meta: HtmlMetadata = {};
  private readonly skipStack: string[] = [];
  private buffer = "";
  private kind: Block["kind"] = "text";
  private articles = 0;
  private articleStack: number[] = [];
  private mainDepth = 0;
  private special: "title" | "ld" | undefined;
  private headingLevel = 0;
  private listDepth = 0;
  private specialText = "";

  onopentag(name: string, attributes: Record<string, string>): void {
    const inContent = this.articleStack.length > 0 || this.mainDepth > 0;
    if (this.skipStack.length > 0 || isSkipped(name, attributes, inContent)) {
      if (!isVoid(name)) this.skipStack.push(name);
      if (name === "script" && attributes.type === "application/ld+json") this.startSpecial("ld");
      return;
    }
    this.readAttributes(name, attributes);
    if (name === "article") this.articleStack.push(this.articles++);
    if (name === "main") this.mainDepth++;
    if (name === "title") this.startSpecial("title");
    if (name === "li") this.listDepth++;
    if (name === "br") {
      if (this.headingLevel > 0) this.buffer += " ";
      else this.flush();
    } else if (breaksBlock(name)) {
      this.flush();
      this.headingLevel = headingLevel(name);
      this.kind = this.headingLevel > 0 ? "heading" : this.listDepth > 0 ? "item" : "text";
    }
    if (name === "td" || name === "th") this.buffer += " ";
  }

  onclosetag(name: string): void {
    if (this.skipStack.length > 0) {
      if (this.skipStack.at(-1) === name) this.skipStack.pop();
      if (name === "script" && this.special === "ld") readJsonLd(this.endSpecial(), this.meta);
      return;
    }
    if (name === "title" && this.special === "title") setOnce(this.meta, "documentTitle", this.endSpecial());
    if (breaksBlock(name)) {
      this.flush();
      if (name === "li") this.listDepth = Math.max(0, this.listDepth - 1);
      this.headingLevel = 0;
      this.kind = this.listDepth > 0 ? "item" : "text";
    }
    if (name === "article") this.articleStack.pop();
    if (name === "main") this.mainDepth = Math.max(0, this.mainDepth - 1);
  }

  ontext(text: string): void {
    if (this.special !== undefined) this.specialText += text;
    else if (this.skipStack.length === 0) this.buffer += text;
  }

  result(): ParsedHtml {
    this.flush();
    const chosen = chooseContent(this.blocks);
    const headline = chosen.find((block) => block.level === 1)?.text;
    const blocks = chosen.map(({ kind, text }) => ({ kind, text }));
    return { blocks, stated: toStated(this.meta, headline), languageHint: this.meta.languageHint };
  }

  private readAttributes(name: string, attributes: Record<string, string>): void {
    if (name === "html") setOnce(this.meta, "languageHint", attributes.lang ?? attributes["xml:lang"]);
    if (name === "meta") {
      const key = attributes.property ?? attributes.name ?? attributes.itemprop ?? attributes["http-equiv"];
      const field = key === undefined ? undefined : metaField(key);
      if (field) setOnce(this.meta, field, attributes.content);
    }
    if (name === "link" && /\bcanonical\b/i.test(attributes.rel ?? ""))
      setOnce(this.meta, "url", attributes.href);
    if (name === "time") {
      const isPublished = "pubdate" in attributes || attributes.itemprop === "datePublished";
      if (isPublished || this.articleStack.length > 0) setOnce(this.meta, "published", attributes.datetime);
    }
  }

  private startSpecial(kind: "title" | "ld"): void {
    this.special = kind;
    this.specialText = "";
  }

  private endSpecial(): string {
    const text = this.specialText;
    this.special = undefined;
    this.specialText = "";
    return text;
  }

  private flush(): void {
    const text = cleanInline(this.buffer);
    this.buffer = "";
    if (text === "") return;
    const article = this.articleStack.at(-1) ?? -1;
    this.blocks.push({
      kind: this.kind,
      text,
      article,
      inMain: this.mainDepth > 0,
      level: this.headingLevel,
    });
  }
}

/** The largest <article> if it holds real text, else <main>, else everything. */
function chooseContent(blocks: ScopedBlock[]): ScopedBlock[] {
  const sizes = new Map<number, number>();
  for (const block of blocks)
    if (block.article >= 0) sizes.set(block.article, (sizes.get(block.article) ?? 0) + block.text.length);
  const [largest, size] = [...sizes].sort((a, b) => b[1] - a[1])[0] ?? [-1, 0];
  if (size >= 200) return blocks.filter((block) => block.article === largest);
  const main = blocks.filter((block) => block.inMain);
  return main.reduce((sum, block) => sum + block.text.length, 0) >= 200 ? main : blocks;
}
