import { parseHTML } from "linkedom";

/** The part of the DOM the extractor reads: tsconfig has no "dom" lib, and linkedom is close to the standard. */
export interface DomNode {
  readonly nodeType: number;
  readonly parentNode: DomNode | null;
  readonly childNodes: ArrayLike<DomNode>;
  textContent: string | null;
}

export interface DomElement extends DomNode {
  readonly localName: string;
  readonly parentElement: DomElement | null;
  readonly lastElementChild: DomElement | null;
  readonly previousElementSibling: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  removeAttribute(name: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
  replaceWith(...nodes: DomNode[]): void;
}

export interface DomDocument extends DomNode {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** A document for the page; linkedom needs an <html> root to give a body. */
export function parseHtmlDocument(html: string): DomDocument {
  const source = /<html[\s>]/i.test(html)
    ? html
    : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(source).document as unknown as DomDocument;
}

export function all(root: DomDocument | DomElement, selector: string): DomElement[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** The elements under a root, in document order: a plain walk, much faster than linkedom's selector engine. */
export function elementsWithin(root: DomElement): DomElement[] {
  const found: DomElement[] = [];
  const stack: DomElement[] = [];
  for (let child = root.lastElementChild; child !== null; child = child.previousElementSibling)
    stack.push(child);
  for (let element = stack.pop(); element !== undefined; element = stack.pop()) {
    found.push(element);
    for (let child = element.lastElementChild; child !== null; child = child.previousElementSibling)
      stack.push(child);
  }
  return found;
}

export interface TreeShape {
  elements: number;
  /** Elements on the longest path down from the root. */
  depth: number;
}

export function treeShape(root: DomElement): TreeShape {
  let elements = 0;
  let depth = 0;
  const stack: [DomElement, number][] = [[root, 0]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [element, level] = entry;
    elements++;
    depth = Math.max(depth, level);
    for (let child = element.lastElementChild; child !== null; child = child.previousElementSibling)
      stack.push([child, level + 1]);
  }
  return { elements, depth };
}

/** The class attribute's words. */
export function classesOf(element: DomElement): string[] {
  const value = element.getAttribute("class");
  return value === null ? [] : value.split(/\s+/).filter((word) => word !== "");
}

export function first(root: DomDocument | DomElement, selector: string): DomElement | undefined {
  try {
    return root.querySelector(selector) ?? undefined;
  } catch {
    return undefined;
  }
}

export function attribute(element: DomElement, name: string): string | undefined {
  const value = element.getAttribute(name);
  return value === null ? undefined : value;
}

export function squeeze(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}
