import type { IncomingHttpHeaders } from "node:http";
import type { FetchKind } from "../../core/web.ts";

/** Retry-After is capped: a server asking for a week is asked again after a day. */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1_000;

/** One header's value; repeated headers joined as HTTP allows ("a, b"). */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(", ") : value;
}

/** Retry-After as milliseconds from `now`: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  let ms: number;
  if (/^\d+$/u.test(text)) ms = Number(text) * 1_000;
  else {
    const date = Date.parse(text);
    if (Number.isNaN(date)) return undefined;
    ms = Math.max(0, date - now);
  }
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

/** Cache-Control max-age in seconds. */
export function parseMaxAge(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /(?:^|[,\s])max-age\s*=\s*"?(\d+)"?/iu.exec(value);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export interface ContentType {
  /** Lower case, without parameters; "" when absent. */
  mediaType: string;
  charset: string | undefined;
}

export function parseContentType(value: string | undefined): ContentType {
  if (value === undefined) return { mediaType: "", charset: undefined };
  const [type = "", ...parameters] = value.split(";");
  let charset: string | undefined;
  for (const parameter of parameters) {
    const [name = "", raw = ""] = parameter.split("=");
    if (name.trim().toLowerCase() === "charset") charset = raw.trim().replace(/^"|"$/gu, "") || undefined;
  }
  return { mediaType: type.trim().toLowerCase(), charset };
}

const PAGE_TYPES = new Set(["text/html", "application/xhtml+xml"]);
const FEED_TYPES = new Set([
  ...PAGE_TYPES, // a page that links to its feeds: feed discovery
  "text/xml",
  "application/xml",
  "application/json",
  "application/feed+json",
  "application/rss+xml",
  "application/atom+xml",
  "application/rdf+xml",
  "application/x-rss+xml",
  "application/x-atom+xml",
]);

/**
 * Whether a response of this media type is read for this kind of fetch. No Content-Type at all is let through:
 * the body is then judged by its bytes (binary is refused).
 */
export function acceptsMediaType(kind: FetchKind, mediaType: string): boolean {
  if (mediaType === "") return true;
  if (kind === "page") return PAGE_TYPES.has(mediaType);
  return FEED_TYPES.has(mediaType) || /^application\/[\w.-]+\+(xml|json)$/u.test(mediaType);
}

export const ACCEPT: Record<FetchKind, string> = {
  page: "text/html, application/xhtml+xml;q=0.9",
  feed: "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5",
};
