import type { LanguageCode, Source } from "../types.ts";

export interface SummarySentence {
  /** An article sentence, exactly, with runs of white space made single spaces. */
  text: string;
  /** Numbers (`Source.n`, ascending) of every source stating this: the sentence's own article first of all. */
  citations: number[];
}

export interface Summary {
  /** The sentences joined, each followed by its citation markers: "… [1][2] …". */
  summary: string;
  sentences: SummarySentence[];
  /**
   * One source per article, numbered in order of first citation; its passage is the exact article text holding
   * every sentence cited to it.
   */
  sources: Source[];
  /** Why there is nothing to summarize, and what was searched; only when `sentences` is empty. */
  message?: string;
}

export interface SummaryOptions {
  /** Word budget; a sentence that would exceed it is skipped. */
  words?: number;
  maxSentences?: number;
  /** Preferred language of the sentences; by default the story's most common language. */
  language?: LanguageCode;
  /** Only sentences that mention a word of this topic (in their own language's analysis) are summarized. */
  topic?: string;
}

export interface Story {
  headline: string;
  summary: SummarySentence[];
  /** Every article of the story: cited ones with the passage they are cited for, others with their lead. */
  sources: Source[];
  languages: LanguageCode[];
  /** Number of articles in the story. */
  sourceCount: number;
  /** Newest published date (yyyy-mm-dd) among the story's articles. */
  latest: string | null;
  /** The language model that wrote the summary; absent when its sentences are taken from the articles. */
  model?: string;
}

export interface Digest {
  stories: Story[];
  articleCount: number;
}

export interface DigestOptions {
  maxStories?: number;
  maxSentences?: number;
  /** Words per story summary. */
  words?: number;
  /** Preferred language of summaries and headlines; by default each story's most common language. */
  language?: LanguageCode;
  /** Reserved for recency decisions; stories are ranked by size, then by newest date. */
  now?: Date;
}
