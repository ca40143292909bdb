import { splitSentences } from "../text/sentences.ts";
import type { Article, Passage, Span } from "../types.ts";
import { PASSAGE_MAX_SENTENCES, PASSAGE_TARGET_CHARS } from "./limits.ts";
import { isHeadingLike } from "./lines.ts";

/** A paragraph of an article's text: blank lines separate paragraphs. */
export interface ParagraphSpan extends Span {
  /** Headings are not split into passages. */
  heading: boolean;
}

/** Paragraph spans of a text, with headings guessed by their shape; ingestion passes exact ones instead. */
export function paragraphsOf(text: string): ParagraphSpan[] {
  const paragraphs: ParagraphSpan[] = [];
  const separator = /\n[^\S\n]*\n\s*/g;
  let start = 0;
  for (const match of text.matchAll(separator)) {
    addParagraph(text, start, match.index, paragraphs);
    start = match.index + match[0].length;
  }
  addParagraph(text, start, text.length, paragraphs);
  return paragraphs;
}

function addParagraph(text: string, start: number, end: number, paragraphs: ParagraphSpan[]): void {
  const content = text.slice(start, end);
  if (content.trim() !== "") paragraphs.push({ start, end, heading: isHeadingLike(content.trim()) });
}

/**
 * Groups the sentences of each paragraph into passages of whole sentences: up to PASSAGE_MAX_SENTENCES
 * sentences and about PASSAGE_TARGET_CHARS characters; a longer sentence is a passage on its own.
 * Passages never cross a paragraph boundary.
 */
export function buildPassages(
  article: Pick<Article, "id" | "text" | "language">,
  paragraphs: readonly ParagraphSpan[] = paragraphsOf(article.text),
): Passage[] {
  const passages: Passage[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.heading) continue;
    for (const group of groupSentences(splitSentences(article.text, paragraph.start, paragraph.end))) {
      passages.push(toPassage(article, passages.length, group));
    }
  }
  return passages;
}

function groupSentences(sentences: Span[]): Span[][] {
  const groups: Span[][] = [];
  let current: Span[] = [];
  for (const sentence of sentences) {
    const first = current[0];
    const fits =
      first !== undefined &&
      current.length < PASSAGE_MAX_SENTENCES &&
      sentence.end - first.start <= PASSAGE_TARGET_CHARS;
    if (!fits && current.length > 0) {
      groups.push(current);
      current = [];
    }
    current.push(sentence);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function toPassage(
  article: Pick<Article, "id" | "text" | "language">,
  index: number,
  sentences: Span[],
): Passage {
  const start = sentences[0]?.start ?? 0;
  const end = sentences.at(-1)?.end ?? start;
  return {
    id: `${article.id}#${index}`,
    articleId: article.id,
    index,
    start,
    end,
    text: article.text.slice(start, end),
    sentences,
    language: article.language,
  };
}
