import {
  attribute,
  type DomElement,
  elementsWithin,
  first,
  squeeze,
  type TreeShape,
  treeShape,
} from "./dom.ts";

/** Elements that never hold article text. */
const NEVER_TEXT = new Set(
  "script style noscript template svg iframe object embed button select textarea input figcaption".split(" "),
);
/** Elements that are furniture unless they hold much of the page's text. */
const FURNITURE_TAGS = new Set(["nav", "aside", "dialog", "menu"]);
const FURNITURE_ROLES = new Set(
  "navigation banner contentinfo complementary search dialog alertdialog menu menubar".split(" "),
);

/** Words of class names and ids that name page furniture: share bars, related links, comments, banners ... */
const FURNITURE_WORDS = new Set(
  (
    "share shares sharing sharebar social socials related relatedposts newsletter newsletters cookie cookies " +
    "consent gdpr advert advertisement advertising advertorial ad ads adslot adunit promo promos comment " +
    "comments commentlist disqus breadcrumb breadcrumbs subscribe subscription sidebar popup modal outbrain " +
    "taboola recirc recirculation trending tags taglist tooltip popover hovercard caption captions " +
    "credit credits gallery slideshow carousel lightbox byline dateline timestamp bio"
  ).split(" "),
);
/** Two consecutive words that name furniture, e.g. "most-read", "author-bio", "sr-only". */
const FURNITURE_PAIRS = new Set(
  (
    "most read|most popular|read more|more stories|author bio|author info|author box|about author|" +
    "tag list|image credit|photo credit|hover card|sr only|screen reader|visually hidden|skip link|print only|" +
    "entry meta|post meta|article meta|you may|also like"
  ).split("|"),
);
/** Embedded posts quoted by the article ("social-media-embed" around a blockquote) are its text. */
const EMBED_NAME = /embed|tweet/i;
const NAME_WORD_BREAK = /[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])/;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** An element holding this share of the page's paragraph text is content, whatever its class says. */
const CONTENT_SHARE = 0.2;
/** A card that links to another article: a linked headline over a line or two. */
const MAX_TEASER_CHARS = 500;

/**
 * Removes page furniture under the root: scripts, navigation, hidden elements, cards for other articles, and
 * elements whose role, class or id names a share bar, related links, comments, a cookie banner and the like.
 * An element that holds much of the page's paragraph text stays: a class such as "has-sidebar" on the content
 * column says little. Returns the shape of what is left.
 */
export function removeBoilerplate(root: DomElement): TreeShape {
  const elements = elementsWithin(root);
  for (const element of elements) if (NEVER_TEXT.has(element.localName)) element.remove();
  removeTeasers(elements);
  removePopupCards(elements);
  const chars = paragraphCharsWithin(elements);
  const total = chars.get(root) ?? 0;
  for (const element of elements) {
    if (NEVER_TEXT.has(element.localName) || !element.parentNode) continue;
    if (isEmbeddedPost(element)) unwrapPost(element);
    else if (isFurniture(element) && !(total > 0 && (chars.get(element) ?? 0) >= CONTENT_SHARE * total)) {
      element.remove();
    }
  }
  return treeShape(root);
}

export function isFurniture(element: DomElement): boolean {
  if (FURNITURE_TAGS.has(element.localName)) return true;
  if (element.hasAttribute("hidden") || attribute(element, "aria-hidden") === "true") return true;
  if (HIDDEN_STYLE.test(attribute(element, "style") ?? "")) return true;
  if (FURNITURE_ROLES.has(attribute(element, "role") ?? "")) return true;
  return namesFurniture(namesOf(element));
}

/** "share-bar", "newsCaption", "most_read": class names and ids split into lower-case words. */
export function namesFurniture(names: string): boolean {
  const words = names
    .split(NAME_WORD_BREAK)
    .filter((word) => word !== "")
    .map((word) => word.toLowerCase());
  return words.some(
    (word, index) =>
      FURNITURE_WORDS.has(word) || (index > 0 && FURNITURE_PAIRS.has(`${words[index - 1]} ${word}`)),
  );
}

function namesOf(element: DomElement): string {
  return `${attribute(element, "class") ?? ""} ${attribute(element, "id") ?? ""}`;
}

/**
 * A post from a social network quoted in the article ("social-media-embed" around a blockquote): its text
 * belongs to the article, and its class names would make it look like a share bar to Readability too.
 */
function isEmbeddedPost(element: DomElement): boolean {
  return EMBED_NAME.test(namesOf(element)) && first(element, "blockquote") !== undefined;
}

/** Readability drops a link-heavy <div> around a quoted post: the post's blockquote takes its place. */
function unwrapPost(element: DomElement): void {
  const quotes = elementsWithin(element).filter(
    (quote) => quote.localName === "blockquote" && quote.parentElement?.closest("blockquote") == null,
  );
  for (const quote of quotes) quote.removeAttribute("class");
  if (element.localName !== "blockquote") element.replaceWith(...quotes);
}

/** Cards for other articles (two or more <article> elements, each a linked headline and a short summary). */
function removeTeasers(elements: readonly DomElement[]): void {
  const teasers = elements.filter(
    (element) =>
      element.localName === "article" &&
      squeeze(element.textContent).length < MAX_TEASER_CHARS &&
      first(element, "h1 a, h2 a, h3 a, h4 a, a h1, a h2, a h3, a h4") !== undefined,
  );
  if (teasers.length >= 2) for (const teaser of teasers) teaser.remove();
}

/** A pop-up card inside a sentence (a person's photo and links to their articles, shown on hover). */
function removePopupCards(elements: readonly DomElement[]): void {
  for (let index = elements.length - 1; index >= 0; index--) {
    const card = elements[index] as DomElement;
    if (card.localName !== "span" || card.closest("p") === null) continue;
    if (first(card, "img") !== undefined && card.querySelectorAll("a").length >= 2) card.remove();
  }
}

/** Characters of <p> text inside each element that holds any. */
function paragraphCharsWithin(elements: readonly DomElement[]): Map<DomElement, number> {
  const chars = new Map<DomElement, number>();
  for (const paragraph of elements) {
    if (paragraph.localName !== "p" || !paragraph.parentNode) continue;
    const length = squeeze(paragraph.textContent).length;
    for (let element: DomElement | null = paragraph; element !== null; element = element.parentElement)
      chars.set(element, (chars.get(element) ?? 0) + length);
  }
  return chars;
}
