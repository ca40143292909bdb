import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { digestArticles, ingestPaths, type Progress } from "./app.ts";
import { type Command, parseCommand, type QueryOptions, USAGE } from "./cli/args.ts";
import { errorJson, readBatch } from "./cli/batch.ts";
import { type CliEngine, cliBudget, openCliEngine } from "./cli/cli-engine.ts";
import { progressBar } from "./cli/progress.ts";
import {
  palette,
  renderAnswer,
  renderArticles,
  renderDigest,
  renderHits,
  renderSummary,
} from "./cli/render-terminal.ts";
import { stderrLog } from "./cli/stderr-log.ts";
import { loadConfig } from "./config.ts";
import { composeDigest, summarizeArticles } from "./core/digest/index.ts";
import { type BriefingError, isBriefingError } from "./core/errors.ts";
import type { AnswerEngine } from "./flows/ask/answer-engine.ts";
import { articlesOnTopic } from "./flows/digest/articles-on-topic.ts";
import { type WrittenDigest, writeDigestWithModel } from "./flows/digest/digest-writer.ts";
import { summaryWithModel } from "./flows/digest/summary-with-model.ts";
import { modelParts } from "./flows/model/model-answering.ts";

const out = (text: string) => process.stdout.write(`${text}\n`);
const err = (text: string) => process.stderr.write(`${text}\n`);

function loadDotEnv(): void {
  if (existsSync(".env")) process.loadEnvFile(".env");
}

function reportProblems(problems: readonly BriefingError[]): void {
  for (const problem of problems) err(`warning: ${problem.userMessage()} [${problem.code}]`);
}

function progress(): { onProgress: Progress | undefined; done(): void } {
  return process.stderr.isTTY ? progressBar() : { onProgress: undefined, done() {} };
}

/** The corpus and the answer engine over it (with the configured model and embedder); closed by `use`. */
async function withEngine<T>(corpus: string[], use: (opened: CliEngine) => Promise<T>): Promise<T> {
  const bar = progress();
  let opened: CliEngine | undefined;
  try {
    opened = await openCliEngine(loadConfig(), corpus, bar.onProgress);
    bar.done();
    reportProblems(opened.problems);
    return await use(opened);
  } finally {
    bar.done();
    await opened?.close();
  }
}

/** No queue retries a CLI call: a model failure gives the extractive answer (with a note) at once. */
function cliContext(): { attempt: number; onProgress?: (text: string) => void } {
  if (!process.stderr.isTTY) return { attempt: Number.POSITIVE_INFINITY };
  return {
    attempt: Number.POSITIVE_INFINITY,
    onProgress: (text) => process.stderr.write(`\r\u001b[K${text}`),
  };
}

function clearProgressLine(): void {
  if (process.stderr.isTTY) process.stderr.write("\r\u001b[K");
}

async function runBatch(
  engine: AnswerEngine,
  options: QueryOptions,
  verb: "ask" | "search",
): Promise<number> {
  let failures = 0;
  for await (const item of readBatch(options.batch ?? "")) {
    try {
      if (item.error) throw item.error;
      const text = item.text ?? "";
      const result =
        verb === "ask"
          ? await engine.answer(text, { attempt: Number.POSITIVE_INFINITY })
          : { query: text, hits: await engine.search(text, options.limit) };
      out(JSON.stringify({ id: item.id, ...result }));
    } catch (error) {
      failures++;
      out(JSON.stringify({ id: item.id, error: errorJson(error) }));
    }
  }
  return failures > 0 ? 1 : 0;
}

