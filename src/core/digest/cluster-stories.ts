import type { IngestedArticle } from "../types.ts";
import { averageLinkClusters } from "./average-link.ts";
import { similarPairs } from "./similar-pairs.ts";
import { tfidfVectors } from "./sparse-vectors.ts";
import { DayWindows, MAX_STORY_SPAN_DAYS, publicationDays } from "./story-dates.ts";
import { featureCounts } from "./text-features.ts";

export interface ClusterOptions {
  /** Mean pairwise similarity two clusters need to merge. */
  threshold?: number;
  /** The dated articles of a story lie within this many days of each other (default MAX_STORY_SPAN_DAYS). */
  maxSpanDays?: number;
}

export const DEFAULT_CLUSTER_THRESHOLD = 0.09;
/** Pairs below this are treated as unrelated (0), which keeps the similarity graph sparse. */
const MIN_EDGE_SIMILARITY = 0.04;
/** Each article links to at most this many earlier ones: the graph stays sparse in a dense batch. */
const NEIGHBOURS = 40;
/** News states the story up front: clustering reads the first this many characters of each article. */
const CLUSTER_CHARS = 2500;
const TERM_WEIGHTING = { keep: 60, commonShare: 0.25 };
const ANCHOR_WEIGHTING = { keep: 30, commonShare: 0.25 };

/** Articles in a canonical order (by id, then input position), so that input order does not matter. */
function canonicalOrder(articles: readonly IngestedArticle[]): number[] {
  return articles
    .map((_, index) => index)
    .sort((a, b) => {
      const idA = articles[a]?.article.id ?? "";
      const idB = articles[b]?.article.id ?? "";
      return idA < idB ? -1 : idA > idB ? 1 : a - b;
    });
}

/**
 * Groups articles into stories: the same event across outlets and languages. Lexical only: TF-IDF cosine of
 * analyzed terms within a language, and of anchors (names, acronyms, numbers) across languages, both
 * weighted within the batch; average-link clustering over the pairs that share a key. Publication dates bound
 * a story: articles published further apart than `maxSpanDays` are never in one story, so the same parties in
 * two events months apart make two stories, and undated articles join the one their content is closest to.
 * Stories come largest first; articles keep their input order within a story.
 */
export function clusterStories(
  articles: readonly IngestedArticle[],
  options: ClusterOptions = {},
): IngestedArticle[][] {
  const order = canonicalOrder(articles);
  const termCounts: Array<Map<string, number>> = [];
  const anchorCounts: Array<Map<string, number>> = [];
  for (const index of order) {
    const article = articles[index]?.article;
    const text = `${article?.title ?? ""}\n${article?.text ?? ""}`;
    const head =
      text.length <= CLUSTER_CHARS ? text : text.slice(0, text.lastIndexOf(" ", CLUSTER_CHARS) + 1);
    const counts = featureCounts(head, article?.language ?? "");
    termCounts.push(counts.terms);
    anchorCounts.push(counts.anchors);
  }
  const vectors = {
    terms: tfidfVectors(termCounts, TERM_WEIGHTING),
    anchors: tfidfVectors(anchorCounts, ANCHOR_WEIGHTING),
    languages: order.map((index) => articles[index]?.article.language ?? ""),
  };
  const days = publicationDays(order.flatMap((index) => articles[index] ?? []));
  const maxSpan = options.maxSpanDays ?? MAX_STORY_SPAN_DAYS;
  const withinSpan = (a: number, b: number): boolean => {
    const dayA = days[a];
    const dayB = days[b];
    return dayA === undefined || dayB === undefined || Math.abs(dayA - dayB) <= maxSpan;
  };
  const edges = similarPairs(vectors, MIN_EDGE_SIMILARITY, NEIGHBOURS, withinSpan);
  const clusters = averageLinkClusters(
    order.length,
    edges,
    options.threshold ?? DEFAULT_CLUSTER_THRESHOLD,
    new DayWindows(days, maxSpan),
  );
  return clusters
    .map((cluster) => cluster.map((position) => order[position] ?? 0).sort((a, b) => a - b))
    .sort((a, b) => b.length - a.length || (a[0] ?? 0) - (b[0] ?? 0))
    .map((cluster) => cluster.flatMap((index) => articles[index] ?? []));
}
