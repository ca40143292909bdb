import type { AtomFeed, JsonFeed, RdfFeed, RssFeed } from "feedsmith";
import { plainText } from "./feed-text.ts";
import { absoluteUrl, firstText, toInstant } from "./feed-values.ts";
import type { FeedItem } from "./types.ts";

/** Atom text constructs of type "text" are plain; "html" and "xhtml" are markup. */
function atomText(text: AtomFeed.Text | undefined): string | undefined {
  if (text === undefined) return undefined;
  return text.type === "html" || text.type === "xhtml" ? plainText(text.value) : text.value.trim();
}

function titleOf(value: string | undefined): string | undefined {
  const text = value === undefined ? undefined : plainText(value);
  return text === "" ? undefined : text;
}

export function rssItem(item: RssFeed.Item<string>, base: string): FeedItem {
  const guid = item.guid?.value?.trim();
  const permalink = item.guid?.isPermaLink !== false && guid !== undefined ? guid : undefined;
  return {
    id: guid || undefined,
    link: absoluteUrl(item.link ?? permalink, base),
    title: titleOf(item.title),
    contentHtml: firstText(item.content?.encoded),
    summary: firstText(item.description),
    published: toInstant(item.pubDate ?? item.dc?.dates?.[0] ?? item.atom?.published),
    author: firstText(item.authors?.[0]?.name, item.dc?.creators?.[0], item.authors?.[0]?.email),
  };
}

export function rdfItem(item: RdfFeed.Item<string>, base: string): FeedItem {
  return {
    id: firstText(item.rdf?.about),
    link: absoluteUrl(item.link, base),
    title: titleOf(item.title),
    contentHtml: firstText(item.content?.encoded),
    summary: firstText(item.description),
    published: toInstant(item.dc?.dates?.[0] ?? item.dcterms?.issued?.[0]),
    author: firstText(item.dc?.creators?.[0]),
  };
}

function atomLink(entry: AtomFeed.Entry<string>, base: string): string | undefined {
  const links = entry.links ?? [];
  const alternate = links.find((link) => (link.rel ?? "alternate") === "alternate") ?? links[0];
  return absoluteUrl(alternate?.href, base);
}

export function atomEntry(entry: AtomFeed.Entry<string>, base: string): FeedItem {
  const content = entry.content;
  const contentHtml =
    content?.value === undefined || content.src !== undefined
      ? undefined
      : content.type === "html" || content.type === "xhtml"
        ? content.value
        : escapeText(content.value);
  return {
    id: firstText(entry.id),
    link: atomLink(entry, base),
    title: atomText(entry.title) || undefined,
    contentHtml: firstText(contentHtml),
    summary: firstText(
      entry.summary?.type === "text" ? escapeText(entry.summary.value) : entry.summary?.value,
    ),
    published: toInstant(entry.published ?? entry.updated),
    author: firstText(entry.authors?.[0]?.name),
  };
}

export function jsonItem(item: JsonFeed.Item<string>, base: string): FeedItem {
  const text = item.content_text === undefined ? undefined : escapeText(item.content_text);
  return {
    id: firstText(item.id),
    link: absoluteUrl(item.url ?? item.external_url, base),
    title: titleOf(item.title),
    contentHtml: firstText(item.content_html, text),
    summary: firstText(item.summary),
    published: toInstant(item.date_published ?? item.date_modified),
    author: firstText(item.authors?.[0]?.name),
  };
}

/** Plain text as HTML: markup characters escaped, blank lines as paragraphs. */
function escapeText(text: string): string {
  const escaped = text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  return escaped
    .split(/\n\s*\n/u)
    .map((paragraph) => `<p>${paragraph}</p>`)
    .join("");
}
