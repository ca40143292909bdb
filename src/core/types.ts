/** ISO 639-1 code ("en", "nl", "fr", …) or "und" when the language could not be determined. */
export type LanguageCode = string;

export const UNDETERMINED_LANGUAGE: LanguageCode = "und";

/** A character range [start, end) into an article's `text`. */
export interface Span {
  start: number;
  end: number;
}

export interface Article {
  /** Stable id: the one given (JSONL `id`) or derived from the content hash. */
  id: string;
  title: string;
  /** Cleaned body text. Every passage and sentence offset points into this string. */
  text: string;
  language: LanguageCode;
  url?: string;
  /** ISO 8601 date (yyyy-mm-dd) when known. */
  published?: string;
  /** Publisher or outlet, e.g. "ZDNet". */
  source?: string;
  author?: string;
  /** Where the article came from (file path), for error messages and listings. */
  origin?: string;
  /** sha-256 (hex) of the normalized title + text; re-ingesting the same content is a no-op. */
  contentHash: string;
  /**
   * The collections the article belongs to (core/collections.ts), sorted; absent means `shared` only.
   * Re-ingesting the same content into another collection adds that collection.
   */
  collections?: string[];
}

export interface Passage {
  /** `${articleId}#${index}` */
  id: string;
  articleId: string;
  index: number;
  /** Offsets into the article text; `text === article.text.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  /** The sentences of this passage, as offsets into the article text. */
  sentences: Span[];
  language: LanguageCode;
}

/** An article with its passages: the unit the store keeps and the index loads. */
export interface IngestedArticle {
  article: Article;
  passages: Passage[];
}

export interface AnswerBullet {
  text: string;
  /** Source numbers (`Source.n`), ascending. */
  citations: number[];
}

export interface Source {
  n: number;
  articleId: string;
  title: string;
  source: string | null;
  url: string | null;
  published: string | null;
  language: LanguageCode;
  passageId: string;
  /** The exact text of the cited passage. */
  passage: string;
  /**
   * The sentence(s) of `passage` a bullet rests on, exactly as they appear in it, for renderers to show: the
   * verified quote of a model-written bullet (located through normalisation), or the sentence an extractive
   * bullet was taken from.
   */
  quote?: string;
}

export type AnswerStatus = "answered" | "no_evidence";

export interface Answer {
  question: string;
  status: AnswerStatus;
  message?: string;
  bullets: AnswerBullet[];
  sources: Source[];
  /** The language model that wrote the bullets; absent when they are sentences taken from the articles. */
  model?: string;
  /** What the reader should know about how the answer was made ("The model's answer could not be checked…"). */
  note?: string;
}

export interface SearchHit {
  articleId: string;
  passageId: string;
  score: number;
  text: string;
}
