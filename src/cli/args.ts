import { type ParseArgsOptionsConfig, parseArgs } from "node:util";
import { collectionName } from "../core/collections.ts";
import { BriefingError } from "../core/errors.ts";

export type Command =
  | { name: "ask"; question: string | undefined; options: QueryOptions }
  | { name: "search"; query: string | undefined; options: QueryOptions }
  | { name: "ingest"; paths: string[]; json: boolean; collection: string | undefined }
  | { name: "articles"; corpus: string[]; json: boolean; collections: string[] }
  | { name: "collections"; corpus: string[]; json: boolean }
  | {
      name: "summarize";
      topic: string | undefined;
      corpus: string[];
      json: boolean;
      words: number | undefined;
      collections: string[];
    }
  | {
      name: "digest";
      corpus: string[];
      json: boolean;
      sinceMs: number | undefined;
      collections: string[];
    }
  | { name: "feeds-add"; url: string; json: boolean }
  | { name: "feeds-list"; json: boolean }
  | { name: "feeds-remove"; url: string; json: boolean }
  | { name: "poll"; json: boolean }
  | { name: "feedback"; json: boolean; sinceMs: number | undefined }
  | { name: "extract"; target: string; json: boolean }
  | { name: "serve" }
  | { name: "worker" }
  | { name: "discord-register" }
  | { name: "help" }
  | { name: "version" };

export interface QueryOptions {
  corpus: string[];
  json: boolean;
  batch: string | undefined;
  limit: number;
  /** search: passage-level hits (several per article) instead of one hit per article. */
  passages: boolean;
  /** `--collection`: the collections read (all of them when empty). */
  collections: string[];
}

export const USAGE = `briefbot — cited answers from the articles you follow

Usage:
  briefbot ask "<question>" [--corpus <path>]... [--collection NAME]... [--json] [--batch <questions.jsonl>]
  briefbot search "<query>" [--corpus <path>]... [--collection NAME]... [--json] [--limit K] [--passages]
                              [--batch <queries.jsonl>]
                              the K best articles, each with its best passage (title and text ranked
                              together); --passages lists the K best passages instead, several per article
  briefbot ingest <file, folder or URL>... [--collection NAME] [--json]
                              a URL is a page (one article) or a feed (its items now), read once; into
                              the collection NAME (default shared)
  briefbot articles [--corpus <path>]... [--collection NAME]... [--json]
  briefbot collections [--corpus <path>]... [--json]
                              the collections with their article counts
  briefbot summarize ["<topic>"] [--corpus <path>]... [--collection NAME]... [--words N] [--json]
                              one cited summary of the articles (those matching the topic, when given)
  briefbot digest [--since 24h] [--corpus <path>]... [--collection NAME]... [--json]
                              what a digest would post now: the stories clustered across languages, cited
  briefbot feeds add <url> [--json]
                              follows a feed (or the feed a site's page announces): polled from then on
  briefbot feeds list [--json]
  briefbot feeds remove <url>
  briefbot poll [--json]      polls every feed that is due, once, now
  briefbot feedback [--since 7d] [--json]
                              👍/👎 on answers in chat: counts, and the questions rated worst
  briefbot extract [--json] <file.html | url>
                              the article of one page as it would be stored
  briefbot serve              chat adapters (Slack, Discord), workers and schedulers in one process
  briefbot worker             workers only: run as many as you like, on any machine, with one REDIS_URL
  briefbot discord register   registers the /brief slash command with Discord

Corpus: --corpus files or folders (.txt .md .html .jsonl), read into memory; otherwise the Redis store
when REDIS_URL is set; otherwise the bundled seeds/. --collection NAME (repeatable) reads only those
collections; without it, every collection is read.
Batch files hold one {"id", "question"} per line; one JSON result per line is printed, with its id.`;

const OPTIONS = {
  corpus: { type: "string", multiple: true, default: [] as string[] },
  json: { type: "boolean", default: false },
  batch: { type: "string" },
  limit: { type: "string", default: "10" },
  passages: { type: "boolean", default: false },
  words: { type: "string" },
  since: { type: "string" },
  collection: { type: "string", multiple: true, default: [] as string[] },
  help: { type: "boolean", short: "h", default: false },
  version: { type: "boolean", short: "v", default: false },
} satisfies ParseArgsOptionsConfig;

/** `shown` replaces `message` for the user when the message is not ours (an exception's). */
function usageError(message: string, shown = message): BriefingError {
  return new BriefingError("USAGE", `${message}\n\n${USAGE}`, { userText: `${shown}\n\n${USAGE}` });
}

