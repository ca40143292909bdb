import { serviceLog } from "./adapters/ops/service-log.ts";
import { BRIEFBOT_VERSION, type CliApp, type CliEngine, openCli, startServe, startWorker } from "./app.ts";
import { type Command, parseCommand, type QueryOptions, USAGE } from "./cli/args.ts";
import { errorJson, readBatch } from "./cli/batch.ts";
import { type CliIo, processIo, withDotEnv } from "./cli/io.ts";
import { progressBar } from "./cli/progress.ts";
import { collectionListings, renderCollections } from "./cli/render-collections.ts";
import { renderFeedback } from "./cli/render-feedback.ts";
import {
  palette,
  renderAnswer,
  renderArticles,
  renderDigest,
  renderExtracted,
  renderFeeds,
  renderHits,
  renderPollRun,
  renderSummary,
} from "./cli/render-terminal.ts";
import { configuredSecrets, loadConfig, opsPort } from "./config.ts";
import type { Visibility } from "./core/collections.ts";
import { type BriefingError, ERROR_CODES, isBriefingError } from "./core/errors.ts";
import type { LoadProgress } from "./core/ports.ts";
import { valueWithin } from "./core/within.ts";
import type { AnswerEngine } from "./flows/ask/answer-engine.ts";

/** The application as one CLI run uses it: configured from the run's environment, warnings on its stderr. */
function cliApp(run: Run): CliApp {
  return openCli(loadConfig(run.env), run.err);
}

/** One run's output and environment: its io, with the environment `.env` completed, and line writers. */
interface Run {
  io: CliIo;
  env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
}

function reportProblems(run: Run, problems: readonly BriefingError[]): void {
  for (const problem of problems) run.err(`warning: ${problem.detailedMessage()} [${problem.code}]`);
}

function progress(run: Run): { onProgress: LoadProgress | undefined; done(): void } {
  return run.io.stderrIsTTY
    ? progressBar(run.io.stderr, run.io.stderrColumns)
    : { onProgress: undefined, done() {} };
}

/** The corpus and the answer engine over it (with the configured model and embedder); closed by `use`. */
async function withEngine<T>(run: Run, corpus: string[], use: (opened: CliEngine) => Promise<T>): Promise<T> {
  const bar = progress(run);
  let opened: CliEngine | undefined;
  try {
    opened = await cliApp(run).openEngine(corpus, bar.onProgress);
    bar.done();
    reportProblems(run, opened.problems);
    return await use(opened);
  } finally {
    bar.done();
    await opened?.close();
  }
}

/** `--collection` names as the collections a command reads; none: all of them. */
function visibleOf(collections: readonly string[]): Visibility {
  return collections.length === 0 ? undefined : new Set(collections);
}

/** No queue retries a CLI call: a model failure gives the extractive answer (with a note) at once. */
function cliContext(run: Run): { attempt: number; onProgress?: (text: string) => void } {
  if (!run.io.stderrIsTTY) return { attempt: Number.POSITIVE_INFINITY };
  return {
    attempt: Number.POSITIVE_INFINITY,
    onProgress: (text) => run.io.stderr(`\r\u001b[K${text}`),
  };
}

function clearProgressLine(run: Run): void {
  if (run.io.stderrIsTTY) run.io.stderr("\r\u001b[K");
}

async function runBatch(
  run: Run,
  engine: AnswerEngine,
  options: QueryOptions,
  verb: "ask" | "search",
): Promise<number> {
  let failures = 0;
  for await (const item of readBatch(options.batch ?? "")) {
    try {
      if (item.error) throw item.error;
      const text = item.text ?? "";
      const visible = visibleOf(options.collections);
      const result =
        verb === "ask"
          ? await engine.answer(text, { attempt: Number.POSITIVE_INFINITY }, visible ? { visible } : {})
          : {
              query: text,
              hits: await engine.search(text, options.limit, { passages: options.passages, visible }),
            };
      run.out(JSON.stringify({ id: item.id, ...result }));
    } catch (error) {
      failures++;
      run.out(JSON.stringify({ id: item.id, error: errorJson(error) }));
    }
  }
  return failures > 0 ? 1 : 0;
}

