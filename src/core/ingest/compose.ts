import { BriefingError } from "../errors.ts";
import { splitSentences } from "../text/sentences.ts";
import type { Article, IngestedArticle } from "../types.ts";
import { articleLanguage, languageWarning } from "./article-language.ts";
import { parseDate } from "./dates.ts";
import type { Draft, IngestWarning } from "./draft.ts";
import { removeFurniture } from "./furniture.ts";
import { extractHeader, leadDate } from "./header.ts";
import { contentHashOf, derivedId } from "./identity.ts";
import { MAX_ARTICLE_CHARS } from "./limits.ts";
import { cleanInline } from "./lines.ts";
import { buildPassages, type ParagraphSpan } from "./passages.ts";
import { arrangeBody, type BodyParagraph } from "./structure.ts";

export interface Composed {
  ingested: IngestedArticle;
  warnings: IngestWarning[];
}

const MAX_FALLBACK_TITLE_CHARS = 120;

/** Cleans a parsed draft into an article with metadata and passages. Throws BriefingError(EMPTY_INPUT). */
export function composeArticle(draft: Draft): Composed {
  const { stated, location } = draft;
  const header = extractHeader(removeFurniture(draft.blocks), stated.title);
  const body = arrangeBody(header.body);
  if (body.length === 0) {
    const message = "No article text is left after removing page furniture";
    throw new BriefingError("EMPTY_INPUT", message, { location, userText: true });
  }
  const { text, paragraphs } = joinParagraphs(body);
  if (text.length > MAX_ARTICLE_CHARS) {
    const message = `The article text is longer than ${MAX_ARTICLE_CHARS} characters`;
    throw new BriefingError("INPUT_TOO_LARGE", message, { location, userText: true });
  }
  const warnings: IngestWarning[] = [];
  const title = cleanInline(header.title ?? "") || fallbackTitle(text, paragraphs);
  const language = articleLanguage(text, stated.language, draft.languageHint);
  const contentHash = contentHashOf(title, text);
  const article: Article = { id: stated.id ?? derivedId(contentHash), title, text, language, contentHash };
  const published =
    statedDate(stated.published, location, warnings) ?? header.published ?? leadDate(header.body);
  assignDefined(article, {
    url: stated.url,
    published,
    source: stated.source ?? header.source,
    author: stated.author ?? header.author,
    origin: draft.origin,
  });
  const warning = languageWarning(language, location);
  if (warning) warnings.push(warning);
  return { ingested: { article, passages: buildPassages(article, paragraphs) }, warnings };
}

function joinParagraphs(body: BodyParagraph[]): { text: string; paragraphs: ParagraphSpan[] } {
  const paragraphs: ParagraphSpan[] = [];
  let text = "";
  for (const paragraph of body) {
    if (text !== "") text += "\n\n";
    paragraphs.push({
      start: text.length,
      end: text.length + paragraph.text.length,
      heading: paragraph.heading,
    });
    text += paragraph.text;
  }
  return { text, paragraphs };
}

/** Without a headline: the first sentence of the body, shortened at a word boundary. */
function fallbackTitle(text: string, paragraphs: ParagraphSpan[]): string {
  const first = paragraphs[0];
  const sentence = first ? splitSentences(text, first.start, first.end)[0] : undefined;
  const title = sentence ? text.slice(sentence.start, sentence.end) : text;
  if (title.length <= MAX_FALLBACK_TITLE_CHARS) return title;
  const space = title.lastIndexOf(" ", MAX_FALLBACK_TITLE_CHARS - 1);
  const cut = space > MAX_FALLBACK_TITLE_CHARS / 2 ? space : MAX_FALLBACK_TITLE_CHARS - 1;
  return `${title.slice(0, cut)}…`;
}

function statedDate(
  value: string | undefined,
  location: string,
  warnings: IngestWarning[],
): string | undefined {
  if (value === undefined) return undefined;
  const iso = parseDate(value);
  if (iso === undefined)
    warnings.push({ location, message: `Ignored the publication date "${value}": not a date` });
  return iso;
}

type OptionalFields = Pick<Article, "url" | "published" | "source" | "author" | "origin">;

function assignDefined(article: Article, fields: { [K in keyof OptionalFields]: string | undefined }): void {
  for (const [key, value] of Object.entries(fields) as [keyof OptionalFields, string | undefined][]) {
    if (value !== undefined && value !== "") article[key] = value;
  }
}
