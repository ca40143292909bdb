import { Readability } from "@mozilla/readability";
import type { DomDocument, DomElement } from "./dom.ts";

export interface ReadabilityResult {
  content: DomElement;
  byline: string | undefined;
}

/**
 * Mozilla Readability's choice of the article's element, as a DOM element for blocksOf. It changes the
 * document: read metadata before. Undefined when it finds nothing or fails.
 */
export function readabilityContent(document: DomDocument): ReadabilityResult | undefined {
  try {
    const reader = new Readability<DomElement>(document as never, {
      serializer: (node) => node as unknown as DomElement,
    });
    const parsed = reader.parse();
    if (!parsed?.content) return undefined;
    return { content: parsed.content, byline: parsed.byline ?? undefined };
  } catch {
    return undefined;
  }
}
