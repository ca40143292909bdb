import type { IngestedArticle, LanguageCode, Passage } from "../types.ts";
import { forEachFeature } from "./text-features.ts";

/** One sentence of a story, with what ranking and fact matching need. */
export interface StorySentence {
  /** Index of the article in the story. */
  article: number;
  passage: Passage;
  /** The sentence with runs of white space made single spaces. */
  text: string;
  /** Position of the sentence in its article, from 0. */
  position: number;
  language: LanguageCode;
  words: number;
  terms: Map<string, number>;
  anchors: Set<string>;
  /** Keys for fact matching: five-letter prefixes of stems and of anchors (marked), numbers whole. */
  factKeys: Map<string, number>;
}

export const ANCHOR_MARK = "\u0001";
/** Stems compared by their first letters also match across languages: organisatie/organisation, Singapour. */
const PREFIX_LENGTH = 5;
const NUMBER = /^\p{N}/u;
const prefixOf = (word: string): string => (NUMBER.test(word) ? word : word.slice(0, PREFIX_LENGTH));

/** Shorter sentences are mostly datelines, captions and furniture; longer ones make poor digest lines. */
const MIN_WORDS = 6;
const MAX_WORDS = 60;
/** Later sentences of long articles are rarely digest material and cost time in large stories. */
const MAX_POSITION = 40;

const squash = (text: string): string => text.replace(/\s+/gu, " ").trim();

function sentenceOf(
  ingested: IngestedArticle,
  article: number,
  passage: Passage,
  start: number,
  end: number,
  position: number,
): StorySentence {
  const text = squash(ingested.article.text.slice(start, end));
  const language = passage.language || ingested.article.language;
  const terms = new Map<string, number>();
  const anchors = new Set<string>();
  const factKeys = new Map<string, number>();
  forEachFeature(text, language, (term, anchor) => {
    terms.set(term, (terms.get(term) ?? 0) + 1);
    if (anchor !== undefined) anchors.add(anchor);
    const key = anchor === undefined ? prefixOf(term) : ANCHOR_MARK + prefixOf(anchor);
    factKeys.set(key, (factKeys.get(key) ?? 0) + 1);
  });
  const words = text.split(" ").length;
  return { article, passage, text, position, language, words, terms, anchors, factKeys };
}

/** Every sentence of the story's articles, in article order, with its features. */
export function allSentences(articles: readonly IngestedArticle[]): StorySentence[] {
  const sentences: StorySentence[] = [];
  articles.forEach((ingested, article) => {
    let position = 0;
    for (const passage of ingested.passages) {
      for (const span of passage.sentences) {
        if (position >= MAX_POSITION) return;
        sentences.push(sentenceOf(ingested, article, passage, span.start, span.end, position));
        position++;
      }
    }
  });
  return sentences;
}

/** Sentences fit to stand alone in a digest; when none is, any sentence with a content word. */
export function summarySentences(sentences: readonly StorySentence[]): StorySentence[] {
  const usable = sentences.filter((sentence) => sentence.terms.size > 0);
  const fit = usable.filter(
    (sentence) => sentence.words >= MIN_WORDS && sentence.words <= MAX_WORDS && !sentence.text.endsWith(":"),
  );
  return fit.length > 0 ? fit : usable;
}