function parseLimit(raw: string): number {
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw usageError(`--limit must be 1-1000, not "${raw}"`);
  return limit;
}

function parseWords(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const words = Number(raw);
  if (!Number.isInteger(words) || words < 10 || words > 2000)
    throw usageError(`--words must be a whole number from 10 to 2000, not "${raw}"`);
  return words;
}

function parseCollections(raw: readonly string[]): string[] {
  try {
    return [...new Set(raw.map(collectionName))];
  } catch (error) {
    throw usageError(`--collection: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const DURATION_UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "24h", "90m", "7d" → milliseconds. */
export function parseDuration(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const match = /^(\d{1,6})\s*([mhd])$/iu.exec(raw.trim());
  const unit = DURATION_UNITS[match?.[2]?.toLowerCase() ?? ""];
  if (!match || unit === undefined || Number(match[1]) === 0) {
    throw usageError(`--since takes a duration such as 90m, 24h or 7d, not "${raw}"`);
  }
  return Number(match[1]) * unit;
}

export function parseCommand(argv: readonly string[]): Command {
  const parse = () => parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    throw usageError(
      error instanceof Error ? error.message : String(error),
      "The options could not be read.",
    );
  }
  const { values, positionals } = parsed;
  if (values.version) return { name: "version" };
  const [verb, ...rest] = positionals;
  if (values.help || verb === undefined || verb === "help") return { name: "help" };
  const collections = parseCollections(values.collection);
  const options: QueryOptions = {
    corpus: values.corpus,
    json: values.json,
    batch: values.batch,
    limit: parseLimit(values.limit),
    passages: values.passages,
    collections,
  };
  const text = rest.length > 0 ? rest.join(" ") : undefined;
  switch (verb) {
    case "ask":
      if (text === undefined && !options.batch)
        throw usageError('ask needs a question: briefbot ask "What happened?"');
      if (options.passages) throw usageError("--passages goes with search, not ask");
      return { name: "ask", question: text, options };
    case "search":
      if (text === undefined && !options.batch)
        throw usageError('search needs a query: briefbot search "interpol"');
      return { name: "search", query: text, options };
    case "ingest":
      if (rest.length === 0) throw usageError("ingest needs at least one file, folder or URL");
      if (collections.length > 1) throw usageError("ingest takes one --collection");
      return { name: "ingest", paths: rest, json: values.json, collection: collections[0] };
    case "articles":
      return { name: "articles", corpus: values.corpus, json: values.json, collections };
    case "collections":
      if (text !== undefined) throw usageError(`collections takes options only, not "${text}"`);
      if (collections.length > 0) throw usageError("collections lists every collection: no --collection");
      return { name: "collections", corpus: values.corpus, json: values.json };
    case "summarize":
      return {
        name: "summarize",
        topic: text,
        corpus: values.corpus,
        json: values.json,
        words: parseWords(values.words),
        collections,
      };
    case "digest":
      if (text !== undefined) throw usageError(`digest takes options only, not "${text}"`);
      return {
        name: "digest",
        corpus: values.corpus,
        json: values.json,
        sinceMs: parseDuration(values.since),
        collections,
      };
    case "feeds":
      return feedsCommand(rest, values.json);
    case "extract":
      if (rest.length !== 1 || rest[0] === undefined)
        throw usageError(
          "extract needs one .html file or one URL: briefbot extract https://example.com/news/1",
        );
      return { name: "extract", target: rest[0], json: values.json };
    case "poll":
      if (text !== undefined) throw usageError(`poll takes options only, not "${text}"`);
      return { name: "poll", json: values.json };
    case "feedback":
      if (text !== undefined) throw usageError(`feedback takes options only, not "${text}"`);
      return { name: "feedback", json: values.json, sinceMs: parseDuration(values.since) };
    case "serve":
      return { name: "serve" };
    case "worker":
      return { name: "worker" };
    case "discord":
      if (rest[0] !== "register") throw usageError('Did you mean "briefbot discord register"?');
      return { name: "discord-register" };
    default:
      throw usageError(`Unknown command "${verb}"`);
  }
}

function feedsCommand(rest: readonly string[], json: boolean): Command {
  const [action, url, ...extra] = rest;
  if (action === "list" && url === undefined) return { name: "feeds-list", json };
  if ((action === "add" || action === "remove") && url !== undefined && extra.length === 0)
    return { name: action === "add" ? "feeds-add" : "feeds-remove", url, json };
  throw usageError("Use: briefbot feeds add <url>, briefbot feeds list, or briefbot feeds remove <url>");
}
