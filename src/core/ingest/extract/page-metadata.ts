import { readByline } from "../byline.ts";
import { parseDate } from "../dates.ts";
import { comparable } from "../lines.ts";
import {
  attribute,
  classesOf,
  type DomDocument,
  type DomElement,
  elementsWithin,
  first,
  squeeze,
} from "./dom.ts";
import { type JsonLdArticle, readJsonLdArticle } from "./json-ld.ts";

/** What a page says about its article outside the body text. */
export interface PageMetadata {
  title?: string;
  url?: string;
  /** yyyy-mm-dd */
  published?: string;
  author?: string;
  source?: string;
  /** `<html lang>`, og:locale or JSON-LD inLanguage: often a site-wide default, so only a hint. */
  languageHint?: string;
  /** JSON-LD articleBody, when the page states one. */
  statedBody?: string;
}

const TITLE_META = ["og:title", "twitter:title", "dc.title"];
const PUBLISHED_META = [
  "article:published_time",
  "og:article:published_time",
  "datepublished",
  "article.published",
  "published_time",
  "pubdate",
  "publishdate",
  "publish-date",
  "sailthru.date",
  "parsely-pub-date",
  "dc.date.issued",
  "dc.date",
  "date",
];
const AUTHOR_META = ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"];
const LANGUAGE_META = ["og:locale", "content-language", "language", "dc.language"];
const BYLINE_CLASSES = new Set("byline by-line author-name article-author post-author author".split(" "));
const MAX_AUTHOR_CHARS = 80;

export function readPageMetadata(
  document: DomDocument,
  jsonLd: readonly string[],
  pageUrl: string | undefined,
): PageMetadata {
  const root = document.documentElement;
  const elements = root === null ? [] : [root, ...elementsWithin(root)];
  const meta = metaTags(elements);
  const metaValue = (names: readonly string[]) =>
    names.map((name) => meta.get(name)).find((value) => value !== undefined && value !== "");
  const ld = readJsonLdArticle(jsonLd);
  const source =
    metaValue(["og:site_name", "application-name"]) ?? ld?.publisher ?? twitterSite(meta.get("twitter:site"));
  const metadata: PageMetadata = {};
  const fields: [keyof PageMetadata, string | undefined][] = [
    ["title", pageTitle(elements, ld, metaValue(TITLE_META), source)],
    ["url", pageUrlOf(elements, ld, meta, pageUrl)],
    [
      "published",
      publishedOf(
        elements,
        ld,
        PUBLISHED_META.map((name) => meta.get(name)),
      ),
    ],
    ["author", authorOf(ld?.author) ?? authorOf(metaValue(AUTHOR_META)) ?? bylineAuthor(elements)],
    ["source", source],
    ["languageHint", languageHintOf(root, metaValue(LANGUAGE_META), ld)],
    ["statedBody", ld?.body],
  ];
  for (const [field, value] of fields) if (value !== undefined && value !== "") metadata[field] = value;
  return metadata;
}

function metaTags(elements: readonly DomElement[]): Map<string, string> {
  const tags = new Map<string, string>();
  for (const element of elements) {
    if (element.localName !== "meta" || !element.hasAttribute("content")) continue;
    const key =
      attribute(element, "property") ?? attribute(element, "name") ?? attribute(element, "itemprop");
    const name = key ?? attribute(element, "http-equiv");
    const content = squeeze(attribute(element, "content"));
    if (name !== undefined && content !== "" && !tags.has(name.toLowerCase()))
      tags.set(name.toLowerCase(), content);
  }
  return tags;
}

/**
 * The headline: an <h1> that matches (and may lengthen) the stated title, else the stated title (JSON-LD,
 * OpenGraph, <title> without the site's name), else the only <h1>.
 */
function pageTitle(
  elements: readonly DomElement[],
  ld: JsonLdArticle | undefined,
  metaTitle: string | undefined,
  source: string | undefined,
): string | undefined {
  const documentTitle = squeeze(elements.find((element) => element.localName === "title")?.textContent);
  const stated = [ld?.headline, metaTitle, documentTitle && stripSiteSuffix(documentTitle, source)].filter(
    (title): title is string => title !== undefined && title !== "",
  );
  const headings = elements
    .filter((element) => element.localName === "h1")
    .map((heading) => squeeze(heading.textContent))
    .filter((text) => text.length > 0 && text.length <= 300);
  const matching = headings.find((heading) => stated.some((title) => sameTitle(heading, title)));
  if (matching !== undefined) return matching;
  return stated[0] ?? (headings.length === 1 ? headings[0] : undefined);
}

