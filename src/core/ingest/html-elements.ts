/** Elements whose content is never article text. */
const SKIPPED = new Set(
  "script style nav aside form noscript iframe svg template button select textarea object canvas dialog footer menu".split(
    " ",
  ),
);
/** Elements that start and end a block of text. */
const BLOCKS = new Set(
  (
    "p div section article main blockquote pre hr table tr ul ol dl dt dd figure figcaption address header " +
    "center details summary body title li h1 h2 h3 h4 h5 h6"
  ).split(" "),
);
const VOID = new Set("area base br col embed hr img input link meta source track wbr".split(" "));
const SKIPPED_ROLES = new Set("navigation banner contentinfo complementary search dialog alert".split(" "));
const FURNITURE_CLASS = new RegExp(
  "(?:^|[\\s_-])(?:share|sharing|social|related|newsletter|cookies?|consent|advert\\w*|ads?|promo|comments?|" +
    "breadcrumbs?|subscribe|sidebar|popup|modal|paywall|sr-only|visually-hidden)(?:$|[\\s_-])",
  "i",
);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/**
 * Page furniture and hidden content: navigation, scripts, forms, asides, footers, hidden elements, share
 * and cookie widgets by class or id. A <header> counts as furniture only outside <article> and <main>,
 * where it is the site header rather than the article's headline and byline.
 */
export function isSkipped(name: string, attributes: Record<string, string>, inContent: boolean): boolean {
  if (SKIPPED.has(name) || (name === "header" && !inContent)) return true;
  if ("hidden" in attributes || attributes["aria-hidden"] === "true") return true;
  if (HIDDEN_STYLE.test(attributes.style ?? "") || SKIPPED_ROLES.has(attributes.role ?? "")) return true;
  return FURNITURE_CLASS.test(`${attributes.class ?? ""} ${attributes.id ?? ""}`);
}

export function breaksBlock(name: string): boolean {
  return BLOCKS.has(name);
}

/** 1 to 6 for h1 to h6, 0 for anything else. */
export function headingLevel(name: string): number {
  return /^h[1-6]$/.test(name) ? Number(name.charAt(1)) : 0;
}

export function isVoid(name: string): boolean {
  return VOID.has(name);
}
