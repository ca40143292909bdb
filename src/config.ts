import { z } from "zod";
import { BriefingError } from "./core/errors.ts";
import { clampPollMinutes, DEFAULT_POLL_MINUTES } from "./core/feeds/poll-schedule.ts";

const optionalText = z.string().min(1).optional();
const httpUrl = (example: string) =>
  z.url({ protocol: /^https?$/, error: `must be an http(s) URL, e.g. ${example}` }).optional();

const environmentSchema = z.object({
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379" })
    .optional(),
  BRIEFBOT_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/, "use 1-40 characters a-z, 0-9, _ or -")
    .default("briefbot"),
  BRIEFBOT_SEEDS_DIR: optionalText,
  BRIEFBOT_DATA_DIR: z.string().min(1).default("./data"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  JOB_LOCK_MS: z.coerce.number().int().min(1_000).max(600_000).default(15_000),
  ENQUEUE_RETRY_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  FOLLOW_UP_IDLE_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  ARTICLE_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(365),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, "must start with xoxb- (the Bot User OAuth Token)")
    .optional(),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, "must start with xapp- (an app-level token for Socket Mode)")
    .optional(),
  SLACK_API_URL: httpUrl("https://slack.com/api/"),
  SLACK_ADMIN_USERS: z
    .string()
    .regex(
      /^\s*[A-Z0-9]+(\s*,\s*[A-Z0-9]+)*\s*,?\s*$/u,
      "must be comma-separated Slack user ids, e.g. U012AB3CD,U045EF6GH",
    )
    .optional()
    .transform((value) =>
      value
        ?.split(",")
        .map((id) => id.trim())
        .filter((id) => id !== ""),
    ),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: z
    .string()
    .regex(/^\d{5,25}$/, "must be the numeric application id")
    .optional(),
  DISCORD_GUILD_ID: z
    .string()
    .regex(/^\d{5,25}$/, "must be a numeric guild (server) id")
    .optional(),
  DISCORD_API_URL: httpUrl("https://discord.com/api"),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: httpUrl("http://127.0.0.1:11434/v1"),
  OPENAI_MODEL: optionalText,
  OPENAI_EMBEDDING_MODEL: optionalText,
  OPENAI_EMBEDDING_BASE_URL: httpUrl("http://127.0.0.1:11434/v1"),
  OPENAI_EMBEDDING_API_KEY: optionalText,
  LLM_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  LLM_PASSAGE_TOKENS: z.coerce.number().int().min(200).max(200_000).default(3_000),
  LLM_MAX_OUTPUT_TOKENS: z.coerce.number().int().min(100).max(32_000).default(1_000),
  LLM_DAILY_TOKENS: z.coerce.number().int().min(0).default(2_000_000),
  LLM_ATTEMPTS: z.coerce.number().int().min(1).max(6).default(3),
  LLM_JSON_MODE: z
    .enum(["auto", "json_schema", "json_object", "text"], {
      error: "must be auto, json_schema, json_object or text",
    })
    .default("auto"),
  LLM_TEMPERATURE: z.coerce.number().min(0).max(2).optional(),
  LLM_STREAM: z
    .enum(["true", "false", "1", "0"], { error: "must be true or false" })
    .default("true")
    .transform((value) => value === "true" || value === "1"),
  EMBEDDING_BATCH_SIZE: z.coerce.number().int().min(1).max(2_048).default(64),
  BRIEFBOT_SHARED: z
    .enum(["true", "false", "1", "0"], { error: "must be true or false" })
    .default("true")
    .transform((value) => value === "true" || value === "1"),
  FEED_POLL_MINUTES: z.coerce.number().int().default(DEFAULT_POLL_MINUTES).transform(clampPollMinutes),
  FETCH_ALLOWED_PRIVATE_HOSTS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ""),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^(\[[0-9A-Fa-f:.]+\]|[^\s:/?#@[\]\\]+)(:\d{1,5})?$/u,
            "must be a comma-separated list of host or host:port entries (IPv6 in brackets), e.g. feeds.intranet,127.0.0.1:8080",
          ),
      ),
    ),
  FETCH_CONTACT: z
    .string()
    .regex(/^[\x20-\x7e]{1,200}$/u, "must be printable ASCII, e.g. an e-mail address or URL")
    .optional(),
  HTTP_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  HTTP_HOST: z.string().min(1).default("127.0.0.1"),
  ADMIN_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(8_000),
  LOG_LEVEL: z
    .enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"], {
      error: "must be trace, debug, info, warn, error, fatal or silent",
    })
    .default("info"),
  LOG_QUESTIONS: z
    .enum(["true", "false", "1", "0"], { error: "must be true or false" })
    .default("false")
    .transform((value) => value === "true" || value === "1"),
});

type EnvironmentValues = z.infer<typeof environmentSchema>;

export interface SlackConfig {
  botToken: string;
  signingSecret: string | undefined;
  appToken: string | undefined;
  apiUrl: string | undefined;
  port: number;
  /** SLACK_ADMIN_USERS: who may follow and unfollow feeds; undefined lets anyone. */
  adminUsers: string[] | undefined;
}