function sameTitle(heading: string, title: string): boolean {
  const a = comparable(heading);
  const b = comparable(title);
  if (a === "" || b === "") return false;
  return a === b || (b.length >= 12 && a.includes(b)) || (a.length >= 0.6 * b.length && b.includes(a));
}

/** Drops a " | Site" or " - Site" suffix from a document <title>: the site's name, or a short last part. */
export function stripSiteSuffix(title: string, siteName: string | undefined): string {
  const parts = title.split(/\s+[|–—-]\s+|\s+::\s+|\s+»\s+/);
  if (parts.length < 2) return title;
  const last = parts.at(-1) ?? "";
  const rest = parts.slice(0, -1).join(" - ");
  const site = siteName === undefined ? "" : comparable(siteName);
  if (site !== "" && comparable(last) !== "" && site.includes(comparable(last))) return rest;
  return site === "" && last.split(" ").length <= 4 && rest.length > last.length ? rest : title;
}

function pageUrlOf(
  elements: readonly DomElement[],
  ld: JsonLdArticle | undefined,
  meta: Map<string, string>,
  pageUrl: string | undefined,
): string | undefined {
  const link = elements.find(
    (element) =>
      element.localName === "link" && /(?:^|\s)canonical(?:\s|$)/i.test(attribute(element, "rel") ?? ""),
  );
  const canonical = link && attribute(link, "href");
  for (const candidate of [canonical, meta.get("og:url"), ld?.url, pageUrl]) {
    const url = absoluteUrl(candidate, pageUrl);
    if (url !== undefined) return url;
  }
  return undefined;
}

function absoluteUrl(value: string | undefined, base: string | undefined): string | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  try {
    const url = base === undefined ? new URL(value.trim()) : new URL(value.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function publishedOf(
  elements: readonly DomElement[],
  ld: JsonLdArticle | undefined,
  metaDates: readonly (string | undefined)[],
): string | undefined {
  const marked = elements
    .filter(
      (element) =>
        attribute(element, "itemprop") === "datePublished" ||
        (element.localName === "time" && element.hasAttribute("pubdate")),
    )
    .map(
      (element) =>
        attribute(element, "datetime") ?? attribute(element, "content") ?? squeeze(element.textContent),
    );
  const times = elements.filter(
    (element) => element.localName === "time" && element.hasAttribute("datetime"),
  );
  const inArticle = times.filter((element) => element.closest("article, main") !== null);
  const stamps = [...inArticle, ...times].map((element) => attribute(element, "datetime"));
  for (const value of [ld?.published, ...metaDates, ...marked, ...stamps]) {
    const date = value === undefined ? undefined : parseDate(value);
    if (date !== undefined) return date;
  }
  return undefined;
}

/** A name from a byline or an author field: no "By", no " | Site", no url or file name. */
export function authorOf(value: string | undefined): string | undefined {
  if (value === undefined || /^https?:|\/\/|^[^\s@]+\.\w{2,4}$/.test(value)) return undefined;
  const byline = readByline(value);
  const author = (byline?.author ?? value.replace(/^(?:by|door|par|von|por)\s+/i, ""))
    .split(/\s+\|\s+/)[0]
    ?.trim();
  return author && author.length <= MAX_AUTHOR_CHARS ? author : undefined;
}

function bylineAuthor(elements: readonly DomElement[]): string | undefined {
  for (const element of elements.filter(isByline)) {
    const text = squeeze(nameOf(element));
    if (text === "" || text.length > MAX_AUTHOR_CHARS) continue;
    const author = authorOf(text);
    if (author !== undefined && /\p{L}/u.test(author)) return author;
  }
  return undefined;
}

function isByline(element: DomElement): boolean {
  if (attribute(element, "itemprop") === "author") return true;
  if (/(?:^|\s)author(?:\s|$)/i.test(attribute(element, "rel") ?? "")) return true;
  return classesOf(element).some((name) => BYLINE_CLASSES.has(name.toLowerCase()));
}

function nameOf(element: DomElement): string | null {
  if (element.localName === "meta") return attribute(element, "content") ?? null;
  return first(element, "[itemprop=name]")?.textContent ?? element.textContent;
}

function twitterSite(value: string | undefined): string | undefined {
  return value === undefined || value.startsWith("@") ? undefined : value;
}

function languageHintOf(
  root: DomElement | null,
  metaLanguage: string | undefined,
  ld: JsonLdArticle | undefined,
): string | undefined {
  const lang = root ? (attribute(root, "lang") ?? attribute(root, "xml:lang")) : undefined;
  return [lang, metaLanguage, ld?.language].map((value) => squeeze(value)).find((value) => value !== "");
}
