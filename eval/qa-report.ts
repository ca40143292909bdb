import { FAILURE_CATEGORIES, type QaCounts, type QaReport } from "./qa.ts";
import { share } from "./qa-metrics.ts";

function qaRow(name: string, counts: QaCounts): string {
  return [
    name.padEnd(30),
    String(counts.questions).padStart(5),
    share(counts.answered, counts.questions).padStart(9),
    share(counts.answerInFirstBullet, counts.questions).padStart(13),
    share(counts.answerInAnyBullet, counts.questions).padStart(11),
    share(counts.firstBulletCitesGold, counts.questions).padStart(15),
    share(counts.goldPassageInTop1, counts.questions).padStart(9),
    share(counts.goldPassageInTop5, counts.questions).padStart(9),
    counts.questionsPerSecond.toFixed(0).padStart(6),
  ].join(" ");
}

/**
 * One dataset's answer quality: ours on all questions and split by the sentence ranker's training titles,
 * MiniSearch beside it, then where our first bullet goes wrong. Returns how many questions were `answered`
 * with no bullets (must be 0).
 */
export function printQa(report: QaReport): number {
  console.log(
    `\n${report.dataset}: ${report.articles} paragraphs as articles, ${report.passages} passages, ${report.ours.questions} questions`,
  );
  console.log(
    `${"system".padEnd(30)} ${"q".padStart(5)}  answered  gold in 1st  gold in any  1st cites gold  top1 psg  top5 psg    q/s`,
  );
  console.log(qaRow("briefbot, all questions", report.ours));
  console.log(qaRow("  titles the ranker trained on", report.oursTrained));
  console.log(qaRow("  titles held out of training", report.oursHeldOut));
  console.log(qaRow("minisearch, all questions", report.minisearch));
  console.log("where briefbot's first bullet goes wrong (share of all questions, first matching row):");
  for (const category of FAILURE_CATEGORIES) {
    const count = report.ours.breakdown[category];
    console.log(`  ${share(count, report.ours.questions).padStart(6)}  ${category}`);
  }
  return report.ours.breakdown["answered with no bullets (a bug)"];
}