export interface DiscordConfig {
  token: string;
  applicationId: string | undefined;
  guildId: string | undefined;
  apiUrl: string | undefined;
}

/** An OpenAI-compatible server: OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp server, LM Studio… */
export interface ModelServerConfig {
  /** Local servers often need none; a placeholder is sent then. */
  apiKey: string | undefined;
  baseUrl: string | undefined;
  timeoutMs: number;
}

/** How the reply's JSON is asked for: "auto" tries a JSON schema and falls back to JSON text if refused. */
export type JsonMode = "auto" | "json_schema" | "json_object" | "text";

export interface LlmConfig extends ModelServerConfig {
  model: string;
  /** Passages given to the model are cut to about this many tokens. */
  passageTokenBudget: number;
  maxOutputTokens: number;
  /** Tokens per day (UTC) across all workers; 0 means no limit. Spent: extractive answers with a note. */
  dailyTokenBudget: number;
  /** Attempts of a job that end in a model failure before the extractive answer is posted instead. */
  attempts: number;
  jsonMode: JsonMode;
  /** Stream the reply and show progress in the chat message while it is written. */
  stream: boolean;
  /** Sent only when set: some models (reasoning ones) accept no temperature but their default. */
  temperature: number | undefined;
}

export interface EmbeddingConfig extends ModelServerConfig {
  model: string;
  /** Texts per embeddings request. */
  batchSize: number;
}

export interface Config {
  redis: { url: string; namespace: string } | undefined;
  namespace: string;
  seedsDirectory: string | undefined;
  dataDirectory: string;
  worker: { concurrency: number; lockDurationMs: number };
  /** How long a chat adapter retries a question it acknowledged while the queue is unreachable (ENQUEUE_RETRY_MS). */
  enqueueRetryMs: number;
  /** How long after a thread's last question its untagged replies are follow-ups (FOLLOW_UP_IDLE_MINUTES; 0: never). */
  followUpIdleMinutes: number;
  /** Articles stored more than `days` days ago leave the store and every index; 0 keeps all. */
  retention: { days: number };
  slack: SlackConfig | undefined;
  discord: DiscordConfig | undefined;
  /** Set when OPENAI_MODEL is, with OPENAI_API_KEY or OPENAI_BASE_URL: answers written by the model. */
  llm: LlmConfig | undefined;
  /** Set when OPENAI_EMBEDDING_MODEL is, with OPENAI_API_KEY or OPENAI_BASE_URL: hybrid retrieval. */
  embeddings: EmbeddingConfig | undefined;
  fetch: FetchConfig;
  /** How often each followed feed is polled (FEED_POLL_MINUTES, 5 to 1440). */
  feeds: { pollMinutes: number };
  /** BRIEFBOT_SHARED: whether chat channels see the `shared` collection (default true). */
  sharedVisible: boolean;
  /** The operations endpoints (/healthz, /readyz, /metrics) and shutdown of `serve` and `worker`. */
  ops: OpsConfig;
  /** Structured logs of `serve` and `worker`. */
  log: LogConfig;
}

export type LogLevel = "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";

export interface LogConfig {
  level: LogLevel;
  /** LOG_QUESTIONS: log the question text; otherwise only its hash. */
  questions: boolean;
}

export interface OpsConfig {
  /** HTTP_PORT when set; otherwise `serve` uses PORT and a worker 9464 (see `opsPort`). */
  httpPort: number | undefined;
  /** PORT: `serve`'s default for the operations endpoints (and Slack's HTTP receiver). */
  servePort: number;
  httpHost: string;
  /** ADMIN_TOKEN: the bearer token of /admin/queues; without it the dashboard is refused. */
  adminToken: string | undefined;
  /** SIGTERM: in-flight jobs get this long to finish before they are handed back to the queue. */
  shutdownGraceMs: number;
}

/** A worker's default operations port when HTTP_PORT is not set (Prometheus exporters' customary range). */
export const DEFAULT_WORKER_HTTP_PORT = 9464;

/** Where the operations endpoints listen for `serve` or a `worker`. */
export function opsPort(ops: OpsConfig, role: "serve" | "worker"): number {
  return ops.httpPort ?? (role === "serve" ? ops.servePort : DEFAULT_WORKER_HTTP_PORT);
}

/** Every configured secret: no log line may contain one. */
export function configuredSecrets(config: Config): string[] {
  return [
    config.slack?.botToken,
    config.slack?.signingSecret,
    config.slack?.appToken,
    config.discord?.token,
    config.llm?.apiKey,
    config.embeddings?.apiKey,
    config.ops.adminToken,
  ].filter((secret): secret is string => secret !== undefined && secret !== "");
}

/** How publishers' pages and feeds are fetched. */
export interface FetchConfig {
  /** `host` or `host:port` entries fetched although their address is private; nothing else private is. */
  allowedPrivateHosts: string[];
  /** Added to the User-Agent, so publishers can reach the operator. */
  contact: string | undefined;
}

