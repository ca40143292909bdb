/**
 * Extractive QA through the product's own command line: the SQuAD-format paragraphs written as a JSONL corpus
 * (id, title, text, language), the questions as a batch file, and `briefbot ask --json --batch q.jsonl
 * --corpus corpus.jsonl` run in process (`main()`, empty environment: no store, no model). Scores the first
 * bullet of each printed answer. Run alone: node eval/qa-cli.ts
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../src/cli.ts";
import type { Answer, LanguageCode } from "../src/core/types.ts";
import { evalFile } from "./eval-data.ts";
import { containsAnswer, share } from "./qa-metrics.ts";
import { readSquadFormat } from "./squad-format.ts";

export interface CliQaFigures {
  questions: number;
  answered: number;
  emptyAnswered: number;
  answerInFirstBullet: number;
  firstBulletCitesGold: number;
  failedLines: number;
  seconds: number;
}

export async function evaluateQaThroughCli(path: string, language: LanguageCode): Promise<CliQaFigures> {
  const { paragraphs, questions } = readSquadFormat(path);
  const directory = await mkdtemp(join(tmpdir(), "briefbot-qa-cli-"));
  try {
    const corpus = join(directory, "corpus.jsonl");
    const batch = join(directory, "questions.jsonl");
    await writeFile(
      corpus,
      paragraphs.map((p) => JSON.stringify({ id: p.id, title: p.title, text: p.text, language })).join("\n"),
    );
    await writeFile(
      batch,
      questions.map((q) => JSON.stringify({ id: q.id, question: q.question })).join("\n"),
    );
    let stdout = "";
    const started = performance.now();
    await main(["ask", "--json", "--batch", batch, "--corpus", corpus], {
      stdout: (text) => {
        stdout += text;
      },
      stderr: () => {},
      stdoutIsTTY: false,
      stderrIsTTY: false,
      env: {},
    });
    const seconds = (performance.now() - started) / 1000;
    const byId = new Map(questions.map((question) => [question.id, question]));
    const figures: CliQaFigures = {
      questions: questions.length,
      answered: 0,
      emptyAnswered: 0,
      answerInFirstBullet: 0,
      firstBulletCitesGold: 0,
      failedLines: 0,
      seconds,
    };
    for (const line of stdout.split("\n")) {
      if (line.trim() === "") continue;
      const result = JSON.parse(line) as Answer & { id: string; error?: unknown };
      const question = byId.get(String(result.id));
      if (!question || result.error) {
        figures.failedLines++;
        continue;
      }
      if (result.status !== "answered") continue;
      figures.answered++;
      const first = result.bullets[0];
      if (!first) {
        figures.emptyAnswered++;
        continue;
      }
      if (containsAnswer(first.text, question.answers)) figures.answerInFirstBullet++;
      const cited = first.citations.map((n) => result.sources[n - 1]?.articleId);
      if (cited.includes(question.paragraphId)) figures.firstBulletCitesGold++;
    }
    return figures;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

export function printCliQa(name: string, figures: CliQaFigures): void {
  console.log(
    `${name.padEnd(34)} ${String(figures.questions).padStart(5)} ${share(figures.answered, figures.questions).padStart(9)} ${share(figures.answerInFirstBullet, figures.questions).padStart(12)} ${share(figures.firstBulletCitesGold, figures.questions).padStart(15)} ${String(figures.emptyAnswered + figures.failedLines).padStart(13)} ${figures.seconds.toFixed(1).padStart(6)} s`,
  );
}

export async function printQaThroughCli(): Promise<number> {
  console.log(
    "\n== Extractive QA through the CLI: briefbot ask --json --batch <questions> --corpus <paragraphs.jsonl>",
  );
  console.log(
    "dataset                                q  answered  gold in 1st  1st cites gold  empty/failed   time",
  );
  let problems = 0;
  for (const [name, file, language] of [
    ["SQuAD v1.1 dev part 1 (English)", "squad-v1.1-dev-part1.json", "en"],
    ["PIAF v1.0 (French)", "piaf-v1.0.json", "fr"],
  ] as const) {
    const figures = await evaluateQaThroughCli(evalFile(file), language);
    printCliQa(name, figures);
    problems += figures.emptyAnswered + figures.failedLines;
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  process.exitCode = (await printQaThroughCli()) > 0 ? 1 : 0;
