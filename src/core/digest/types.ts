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
  /** Numbered in order of first citation; each holds the exact passage of the sentence it is cited for. */
  sources: Source[];
}

export interface SummaryOptions {
  /** Word budget; a sentence that would exceed it is skipped. */
  words?: number;
  maxSentences?: number;
  /** Preferred language of the sentences; by default the story's most common language. */
  language?: LanguageCode;
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