function blankToUndefined(environment: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const cleaned: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(environment))
    cleaned[key] = value?.trim() ? value.trim() : undefined;
  return cleaned;
}

function slackConfig(values: EnvironmentValues): SlackConfig | undefined {
  if (!values.SLACK_BOT_TOKEN) return undefined;
  if (!values.SLACK_SIGNING_SECRET && !values.SLACK_APP_TOKEN) {
    throw new BriefingError(
      "CONFIG_INVALID",
      "Invalid configuration: SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is",
      { userText: true },
    );
  }
  return {
    botToken: values.SLACK_BOT_TOKEN,
    signingSecret: values.SLACK_SIGNING_SECRET,
    appToken: values.SLACK_APP_TOKEN,
    apiUrl: values.SLACK_API_URL,
    port: values.PORT,
    adminUsers: values.SLACK_ADMIN_USERS,
  };
}

function modelServer(
  variable: string,
  apiKey: string | undefined,
  baseUrl: string | undefined,
  timeoutMs: number,
): ModelServerConfig {
  if (!apiKey && !baseUrl) {
    throw new BriefingError(
      "CONFIG_INVALID",
      `Invalid configuration: ${variable} is set but neither OPENAI_API_KEY (OpenAI) nor OPENAI_BASE_URL (any OpenAI-compatible server) is`,
      { userText: true },
    );
  }
  return { apiKey, baseUrl, timeoutMs };
}

function llmConfig(values: EnvironmentValues): LlmConfig | undefined {
  if (!values.OPENAI_MODEL) return undefined;
  return {
    ...modelServer("OPENAI_MODEL", values.OPENAI_API_KEY, values.OPENAI_BASE_URL, values.LLM_TIMEOUT_MS),
    model: values.OPENAI_MODEL,
    passageTokenBudget: values.LLM_PASSAGE_TOKENS,
    maxOutputTokens: values.LLM_MAX_OUTPUT_TOKENS,
    dailyTokenBudget: values.LLM_DAILY_TOKENS,
    attempts: values.LLM_ATTEMPTS,
    jsonMode: values.LLM_JSON_MODE,
    stream: values.LLM_STREAM,
    temperature: values.LLM_TEMPERATURE,
  };
}

function embeddingConfig(values: EnvironmentValues): EmbeddingConfig | undefined {
  if (!values.OPENAI_EMBEDDING_MODEL) return undefined;
  return {
    ...modelServer(
      "OPENAI_EMBEDDING_MODEL",
      values.OPENAI_EMBEDDING_API_KEY ?? values.OPENAI_API_KEY,
      values.OPENAI_EMBEDDING_BASE_URL ?? values.OPENAI_BASE_URL,
      values.LLM_TIMEOUT_MS,
    ),
    model: values.OPENAI_EMBEDDING_MODEL,
    batchSize: values.EMBEDDING_BATCH_SIZE,
  };
}

/** The only reader of the environment: validates it once and names every bad value. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(blankToUndefined(environment));
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join(".")} ${issue.message}`)
      .join("; ");
    throw new BriefingError("CONFIG_INVALID", `Invalid configuration: ${problems}`, { userText: true });
  }
  const values = parsed.data;
  return {
    redis: values.REDIS_URL ? { url: values.REDIS_URL, namespace: values.BRIEFBOT_NAMESPACE } : undefined,
    namespace: values.BRIEFBOT_NAMESPACE,
    seedsDirectory: values.BRIEFBOT_SEEDS_DIR,
    dataDirectory: values.BRIEFBOT_DATA_DIR,
    worker: { concurrency: values.WORKER_CONCURRENCY, lockDurationMs: values.JOB_LOCK_MS },
    enqueueRetryMs: values.ENQUEUE_RETRY_MS,
    followUpIdleMinutes: values.FOLLOW_UP_IDLE_MINUTES,
    retention: { days: values.ARTICLE_RETENTION_DAYS },
    slack: slackConfig(values),
    discord: values.DISCORD_TOKEN
      ? {
          token: values.DISCORD_TOKEN,
          applicationId: values.DISCORD_APPLICATION_ID,
          guildId: values.DISCORD_GUILD_ID,
          apiUrl: values.DISCORD_API_URL,
        }
      : undefined,
    llm: llmConfig(values),
    embeddings: embeddingConfig(values),
    feeds: { pollMinutes: values.FEED_POLL_MINUTES },
    sharedVisible: values.BRIEFBOT_SHARED,
    fetch: { allowedPrivateHosts: values.FETCH_ALLOWED_PRIVATE_HOSTS, contact: values.FETCH_CONTACT },
    ops: {
      httpPort: values.HTTP_PORT,
      servePort: values.PORT,
      httpHost: values.HTTP_HOST,
      adminToken: values.ADMIN_TOKEN,
      shutdownGraceMs: values.SHUTDOWN_GRACE_MS,
    },
    log: { level: values.LOG_LEVEL, questions: values.LOG_QUESTIONS },
  };
}
