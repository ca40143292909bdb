import { encodedHttpUrl } from "../chat/link-url.ts";

const ELLIPSIS = "…";
const MAX_LINK_LENGTH = 500;

/**
 * Slack's three control characters as entities. Once escaped, `<!channel>`, `<!here>` and `<@U123>` show
 * literally and ping nobody; this is the only escaping mrkdwn needs for safety.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

function escapedLength(character: string): number {
  if (character === "&") return 5;
  if (character === "<" || character === ">") return 4;
  return character.length;
}

/**
 * Escapes untrusted text and cuts it so the escaped result has at most `max` characters, ending in "…" when cut.
 * It cuts before escaping, so an entity is never split in half.
 */
export function escapeWithin(raw: string, max: number): string {
  const escaped = escapeSlack(raw);
  if (escaped.length <= max) return escaped;
  const room = Math.max(0, max - ELLIPSIS.length);
  let used = 0;
  let kept = "";
  for (const character of raw) {
    const length = escapedLength(character);
    if (used + length > room) break;
    used += length;
    kept += character;
  }
  return `${escapeSlack(kept.trimEnd())}${ELLIPSIS}`;
}

/** One line of untrusted text, escaped, at most `max` characters. */
export function safeLine(raw: string, max: number): string {
  return escapeWithin(collapseWhitespace(raw), max);
}

/**
 * An http(s) URL ready for Slack's `<url|label>` syntax, or undefined when it cannot be one: `|`, `<`, `>` and
 * spaces are percent-encoded and `&` is escaped as Slack expects inside links.
 */
export function slackLinkUrl(raw: string | null | undefined): string | undefined {
  const href = encodedHttpUrl(raw, /[|<>\s]/gu)?.replace(/&/gu, "&amp;");
  if (href === undefined) return undefined;
  return href.length <= MAX_LINK_LENGTH ? href : undefined;
}
