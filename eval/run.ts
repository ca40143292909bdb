/**
 * `npm run eval`: retrieval and answer quality on public data, ours beside MiniSearch in the same run.
 * Data: ../shared/eval (or BRIEFBOT_EVAL_DIR). Prints tables; exits 1 if the NFCorpus target is missed, if
 * hybrid retrieval fails its oracle wiring check, or if article extraction is below F1 0.95 or leaves a page empty.
 *
 * `npm run eval -- --llm [--questions N] [--embeddings] [--concurrency N]`: only the model-written answers'
 * evaluation (eval/llm.ts) through the configured model (OPENAI_MODEL …); exits 2 when none is configured.
 */

import { parseArgs } from "node:util";
import { printDigestEvaluation } from "./digest-report.ts";
import { evalFile } from "./eval-data.ts";
import { printExtractionEvaluation } from "./extraction.ts";
import { printHybridEvaluation } from "./hybrid.ts";
import { DEFAULT_LLM_QUESTIONS, LOCAL_MODEL_HOWTO, printLlmEvaluation } from "./llm.ts";
import { evaluateNfcorpus } from "./nfcorpus.ts";
import { abstentionRate, evaluateQa, heldOutAbstention, type QaCounts, type QaReport } from "./qa.ts";
import { share } from "./qa-metrics.ts";
import { evaluateSeedQuestions } from "./seed-questions.ts";
import { articlesOf, printVerificationEvaluation, seedArticles } from "./verification.ts";

const NDCG_TARGET = 0.325;

function qaRow(name: string, counts: QaCounts): string {
  return [
    name.padEnd(12),
    share(counts.answered, counts.questions).padStart(9),
    share(counts.answerInFirstBullet, counts.questions).padStart(13),
    share(counts.answerInAnyBullet, counts.questions).padStart(11),
    share(counts.firstBulletCitesGold, counts.questions).padStart(15),
    share(counts.goldPassageInTop1, counts.questions).padStart(9),
    share(counts.goldPassageInTop5, counts.questions).padStart(9),
    counts.questionsPerSecond.toFixed(0).padStart(8),
  ].join(" ");
}

function printQa(report: QaReport): void {
  console.log(
    `\n${report.dataset}: ${report.articles} paragraphs as articles, ${report.passages} passages, ${report.ours.questions} questions`,
  );
  console.log("system       answered  gold in 1st  gold in any  1st cites gold  top1 psg  top5 psg  q/s");
  console.log(qaRow("briefbot", report.ours));
  console.log(qaRow("minisearch", report.minisearch));
}

interface EvalFlags {
  llm: boolean;
  embeddings: boolean;
  questions: number;
  concurrency: number;
}

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a whole number of at least 1, not "${raw}"`);
  return value;
}

function evalFlags(argv: readonly string[]): EvalFlags {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      llm: { type: "boolean", default: false },
      embeddings: { type: "boolean", default: false },
      questions: { type: "string" },
      concurrency: { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (
    !values.llm &&
    (values.embeddings || values.questions !== undefined || values.concurrency !== undefined)
  )
    throw new Error("--embeddings, --questions and --concurrency go with --llm");
  return {
    llm: values.llm,
    embeddings: values.embeddings,
    questions: positiveInteger("questions", values.questions, DEFAULT_LLM_QUESTIONS),
    concurrency: positiveInteger("concurrency", values.concurrency, 1),
  };
}

async function standardEvaluation(): Promise<void> {
  console.log("== NFCorpus (BEIR test split), article-level retrieval");
  const nfcorpus = await evaluateNfcorpus();
  console.log("retriever     nDCG@10  recall@100  build ms  ms/query");
  for (const [name, figures] of [
    ["briefbot", nfcorpus.ours],
    ["minisearch", nfcorpus.miniSearch],
  ] as const) {
    console.log(
      `${name.padEnd(12)} ${figures.ndcgAt10.toFixed(4).padStart(8)} ${figures.recallAt100.toFixed(4).padStart(11)} ${figures.buildMs.toFixed(0).padStart(9)} ${figures.meanQueryMs.toFixed(3).padStart(9)}`,
    );
  }

  console.log("\n== Extractive QA (MiniSearch row: its top passage, then the sentence sharing most words)");
  const squad = evaluateQa("SQuAD v1.1 dev (part 1), English", evalFile("squad-v1.1-dev-part1.json"), "en");
  printQa(squad);
  const piaf = evaluateQa("PIAF v1.0, French", evalFile("piaf-v1.0.json"), "fr");
  printQa(piaf);

  console.log("\n== Abstention: questions asked of a corpus that cannot answer them (500 each)");
  console.log(
    `SQuAD questions on the PIAF corpus: ${share(abstentionRate(piaf.library, squad.questions) * 500, 500)} no_evidence`,
  );
  console.log(
    `PIAF questions on the SQuAD corpus: ${share(abstentionRate(squad.library, piaf.questions) * 500, 500)} no_evidence`,
  );
  for (const [name, file, language] of [
    ["SQuAD", "squad-v1.1-dev-part1.json", "en"],
    ["PIAF", "piaf-v1.0.json", "fr"],
  ] as const) {
    const held = heldOutAbstention(evalFile(file), language);
    console.log(
      `${name} questions on topics held out of its own corpus (${held.questions}): ${share(held.abstained, held.questions)} no_evidence`,
    );
  }

  console.log("\n== Seed questions (../shared/eval/seed-questions.dev.jsonl)");
  for (const result of await evaluateSeedQuestions()) {
    console.log(`${result.passed ? "pass" : "FAIL"}  ${result.id.padEnd(18)} ${result.detail}`);
  }

  printVerificationEvaluation([
    { name: "SQuAD", articles: articlesOf(squad.library) },
    { name: "PIAF", articles: articlesOf(piaf.library) },
    { name: "seeds", articles: await seedArticles(), oneStory: true },
  ]);
  console.log(`Model-written answers are measured with --llm. ${LOCAL_MODEL_HOWTO}`);

  printDigestEvaluation();

  const oracleHolds = await printHybridEvaluation([squad, piaf]);

  const extractionMet = printExtractionEvaluation();

  const ahead = nfcorpus.ours.ndcgAt10 > nfcorpus.miniSearch.ndcgAt10;
  console.log(
    `\nNFCorpus nDCG@10 ${nfcorpus.ours.ndcgAt10.toFixed(4)} (target >= ${NDCG_TARGET}, ${ahead ? "ahead of" : "BEHIND"} MiniSearch ${nfcorpus.miniSearch.ndcgAt10.toFixed(4)})`,
  );
  if (!oracleHolds)
    console.log("Hybrid wiring check FAILED: fused ranks are worse than lexical under the oracle embedder");
  if (!extractionMet) console.log("Article extraction target MISSED: F1 below 0.95 or an empty page");
  if (nfcorpus.ours.ndcgAt10 < NDCG_TARGET || !ahead || !oracleHolds || !extractionMet) process.exitCode = 1;
}

let flags: EvalFlags | undefined;
try {
  flags = evalFlags(process.argv.slice(2));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}`);
  console.error("usage: npm run eval [-- --llm [--questions N] [--embeddings] [--concurrency N]]");
  process.exitCode = 2;
}
if (flags?.llm) process.exitCode = await printLlmEvaluation(flags);
else if (flags) await standardEvaluation();
