/**
 * The digest sections of `npm run eval`: story clustering (B-cubed), the seed digest's stories (events, languages,
 * key facts) and summary quality (ROUGE, a proxy).
 */
import { fileURLToPath } from "node:url";
import { loadPaths } from "../src/adapters/files/load-paths.ts";
import { composeDigest, DEFAULT_CLUSTER_THRESHOLD } from "../src/core/digest/index.ts";
import { type ClusteringRow, evaluateClustering, labelledParagraphs } from "./clustering.ts";
import { evaluateSummaries, SUMMARY_WORDS } from "./summaries.ts";

const SENSITIVITY = [0.06, 0.12, 0.15, 0.2];
const SEEDS = fileURLToPath(new URL("../seeds", import.meta.url));
/** The facts the seeds' September 2014 story must state: its three-year term and the threat-intelligence sharing. */
const LATER_STORY_FACTS: ReadonlyArray<[string, RegExp]> = [
  ["three-year term", /three years|three-year|driejarig|drie jaar/iu],
  ["threat intelligence shared", /threat (information|intelligence)|bedreigingsinformatie/iu],
];

function printClustering(name: string, files: ReadonlyArray<[string, string]>): void {
  const data = labelledParagraphs(files);
  console.log(`\n${name}: ${data.articles.length} paragraphs as articles, ${data.stories} gold stories`);
  console.log("system                 clusters  B3 prec  B3 recall    B3 F1       ms");
  const line = (row: ClusteringRow) =>
    console.log(
      [
        row.system.padEnd(22),
        String(row.clusters).padStart(8),
        row.scores.precision.toFixed(3).padStart(8),
        row.scores.recall.toFixed(3).padStart(10),
        row.scores.f1.toFixed(3).padStart(8),
        row.ms.toFixed(0).padStart(8),
      ].join(" "),
    );
  for (const row of evaluateClustering(data, SENSITIVITY)) line(row);
}

/** The seed digest: two events (June 2013, September 2014) about the same parties should be two stories. */
async function printSeedDigest(): Promise<void> {
  const { articles } = await loadPaths([SEEDS]);
  const digest = composeDigest(articles);
  console.log(
    `\n== Seed digest (seeds/: ${articles.length} articles; expected 2 stories: June 2013 en+en+fr, September 2014 nl+en): ${digest.stories.length} stories`,
  );
  for (const story of digest.stories) {
    const cited = new Set(
      story.summary.flatMap((sentence) => sentence.citations.map((n) => story.sources[n - 1]?.language)),
    );
    const text = story.summary.map((sentence) => sentence.text).join(" ");
    const facts =
      story.latest?.startsWith("2014") === true
        ? ` · key facts: ${LATER_STORY_FACTS.map(([fact, pattern]) => `${fact} ${pattern.test(text) ? "yes" : "NO"}`).join(", ")}`
        : "";
    console.log(
      `${story.latest ?? "undated"} · ${story.sourceCount} articles (${story.languages.join(", ")}) · ${story.summary.length} sentences citing ${[...cited].sort().join(", ")} · ${story.sources.length} sources listed${facts}`,
    );
  }
}

export async function printDigestEvaluation(): Promise<void> {
  console.log(
    `\n== Story clustering (B-cubed; Wikipedia article = story; paragraphs shuffled, untitled; default threshold ${DEFAULT_CLUSTER_THRESHOLD}, sensitivity rows below it)`,
  );
  printClustering("SQuAD v1.1 dev (part 1), English", [["squad-v1.1-dev-part1.json", "en"]]);
  printClustering("PIAF v1.0, French", [["piaf-v1.0.json", "fr"]]);
  printClustering("SQuAD + PIAF mixed (two languages, no shared stories)", [
    ["squad-v1.1-dev-part1.json", "en"],
    ["piaf-v1.0.json", "fr"],
  ]);
  await printSeedDigest();

  const summaries = evaluateSummaries();
  console.log(
    `\n== Summaries: PROXY, not news. ${summaries.stories} SQuAD Wikipedia articles; reference = first paragraph, documents = the other paragraphs; ${SUMMARY_WORDS}-word budget; ROUGE recall, Porter stemming (rouge-score tokenisation). No licensed multi-document news set (DUC 2004, Multi-News) was reachable, so published DUC LexRank/Centroid figures could not be checked.`,
  );
  console.log("system      ROUGE-1  ROUGE-2");
  for (const row of summaries.rows) {
    console.log(
      `${row.system.padEnd(10)} ${row.rouge1.toFixed(4).padStart(8)} ${row.rouge2.toFixed(4).padStart(8)}`,
    );
  }
}
