import type { StatedMetadata } from "./draft.ts";

/** Metadata found in <head>: meta tags, <title>, canonical link, JSON-LD; first value found wins per field. */
export interface HtmlMetadata {
  title?: string;
  documentTitle?: string;
  url?: string;
  published?: string;
  source?: string;
  author?: string;
  languageHint?: string;
}

type MetaField = keyof HtmlMetadata;

/** Meta tag name/property (lower case) to field, in order of trust: earlier entries win. */
const META_FIELDS: ReadonlyArray<readonly [string, MetaField]> = [
  ["og:title", "title"],
  ["twitter:title", "title"],
  ["og:url", "url"],
  ["article:published_time", "published"],
  ["og:article:published_time", "published"],
  ["datepublished", "published"],
  ["pubdate", "published"],
  ["publishdate", "published"],
  ["date", "published"],
  ["dc.date", "published"],
  ["dc.date.issued", "published"],
  ["og:site_name", "source"],
  ["author", "author"],
  ["article:author", "author"],
  ["dc.creator", "author"],
  ["og:locale", "languageHint"],
  ["content-language", "languageHint"],
];
const META_FIELD_BY_KEY = new Map(META_FIELDS);

export function metaField(key: string): MetaField | undefined {
  return META_FIELD_BY_KEY.get(key.toLowerCase());
}

/** Records a value unless the field already has one; urls are not author names. */
export function setOnce(meta: HtmlMetadata, field: MetaField, value: string | undefined): void {
  const trimmed = value?.replace(/\s+/g, " ").trim();
  if (!trimmed || meta[field] !== undefined) return;
  if (field === "author" && /^https?:|\/\//.test(trimmed)) return;
  meta[field] = trimmed;
}

const ARTICLE_TYPES =
  /^(?:News|Reportage|Analysis|Opinion|Report|Scholarly|Tech|Satirical)?Article$|^BlogPosting$/;

/** Reads headline, dates, author, publisher and url from a JSON-LD script; ignores what it cannot read. */
export function readJsonLd(json: string, meta: HtmlMetadata): void {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return;
  }
  const article = findArticle(value, 0);
  if (article === undefined) return;
  setOnce(meta, "title", text(article.headline));
  setOnce(meta, "published", text(article.datePublished));
  setOnce(meta, "author", name(article.author));
  setOnce(meta, "source", name(article.publisher));
  setOnce(meta, "url", text(article.url) ?? text(article.mainEntityOfPage));
}

type JsonObject = Record<string, unknown>;

function findArticle(value: unknown, depth: number): JsonObject | undefined {
  if (depth > 4 || typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const entry of value) {
      const found = findArticle(entry, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const object = value as JsonObject;
  const types = Array.isArray(object["@type"]) ? object["@type"] : [object["@type"]];
  if (types.some((type) => typeof type === "string" && ARTICLE_TYPES.test(type))) return object;
  return findArticle(object["@graph"], depth + 1);
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null && !Array.isArray(value))
    return text((value as JsonObject)["@id"]);
  return undefined;
}

function name(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    const names = value.map(name).filter((entry): entry is string => entry !== undefined);
    return names.length > 0 ? names.join(", ") : undefined;
  }
  if (typeof value === "object" && value !== null) return text((value as JsonObject).name);
  return undefined;
}

/** Drops a " | Site" or " - Site" suffix from a document <title>. */
export function stripSiteSuffix(title: string, siteName: string | undefined): string {
  const parts = title.split(/\s+[|–—-]\s+|\s+::\s+/);
  if (parts.length < 2) return title;
  const last = parts.at(-1) ?? "";
  const first = parts.slice(0, -1).join(" - ");
  const isSite =
    siteName !== undefined ? last.toLowerCase() === siteName.toLowerCase() : last.split(" ").length <= 4;
  return isSite && first.length > last.length ? first : title;
}

export function toStated(meta: HtmlMetadata, headline: string | undefined): StatedMetadata {
  const stated: StatedMetadata = {};
  const documentTitle = meta.documentTitle && stripSiteSuffix(meta.documentTitle, meta.source);
  const title = headline ?? meta.title ?? documentTitle;
  if (title) stated.title = title;
  if (meta.url) stated.url = meta.url;
  if (meta.published) stated.published = meta.published;
  if (meta.source) stated.source = meta.source;
  if (meta.author) stated.author = meta.author;
  return stated;
}
