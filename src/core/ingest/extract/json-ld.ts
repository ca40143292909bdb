/** What a page's JSON-LD says about its article (schema.org NewsArticle, Article, BlogPosting ...). */
export interface JsonLdArticle {
  headline?: string;
  published?: string;
  author?: string;
  publisher?: string;
  body?: string;
  language?: string;
  url?: string;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPE =
  /^(?:(?:News|Reportage|Analysis|Opinion|Report|Scholarly|Tech|Satirical|Background|Review)?Article|BlogPosting|LiveBlogPosting|Report|SocialMediaPosting|DiscussionForumPosting)$/;
const MAX_DEPTH = 6;

/** The first article described in these JSON-LD scripts; unreadable scripts are skipped. */
export function readJsonLdArticle(scripts: readonly string[]): JsonLdArticle | undefined {
  for (const script of scripts) {
    const article = findArticle(parseJson(script), 0);
    if (article !== undefined) return describe(article);
  }
  return undefined;
}

function parseJson(script: string): unknown {
  const trimmed = script.trim().replace(/^<!\[CDATA\[|\]\]>$/g, "");
  try {
    return JSON.parse(trimmed);
  } catch {
    try {
      return JSON.parse(trimmed.replace(/\p{Cc}+/gu, " "));
    } catch {
      return undefined;
    }
  }
}

function findArticle(value: unknown, depth: number): JsonObject | undefined {
  if (depth > MAX_DEPTH || typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const entry of value) {
      const found = findArticle(entry, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const object = value as JsonObject;
  const types = Array.isArray(object["@type"]) ? object["@type"] : [object["@type"]];
  if (types.some((type) => typeof type === "string" && ARTICLE_TYPE.test(type))) return object;
  return findArticle(object["@graph"], depth + 1) ?? findArticle(object.mainEntity, depth + 1);
}

function describe(article: JsonObject): JsonLdArticle {
  const described: JsonLdArticle = {};
  const fields: [keyof JsonLdArticle, string | undefined][] = [
    ["headline", text(article.headline) ?? text(article.name)],
    ["published", text(article.datePublished) ?? text(article.dateCreated)],
    ["author", names(article.author) ?? names(article.creator)],
    ["publisher", names(article.publisher) ?? names(article.sourceOrganization)],
    ["body", text(article.articleBody) ?? text(article.text)],
    ["language", text(article.inLanguage)],
    ["url", text(article.url) ?? reference(article.mainEntityOfPage)],
  ];
  for (const [field, value] of fields) {
    const cleaned = field === "body" ? value?.trim() : value?.replace(/\s+/g, " ").trim();
    if (cleaned) described[field] = cleaned;
  }
  return described;
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return text(value[0]);
  return undefined;
}

function reference(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null && !Array.isArray(value))
    return text((value as JsonObject)["@id"]) ?? text((value as JsonObject).url);
  return undefined;
}

function names(value: unknown): string | undefined {
  if (typeof value === "string") return /^https?:|\/\//.test(value) ? undefined : value;
  if (Array.isArray(value)) {
    const found = value.map(names).filter((entry): entry is string => entry !== undefined && entry !== "");
    return found.length > 0 ? [...new Set(found)].join(", ") : undefined;
  }
  if (typeof value === "object" && value !== null) return names((value as JsonObject).name);
  return undefined;
}
