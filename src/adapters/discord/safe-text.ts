import { encodedHttpUrl } from "../chat/link-url.ts";

const ZERO_WIDTH_SPACE = "\u200b";
const ELLIPSIS = "…";
/** Longer links are left out: each citation marker repeats its URL, and they count against the limits. */
const MAX_LINK_LENGTH = 300;

/**
 * Breaks `@everyone`, `@here` and `<@id>`, `<@!id>`, `<@&id>`, `<#id>` so they can never ping or link,
 * whatever a message's allowed_mentions says. They still read the same.
 */
export function neutralizeMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/giu, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<(@[!&]?|#)(?=\d)/gu, `<${ZERO_WIDTH_SPACE}$1`);
}

/** Backslash-escapes inline markdown, so article text cannot format, hide (spoilers) or form masked links. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`|[\]]/gu, "\\$&");
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/** Cuts to at most `max` UTF-16 units, on a code point boundary, ending in "…" when anything was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - ELLIPSIS.length);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

/**
 * Untrusted text (articles, questions) made safe to show: one line, no markdown, no mentions, at most `max`
 * characters after escaping.
 */
export function safeText(raw: string, max: number): string {
  let source = truncate(collapseWhitespace(raw), max);
  let safe = neutralizeMentions(escapeMarkdown(source));
  while (safe.length > max) {
    source = truncate(source, Math.max(1, source.length - (safe.length - max) - 1));
    safe = neutralizeMentions(escapeMarkdown(source));
  }
  return safe;
}

/** An http(s) URL that can sit inside a markdown link target, or undefined when it cannot. */
export function linkableUrl(raw: string | null | undefined): string | undefined {
  const href = encodedHttpUrl(raw, /[()[\]<>\s]/gu);
  if (href === undefined) return undefined;
  return href.length <= MAX_LINK_LENGTH ? href : undefined;
}
