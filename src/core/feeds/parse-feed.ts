import { type AnyFeed, DetectError, MalformedError, parseFeed as parseAnyFeed } from "feedsmith";
import { BriefingError } from "../errors.ts";
import { atomEntry, jsonItem, rdfItem, rssItem } from "./feed-items.ts";
import { plainText } from "./feed-text.ts";
import type { FeedItem, ParsedFeed } from "./types.ts";
import { isBalancedXml } from "./xml-balance.ts";

/** Longest feed text read, in characters: the fetcher's byte limit keeps real ones well below. */
export const MAX_FEED_CHARS = 20_000_000;
/** Items read from one feed: the newest come first in practice, and nobody publishes more at once. */
export const MAX_FEED_ITEMS = 500;

const MINUTES_PER_PERIOD: Record<string, number> = {
  hourly: 60,
  daily: 1_440,
  weekly: 10_080,
  monthly: 43_200,
  yearly: 525_600,
};

/**
 * A feed (RSS 0.9x/2.0, RSS 1.0, Atom 1.0, JSON Feed 1.x) as items. `url` is where it was fetched from: it
 * resolves relative links and locates errors. Throws BriefingError: EMPTY_INPUT, BINARY_INPUT,
 * INPUT_TOO_LARGE, MALFORMED_INPUT (bad XML or JSON) or UNSUPPORTED_FORMAT (a web page, anything else).
 */
export function parseFeed(text: string, url: string): ParsedFeed {
  checkText(text, url);
  let parsed: AnyFeed;
  try {
    const json = /^\s*[[{]/u.test(text);
    if (!json && !isBalancedXml(text))
      throw new MalformedError("an element is not closed where it should be");
    const value: unknown = json ? JSON.parse(text) : text;
    parsed = parseAnyFeed<string>(value, { maxItems: MAX_FEED_ITEMS });
  } catch (error) {
    throw unreadable(text, url, error);
  }
  const items = itemsOf(parsed, url).filter(hasSubstance);
  const title = feedTitle(parsed) || new URL(url).hostname;
  const ttlMinutes = ttlOf(parsed);
  return { title, format: parsed.format, items, ...(ttlMinutes ? { ttlMinutes } : {}) };
}

function checkText(text: string, url: string): void {
  const fail = (
    code: "EMPTY_INPUT" | "BINARY_INPUT" | "INPUT_TOO_LARGE" | "UNSUPPORTED_FORMAT",
    message: string,
  ) => new BriefingError(code, message, { location: url, userText: true });
  if (text.trim() === "") throw fail("EMPTY_INPUT", "The feed is empty");
  if (text.length > MAX_FEED_CHARS) throw fail("INPUT_TOO_LARGE", "The feed is larger than Briefbot reads");
  if (looksBinary(text)) throw fail("BINARY_INPUT", "The feed is binary data, not text");
  if (looksLikeHtml(text))
    throw fail("UNSUPPORTED_FORMAT", "The address serves a web page, not a feed (RSS, Atom or JSON Feed)");
}

function unreadable(text: string, url: string, error: unknown): BriefingError {
  const reason = error instanceof Error ? error.message : String(error);
  const json = /^\s*[[{]/u.test(text);
  if (error instanceof MalformedError || (json && error instanceof SyntaxError)) {
    const message = json ? "The feed is not valid JSON" : "The feed is not well-formed XML";
    return new BriefingError("MALFORMED_INPUT", message, { location: url, userText: true, cause: error });
  }
  if (error instanceof DetectError) {
    return new BriefingError("UNSUPPORTED_FORMAT", "This is not an RSS, Atom or JSON feed", {
      location: url,
      userText: true,
      cause: error,
    });
  }
  return new BriefingError("MALFORMED_INPUT", `The feed could not be read: ${reason}`, {
    location: url,
    userText: "The feed could not be read",
    cause: error,
  });
}

/** NUL bytes, or many control characters in the first kilobytes: not a text feed. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 8_192);
  if (head.includes("\u0000")) return true;
  let controls = 0;
  for (let index = 0; index < head.length; index++) {
    const code = head.charCodeAt(index);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0xfffd) controls++;
  }
  return controls > head.length * 0.1;
}

function looksLikeHtml(text: string): boolean {
  const head = text
    .slice(0, 4_096)
    .replace(/^\uFEFF/u, "")
    .replace(/<!--[\s\S]*?-->/gu, "")
    .trimStart();
  return /^<!doctype\s+html\b/iu.test(head) || /^<html[\s>]/iu.test(head);
}

function itemsOf(parsed: AnyFeed, url: string): FeedItem[] {
  switch (parsed.format) {
    case "rss":
      return (parsed.feed.items ?? []).map((item) => rssItem(item, url));
    case "rdf":
      return (parsed.feed.items ?? []).map((item) => rdfItem(item, url));
    case "atom":
      return (parsed.feed.entries ?? []).map((entry) => atomEntry(entry, url));
    case "json":
      return (parsed.feed.items ?? []).map((item) => jsonItem(item, url));
  }
}

function feedTitle(parsed: AnyFeed): string {
  if (parsed.format === "atom") {
    const title = parsed.feed.title;
    if (title === undefined) return "";
    return title.type === "html" || title.type === "xhtml" ? plainText(title.value) : title.value.trim();
  }
  return plainText(parsed.feed.title ?? "");
}

function ttlOf(parsed: AnyFeed): number | undefined {
  if (parsed.format === "json") return undefined;
  if (parsed.format === "rss" && parsed.feed.ttl !== undefined && parsed.feed.ttl > 0) return parsed.feed.ttl;
  return syMinutes(parsed.feed.sy);
}

function syMinutes(sy: { updatePeriod?: string; updateFrequency?: number } | undefined): number | undefined {
  const period = sy?.updatePeriod === undefined ? undefined : MINUTES_PER_PERIOD[sy.updatePeriod.trim()];
  if (period === undefined) return undefined;
  return Math.round(period / Math.max(1, sy?.updateFrequency ?? 1));
}

function hasSubstance(item: FeedItem): boolean {
  return Boolean(item.link || item.title || item.contentHtml || item.summary);
}
