export { type ClusterOptions, clusterStories, DEFAULT_CLUSTER_THRESHOLD } from "./cluster-stories.ts";
export {
  composeDigest,
  DEFAULT_DIGEST_SENTENCES,
  DEFAULT_MAX_STORIES,
  digestOfStories,
} from "./compose-digest.ts";
export { lexRank, rankSentences } from "./rank-sentences.ts";
export { contentVectors } from "./sentence-vectors.ts";
export { allSentences, type StorySentence, summarySentences } from "./story-sentences.ts";
export {
  DEFAULT_SUMMARY_SENTENCES,
  DEFAULT_SUMMARY_WORDS,
  majorityLanguage,
  summarizeArticles,
} from "./summarize.ts";
export type { Digest, DigestOptions, Story, Summary, SummaryOptions, SummarySentence } from "./types.ts";
