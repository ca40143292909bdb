/** The digest sections of `npm run eval`: story clustering (B-cubed) and summary quality (ROUGE, a proxy). */
import { DEFAULT_CLUSTER_THRESHOLD } from "../src/core/digest/index.ts";
import { type ClusteringRow, evaluateClustering, labelledParagraphs } from "./clustering.ts";
import { evaluateSummaries, SUMMARY_WORDS } from "./summaries.ts";

const SENSITIVITY = [0.06, 0.1, 0.15, 0.2];

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

export function printDigestEvaluation(): void {
  console.log(
    `\n== Story clustering (B-cubed; Wikipedia article = story; paragraphs shuffled, untitled; default threshold ${DEFAULT_CLUSTER_THRESHOLD}, sensitivity rows below it)`,
  );
  printClustering("SQuAD v1.1 dev (part 1), English", [["squad-v1.1-dev-part1.json", "en"]]);
  printClustering("PIAF v1.0, French", [["piaf-v1.0.json", "fr"]]);
  printClustering("SQuAD + PIAF mixed (two languages, no shared stories)", [
    ["squad-v1.1-dev-part1.json", "en"],
    ["piaf-v1.0.json", "fr"],
  ]);

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
