/** The page's markup, with what the DOM never needs cut out before parsing. */
export interface PreparedHtml {
  html: string;
  /** Contents of the JSON-LD scripts, which go with the other scripts. */
  jsonLd: string[];
  truncated: boolean;
}

/** Pages longer than this (after scripts and styles are gone) are cut: parsing time grows with length. */
export const MAX_HTML_CHARS = 3_000_000;

const RAW_OPENER = /<(script|style|svg|template)(?=[\s/>])[^>]*>|<!--/gi;
const CLOSERS: Record<string, RegExp> = {
  script: /<\/script[^>]*>/gi,
  style: /<\/style[^>]*>/gi,
  svg: /<\/svg[^>]*>/gi,
  template: /<\/template[^>]*>/gi,
};
const JSON_LD_TYPE = /\btype\s*=\s*["']?application\/ld\+json/i;

/**
 * Removes scripts, styles, inline SVG, templates and comments in one forward pass (an element left open
 * swallows the rest of the page, as in a browser), keeps the JSON-LD scripts' text, and cuts what is still
 * longer than MAX_HTML_CHARS.
 */
export function prepareHtml(source: string): PreparedHtml {
  const jsonLd: string[] = [];
  const kept: string[] = [];
  let position = 0;
  RAW_OPENER.lastIndex = 0;
  for (let match = RAW_OPENER.exec(source); match !== null; match = RAW_OPENER.exec(source)) {
    const tag = match[1]?.toLowerCase();
    const contentStart = match.index + match[0].length;
    kept.push(source.slice(position, match.index));
    const selfClosed = tag === "svg" && match[0].endsWith("/>");
    const [contentEnd, end] = selfClosed ? [contentStart, contentStart] : closeOf(source, tag, contentStart);
    if (tag === "script" && JSON_LD_TYPE.test(match[0])) jsonLd.push(source.slice(contentStart, contentEnd));
    position = end;
    RAW_OPENER.lastIndex = end;
  }
  kept.push(source.slice(position));
  const html = kept.join("");
  const truncated = html.length > MAX_HTML_CHARS;
  return { html: truncated ? html.slice(0, MAX_HTML_CHARS) : html, jsonLd, truncated };
}

/** Where the raw content ends and where its closing tag ends; the end of the page when it is never closed. */
function closeOf(source: string, tag: string | undefined, from: number): [number, number] {
  if (tag === undefined) {
    const close = source.indexOf("-->", from);
    return close === -1 ? [source.length, source.length] : [close, close + 3];
  }
  const closer = CLOSERS[tag] as RegExp;
  closer.lastIndex = from;
  const match = closer.exec(source);
  return match === null ? [source.length, source.length] : [match.index, match.index + match[0].length];
}
