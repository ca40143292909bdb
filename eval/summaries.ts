/**
 * Summary quality, a PROXY: no multi-document news summarisation set with a licence allowing use was
 * reachable (DUC needs a NIST agreement; Multi-News is non-commercial and hosted off GitHub). Each SQuAD
 * Wikipedia article is a "story": its first paragraph is the reference, its other paragraphs are the
 * documents. Every system gets the same sentences and word budget; ROUGE-1/2 recall with Porter stemming.
 * Published DUC figures cannot be compared with these.
 */
import { summarizeArticles } from "../src/core/digest/index.ts";
import { parseDocument } from "../src/core/ingest/index.ts";
import type { IngestedArticle } from "../src/core/types.ts";
import { evalFile } from "./eval-data.ts";
import { rougeN } from "./rouge.ts";
import { readSquadFormat } from "./squad-format.ts";
import {
  candidateSentences,
  centroidBaseline,
  fill,
  leadBaseline,
  lexRankBaseline,
  type Ranker,
  randomBaseline,
} from "./summary-baselines.ts";

export const SUMMARY_WORDS = 100;
const RANDOM_SEED = 7;

export interface SummaryRow {
  system: string;
  rouge1: number;
  rouge2: number;
}

interface ProxyStory {
  reference: string;
  documents: IngestedArticle[];
}

function proxyStories(): ProxyStory[] {
  const { paragraphs } = readSquadFormat(evalFile("squad-v1.1-dev-part1.json"));
  const byTitle = Map.groupBy(paragraphs, (paragraph) => paragraph.title);
  return [...byTitle.values()].map(([lead, ...rest]) => {
    const lines = rest.map((paragraph) =>
      JSON.stringify({ id: paragraph.id, text: paragraph.text, language: "en" }),
    );
    const parsed = parseDocument({
      name: "story.jsonl",
      content: new TextEncoder().encode(lines.join("\n")),
    });
    return { reference: lead?.text ?? "", documents: parsed.articles };
  });
}

export function evaluateSummaries(): { stories: number; rows: SummaryRow[] } {
  const stories = proxyStories();
  const systems: Array<[string, (story: ProxyStory) => string]> = [
    [
      "briefbot",
      (story) =>
        summarizeArticles(story.documents, { words: SUMMARY_WORDS, maxSentences: 100 })
          .sentences.map((sentence) => sentence.text)
          .join(" "),
    ],
    ...(
      [
        ["LexRank", lexRankBaseline],
        ["Centroid", centroidBaseline],
        ["Lead", leadBaseline],
        ["Random", randomBaseline(RANDOM_SEED)],
      ] as Array<[string, Ranker]>
    ).map(([name, rank]): [string, (story: ProxyStory) => string] => [
      name,
      (story) => fill(rank(candidateSentences(story.documents)), SUMMARY_WORDS),
    ]),
  ];
  const rows = systems.map(([system, summarize]) => {
    let rouge1 = 0;
    let rouge2 = 0;
    for (const story of stories) {
      const summary = summarize(story);
      rouge1 += rougeN(story.reference, summary, 1, { stem: true }).recall;
      rouge2 += rougeN(story.reference, summary, 2, { stem: true }).recall;
    }
    return { system, rouge1: rouge1 / stories.length, rouge2: rouge2 / stories.length };
  });
  return { stories: stories.length, rows };
}
