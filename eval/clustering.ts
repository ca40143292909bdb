/**
 * Story clustering quality: paragraphs of Wikipedia articles (SQuAD, PIAF), shuffled together with a fixed
 * seed, each paragraph ingested as an untitled article; a Wikipedia article is the gold story. B-cubed
 * precision/recall/F1 of clusterStories beside trivial baselines and a naive bag-of-words single link.
 */
import { clusterStories } from "../src/core/digest/index.ts";
import { parseDocument } from "../src/core/ingest/index.ts";
import type { IngestedArticle, LanguageCode } from "../src/core/types.ts";
import { type BCubed, bcubed } from "./bcubed.ts";
import { evalFile } from "./eval-data.ts";
import { naiveSingleLink } from "./naive-clustering.ts";
import { seededRandom, shuffled } from "./seeded-random.ts";
import { readSquadFormat } from "./squad-format.ts";

export interface LabelledArticles {
  articles: IngestedArticle[];
  labelOf: (articleId: string) => string;
  stories: number;
}

export interface ClusteringRow {
  system: string;
  clusters: number;
  scores: BCubed;
  ms: number;
}

const SHUFFLE_SEED = 20_140_930;

/** Paragraphs of each file as articles with neutral ids (no title: it would give the label away). */
export function labelledParagraphs(files: ReadonlyArray<[string, LanguageCode]>): LabelledArticles {
  const items = files.flatMap(([file, language]) =>
    readSquadFormat(evalFile(file)).paragraphs.map((paragraph) => ({
      label: `${file}:${paragraph.title}`,
      text: paragraph.text,
      language,
    })),
  );
  const mixed = shuffled(items, seededRandom(SHUFFLE_SEED));
  const labels = new Map<string, string>();
  const lines = mixed.map((item, index) => {
    labels.set(`para-${index}`, item.label);
    return JSON.stringify({ id: `para-${index}`, text: item.text, language: item.language });
  });
  const parsed = parseDocument({
    name: "clusters.jsonl",
    content: new TextEncoder().encode(lines.join("\n")),
  });
  if (parsed.problems.length > 0) throw new Error(`Eval data did not ingest: ${parsed.problems[0]?.message}`);
  return {
    articles: parsed.articles,
    labelOf: (id) => labels.get(id) ?? id,
    stories: new Set(labels.values()).size,
  };
}

function row(system: string, data: LabelledArticles, cluster: () => string[][]): ClusteringRow {
  const started = performance.now();
  const clusters = cluster();
  const ms = performance.now() - started;
  return { system, clusters: clusters.length, scores: bcubed(clusters, data.labelOf), ms };
}

export function evaluateClustering(
  data: LabelledArticles,
  thresholds: readonly number[] = [],
): ClusteringRow[] {
  const ids = data.articles.map((ingested) => ingested.article.id);
  const ours = (threshold?: number) =>
    clusterStories(data.articles, threshold === undefined ? {} : { threshold }).map((story) =>
      story.map((ingested) => ingested.article.id),
    );
  return [
    row("briefbot", data, () => ours()),
    ...thresholds.map((threshold) => row(`  threshold ${threshold}`, data, () => ours(threshold))),
    row("bow single-link", data, () => naiveSingleLink(data.articles)),
    row("all singletons", data, () => ids.map((id) => [id])),
    row("one cluster", data, () => [ids]),
  ];
}
