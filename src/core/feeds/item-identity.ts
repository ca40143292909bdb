import { createHash } from "node:crypto";
import { contentHashOf } from "../ingest/identity.ts";
import { plainText } from "./feed-text.ts";
import type { FeedItem } from "./types.ts";

/** Query parameters that only say where a reader came from: dropped, so one story has one link. */
const TRACKING_PARAMETER =
  /^(?:utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ocid|cmpid)$/iu;

/** A link without tracking parameters, fragment, default port or trailing `?`: the same story, the same link. */
export function canonicalLink(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return link.trim();
  }
  url.hash = "";
  for (const name of [...url.searchParams.keys()])
    if (TRACKING_PARAMETER.test(name)) url.searchParams.delete(name);
  if ([...url.searchParams.keys()].length === 0) url.search = "";
  return url.href;
}

/**
 * What makes an item the same item on the next poll: its GUID or id, else its canonical link, else its
 * content. Prefixed, so a GUID can never be mistaken for a link.
 */
export function itemKey(item: FeedItem): string {
  if (item.id) return `id:${item.id.trim()}`;
  if (item.link) return `link:${canonicalLink(item.link)}`;
  return `hash:${contentHashOf(item.title ?? "", plainText(item.contentHtml ?? item.summary ?? ""))}`;
}

/** Changes when the item is edited (title, text, link or date), so an edit is seen as one. */
export function itemFingerprint(item: FeedItem): string {
  return sha256(
    [
      item.title ?? "",
      item.link ?? "",
      item.contentHtml ?? "",
      item.summary ?? "",
      item.published ?? "",
    ].join("\u0000"),
  ).slice(0, 32);
}

/**
 * The id of the article an item becomes, fixed at its first sight (an edit keeps it): from its canonical link
 * when it has one, so the same page from two feeds (or `ingest <url>`) is one article; else from the feed and
 * the item's key.
 */
export function webArticleId(feedUrl: string | undefined, item: FeedItem): string {
  const basis = item.link ? `link:${canonicalLink(item.link)}` : `${feedUrl ?? ""}\n${itemKey(item)}`;
  return `web-${sha256(basis).slice(0, 16)}`;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
