import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { digestArticles, ingestPaths, openLibrary, type Progress } from "./app.ts";
import { type Command, parseCommand, type QueryOptions, USAGE } from "./cli/args.ts";
import { errorJson, readBatch } from "./cli/batch.ts";
import { progressBar } from "./cli/progress.ts";
import {
  palette,
  renderAnswer,
  renderArticles,
  renderDigest,
  renderHits,
  renderSummary,
} from "./cli/render-terminal.ts";
import { loadConfig } from "./config.ts";
import { composeDigest, summarizeArticles } from "./core/digest/index.ts";
import { type BriefingError, isBriefingError } from "./core/errors.ts";
import type { Library } from "./core/library.ts";
import { articlesOnTopic } from "./jobs/articles-on-topic.ts";
import { stderrLog } from "./runtime/logger.ts";

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

async function withLibrary(corpus: string[]): Promise<Library> {
  const bar = progress();
  try {
    const opened = await openLibrary(loadConfig(), corpus, bar.onProgress);
    bar.done();
    reportProblems(opened.problems);
    return opened.library;
  } finally {
    bar.done();
  }
}

async function runBatch(library: Library, options: QueryOptions, verb: "ask" | "search"): Promise<number> {
  let failures = 0;
  for await (const item of readBatch(options.batch ?? "")) {
    try {
      if (item.error) throw item.error;
      const text = item.text ?? "";
      const result =
        verb === "ask" ? library.ask(text) : { query: text, hits: library.search(text, options.limit) };
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
    case "ask": {
      const library = await withLibrary(command.options.corpus);
      if (command.options.batch) return await runBatch(library, command.options, "ask");
      const answer = library.ask(command.question ?? "");
      out(command.options.json ? JSON.stringify(answer) : renderAnswer(answer, colors));
      return 0;
    }
    case "search": {
      const library = await withLibrary(command.options.corpus);
      if (command.options.batch) return await runBatch(library, command.options, "search");
      const query = command.query ?? "";
      const hits = library.search(query, command.options.limit);
      out(command.options.json ? JSON.stringify({ query, hits }) : renderHits(query, hits, colors));
      return 0;
    }
    case "articles": {
      const library = await withLibrary(command.corpus);
      const articles = library.articles();
      out(command.json ? JSON.stringify({ articles }) : renderArticles(articles, colors));
      return 0;
    }
    case "summarize": {
      const library = await withLibrary(command.corpus);
      const all = library
        .articles()
        .map((article) => ({ article, passages: [...library.articlePassages(article.id)] }));
      const articles = articlesOnTopic(all, command.topic);
      const summary = summarizeArticles(articles, command.words ? { words: command.words } : {});
      out(command.json ? JSON.stringify(summary) : renderSummary(summary, colors));
      return 0;
    }
    case "digest": {
      const { articles, problems } = await digestArticles(loadConfig(), command.corpus, command.sinceMs);
      reportProblems(problems);
      const digest = composeDigest(articles);
      out(command.json ? JSON.stringify(digest) : renderDigest(digest, colors));
      return 0;
    }
    case "serve":
    case "worker":
      return await runUntilSignal(command.name === "serve");
    case "discord-register": {
      const { registerCommands } = await import("./services/discord-platform.ts");
      out(`Registered /brief for ${await registerCommands(loadConfig())}.`);
      return 0;
    }
    case "ingest": {
      const bar = progress();
      const report = await ingestPaths(loadConfig(), command.paths, bar.onProgress);
      bar.done();
      reportProblems(report.problems);
      if (command.json) {
        out(JSON.stringify({ ...report, problems: report.problems.map(errorJson) }));
      } else {
        const stored = report.stored
          ? `added ${report.stored.added}, updated ${report.stored.updated}, already stored ${report.stored.unchanged}`
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