async function runCommand(run: Run, command: Command): Promise<number> {
  const { out } = run;
  const colors = palette(run.io.stdoutIsTTY && !run.env.NO_COLOR);
  switch (command.name) {
    case "help":
      out(USAGE);
      return 0;
    case "version":
      out(BRIEFBOT_VERSION);
      return 0;
    case "ask":
      return await withEngine(run, command.options.corpus, async ({ engine }) => {
        if (command.options.batch) return await runBatch(run, engine, command.options, "ask");
        const visible = visibleOf(command.options.collections);
        const answer = await engine.answer(
          command.question ?? "",
          cliContext(run),
          visible ? { visible } : {},
        );
        clearProgressLine(run);
        out(command.options.json ? JSON.stringify(answer) : renderAnswer(answer, colors));
        return 0;
      });
    case "search":
      return await withEngine(run, command.options.corpus, async ({ engine }) => {
        if (command.options.batch) return await runBatch(run, engine, command.options, "search");
        const query = command.query ?? "";
        const hits = await engine.search(query, command.options.limit, {
          passages: command.options.passages,
          visible: visibleOf(command.options.collections),
        });
        out(command.options.json ? JSON.stringify({ query, hits }) : renderHits(query, hits, colors));
        return 0;
      });
    case "articles":
      return await withEngine(run, command.corpus, async ({ library }) => {
        const articles = library.articles(visibleOf(command.collections));
        out(command.json ? JSON.stringify({ articles }) : renderArticles(articles, colors));
        return 0;
      });
    case "collections":
      return await withEngine(run, command.corpus, async ({ library }) => {
        const app = cliApp(run);
        const collections = collectionListings(
          library.collections(),
          await app.scopeGrants(),
          app.sharedVisible,
        );
        out(command.json ? JSON.stringify({ collections }) : renderCollections(collections));
        return 0;
      });
    case "summarize":
      return await withEngine(run, command.corpus, async ({ engine }) => {
        const summary = await engine.summary(command.topic, {
          ...(command.words ? { words: command.words } : {}),
          visible: visibleOf(command.collections),
        });
        out(command.json ? JSON.stringify(summary) : renderSummary(summary, colors));
        return 0;
      });
    case "digest": {
      const written = await cliApp(run).digest(
        command.corpus,
        command.sinceMs,
        cliContext(run),
        visibleOf(command.collections),
      );
      reportProblems(run, written.problems);
      const digest = { ...written.digest, ...(written.note ? { note: written.note } : {}) };
      out(command.json ? JSON.stringify(digest) : renderDigest(digest, colors));
      return 0;
    }
    case "feeds-add": {
      const { feed, items, added } = await cliApp(run).feeds.add(command.url);
      const json = { feed: { url: feed.url, title: feed.title, format: feed.format, items } };
      const already = added ? "Following" : "Already following";
      out(
        command.json
          ? JSON.stringify(json)
          : `${already} "${feed.title}" (${feed.format} feed, ${items} item(s)): ${feed.url}`,
      );
      return 0;
    }
    case "feeds-list": {
      const feeds = await cliApp(run).feeds.list();
      out(command.json ? JSON.stringify({ feeds }) : renderFeeds(feeds, colors));
      return 0;
    }
    case "feeds-remove": {
      const { url, title } = await cliApp(run).feeds.remove(command.url);
      out(
        command.json ? JSON.stringify({ removed: { url, title } }) : `No longer following "${title}": ${url}`,
      );
      return 0;
    }
    case "poll": {
      const bar = progress(run);
      const polled = await cliApp(run).poll(bar.onProgress);
      bar.done();
      out(command.json ? JSON.stringify(polled) : renderPollRun(polled, colors));
      return polled.failed.length > 0 && polled.failed.length === polled.polled ? 1 : 0;
    }
    case "feedback": {
      const report = await cliApp(run).feedback(command.sinceMs);
      out(command.json ? JSON.stringify(report) : renderFeedback(report, colors));
      return 0;
    }
    case "extract": {
      const article = await cliApp(run).extract(command.target);
      for (const warning of article.warnings) run.err(`warning: ${warning}`);
      out(command.json ? JSON.stringify(article) : renderExtracted(article, colors));
      return article.text.trim() === "" ? 1 : 0;
    }
    case "serve":
    case "worker":
      return await runUntilSignal(run, command.name === "serve");
    case "discord-register": {
      out(`Registered /brief for ${await cliApp(run).registerDiscordCommands()}.`);
      return 0;
    }
    case "ingest": {
      const bar = progress(run);
      const { embedder, ...report } = await cliApp(run).ingest(
        command.paths,
        bar.onProgress,
        command.collection,
      );
      bar.done();
      reportProblems(run, report.problems);
      if (command.json) {
        const { stored, parsed, duplicates, problems, target, embedded } = report;
        out(
          JSON.stringify({ stored, parsed, duplicates, problems: problems.map(errorJson), target, embedded }),
        );
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

/** Exit code of a second SIGINT/SIGTERM during shutdown: stopped at once, as after Ctrl-C (128 + SIGINT). */
const EXIT_AT_ONCE = 130;
/** After SHUTDOWN_GRACE_MS, how long closing the queues and Redis may take before the process exits anyway. */
const STOP_MARGIN_MS = 10_000;

/**
 * `serve` and `worker`: run until SIGINT or SIGTERM, then stop gracefully (see RunningServices.stop); a second
 * signal exits at once. Once stopped the process exits, whatever a job handed back may still hold open.
 */
async function runUntilSignal(run: Run, adapters: boolean): Promise<number> {
  const config = loadConfig(run.env);
  const role = adapters ? "serve" : "worker";
  const log = serviceLog({
    write: run.io.stderr,
    level: config.log.level,
    logQuestions: config.log.questions,
    secrets: configuredSecrets(config),
    pretty: run.io.stderrIsTTY,
    component: role,
  });
  // Listening from the start: a SIGTERM during a long cold start (index sync) must not kill the process mid-way.
  const signal = new Promise<string>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
  const starting = (adapters ? startServe : startWorker)(config, log, { opsPort: opsPort(config.ops, role) });
  const first = await Promise.race([starting.then(() => undefined), signal]);
  if (first !== undefined) {
    // Nothing is answered before the start ends: wait for it up to the grace, then exit (a job a worker took
    // meanwhile is handed back when its lock lapses, as after any exit).
    log("stopping", { signal: first, during: "start", graceMs: config.ops.shutdownGraceMs });
    const started = await valueWithin(
      starting.catch(() => undefined),
      config.ops.shutdownGraceMs,
    );
    if (started === undefined) {
      log("stopped", { during: "start" });
      setTimeout(() => process.exit(0), 0).unref();
      return 0;
    }
  }
  const services = await starting;
  const received = await signal;
  const atOnce = (again: string) => {
    log("stopping_now", { signal: again, exitCode: EXIT_AT_ONCE });
    process.exit(EXIT_AT_ONCE);
  };
  process.once("SIGINT", atOnce);
  process.once("SIGTERM", atOnce);
  if (first === undefined) log("stopping", { signal: received, graceMs: config.ops.shutdownGraceMs });
  const backstop = setTimeout(() => {
    log("stop_timed_out", { afterMs: config.ops.shutdownGraceMs + STOP_MARGIN_MS });
    process.exit(1);
  }, config.ops.shutdownGraceMs + STOP_MARGIN_MS);
  backstop.unref();
  await services.stop();
  clearTimeout(backstop);
  log("stopped", {});
  // A job handed back may still run here: nothing of it may outlive the shutdown.
  setTimeout(() => process.exit(), 0).unref();
  return 0;
}

/** Exit code 2: the command line, the question, the configuration, or what the user named (files, paths, a feed). */
function badUsageOrInput(error: BriefingError): boolean {
  if (error.code === "USAGE" || error.code === "INVALID_QUESTION" || error.code === "CONFIG_INVALID")
    return true;
  return "input" in ERROR_CODES[error.code];
}

/**
 * Runs one command; returns the process exit code (0 ok, 1 failure, 2 bad usage or input). `io` is the real
 * process unless given: its output, terminals and environment (`./.env` fills in what the environment lacks,
 * without changing process.env). `serve` and `worker` stop on the process's SIGINT or SIGTERM.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const err = (text: string) => io.stderr(`${text}\n`);
  try {
    const run: Run = {
      io,
      env: withDotEnv(io.env),
      out: (text) => io.stdout(`${text}\n`),
      err,
    };
    return await runCommand(run, parseCommand(argv));
  } catch (error) {
    if (isBriefingError(error)) {
      err(`briefbot: ${error.detailedMessage()}`);
      return badUsageOrInput(error) ? 2 : 1;
    }
    err(
      `briefbot: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 1;
  }
}