async function run(command: Command): Promise<number> {
  const colors = palette(process.stdout.isTTY === true && !process.env.NO_COLOR);
  switch (command.name) {
    case "help":
      out(USAGE);
      return 0;
    case "version": {
      const manifest = JSON.parse(
        readFileSync(fileURLToPath(new URL("../package.json", import.meta.url)), "utf8"),
      );
      out(String(manifest.version));
      return 0;
    }
    case "ask":
      return await withEngine(command.options.corpus, async ({ engine }) => {
        if (command.options.batch) return await runBatch(engine, command.options, "ask");
        const answer = await engine.answer(command.question ?? "", cliContext());
        clearProgressLine();
        out(command.options.json ? JSON.stringify(answer) : renderAnswer(answer, colors));
        return 0;
      });
    case "search":
      return await withEngine(command.options.corpus, async ({ engine }) => {
        if (command.options.batch) return await runBatch(engine, command.options, "search");
        const query = command.query ?? "";
        const hits = await engine.search(query, command.options.limit);
        out(command.options.json ? JSON.stringify({ query, hits }) : renderHits(query, hits, colors));
        return 0;
      });
    case "articles":
      return await withEngine(command.corpus, async ({ library }) => {
        const articles = library.articles();
        out(command.json ? JSON.stringify({ articles }) : renderArticles(articles, colors));
        return 0;
      });
    case "summarize":
      return await withEngine(command.corpus, async ({ library, parts }) => {
        const all = library
          .articles()
          .map((article) => ({ article, passages: [...library.articlePassages(article.id)] }));
        const articles = articlesOnTopic(all, command.topic);
        const extractive = summarizeArticles(articles, command.words ? { words: command.words } : {});
        const summary = await summaryWithModel(command.topic, articles, extractive, parts);
        out(command.json ? JSON.stringify(summary) : renderSummary(summary, colors));
        return 0;
      });
    case "digest": {
      const config = loadConfig();
      const { articles, problems } = await digestArticles(config, command.corpus, command.sinceMs);
      reportProblems(problems);
      const budget = cliBudget(config);
      const extractive = composeDigest(articles);
      let written: WrittenDigest;
      try {
        const { modelAnswering } = await modelParts(config, (daily) => budget.budgetFor(daily));
        written = modelAnswering
          ? await writeDigestWithModel(extractive, articles, modelAnswering, cliContext(), () => {})
          : { digest: extractive };
      } finally {
        await budget.close();
      }
      const digest = { ...written.digest, ...(written.note ? { note: written.note } : {}) };
      out(command.json ? JSON.stringify(digest) : renderDigest(digest, colors));
      return 0;
    }
    case "serve":
    case "worker":
      return await runUntilSignal(command.name === "serve");
    case "discord-register": {
      const { registerCommands } = await import("./adapters/discord/discord-platform.ts");
      out(`Registered /brief for ${await registerCommands(loadConfig())}.`);
      return 0;
    }
    case "ingest": {
      const bar = progress();
      const config = loadConfig();
      const { embedder } = await modelParts(config, () => undefined);
      const report = await ingestPaths(config, command.paths, bar.onProgress, embedder);
      bar.done();
      reportProblems(report.problems);
      if (command.json) {
        out(JSON.stringify({ ...report, problems: report.problems.map(errorJson) }));
      } else {
        const vectors = embedder ? `, passage vectors for ${report.embedded} article(s)` : "";
        const stored = report.stored
          ? `added ${report.stored.added}, updated ${report.stored.updated}, already stored ${report.stored.unchanged}${vectors}`
          : "not stored";
        out(
          `Parsed ${report.parsed} article(s) (${report.duplicates} duplicate(s) skipped), ${stored}; target: ${report.target}.`,
        );
        if (report.problems.length > 0)
          out(colors.yellow(`${report.problems.length} problem(s), listed above.`));
      }
      return report.problems.length > 0 && report.parsed === 0 ? 1 : 0;
    }
  }
}

async function runUntilSignal(adapters: boolean): Promise<number> {
  const log = stderrLog();
  // Loaded on demand: `ask` and `search` should not pay for BullMQ and discord.js at start-up.
  const { runServices } = await import("./services/run-services.ts");
  const services = await runServices(loadConfig(), { adapters, log });
  const signal = await new Promise<string>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
  log("stopping", { signal });
  await services.stop();
  return 0;
}

/** Runs one command; returns the process exit code (0 ok, 1 failure, 2 bad usage or input). */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    loadDotEnv();
    return await run(parseCommand(argv));
  } catch (error) {
    if (isBriefingError(error)) {
      err(`briefbot: ${error.userMessage()}`);
      return error.code === "USAGE" || error.code === "INVALID_QUESTION" || error.code === "CONFIG_INVALID"
        ? 2
        : 1;
    }
    err(
      `briefbot: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 1;
  }
}
