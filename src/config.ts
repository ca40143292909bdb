import { z } from "zod";
import { BriefingError } from "./core/errors.ts";

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
  JOB_LOCK_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
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
});

export interface SlackConfig {
  botToken: string;
  signingSecret: string | undefined;
  appToken: string | undefined;
  apiUrl: string | undefined;
  port: number;
}

export interface DiscordConfig {
  token: string;
  applicationId: string | undefined;
  guildId: string | undefined;
  apiUrl: string | undefined;
}

export interface Config {
  redis: { url: string; namespace: string } | undefined;
  namespace: string;
  seedsDirectory: string | undefined;
  dataDirectory: string;
  worker: { concurrency: number; lockDurationMs: number };
  slack: SlackConfig | undefined;
  discord: DiscordConfig | undefined;
}

function blankToUndefined(environment: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const cleaned: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(environment))
    cleaned[key] = value?.trim() ? value.trim() : undefined;
  return cleaned;
}

function slackConfig(values: z.infer<typeof environmentSchema>): SlackConfig | undefined {
  if (!values.SLACK_BOT_TOKEN) return undefined;
  if (!values.SLACK_SIGNING_SECRET && !values.SLACK_APP_TOKEN) {
    throw new BriefingError(
      "CONFIG_INVALID",
      "Invalid configuration: SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is",
    );
  }
  return {
    botToken: values.SLACK_BOT_TOKEN,
    signingSecret: values.SLACK_SIGNING_SECRET,
    appToken: values.SLACK_APP_TOKEN,
    apiUrl: values.SLACK_API_URL,
    port: values.PORT,
  };
}

/** The only reader of the environment: validates it once and names every bad value. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(blankToUndefined(environment));
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join(".")} ${issue.message}`)
      .join("; ");
    throw new BriefingError("CONFIG_INVALID", `Invalid configuration: ${problems}`);
  }
  const values = parsed.data;
  return {
    redis: values.REDIS_URL ? { url: values.REDIS_URL, namespace: values.BRIEFBOT_NAMESPACE } : undefined,
    namespace: values.BRIEFBOT_NAMESPACE,
    seedsDirectory: values.BRIEFBOT_SEEDS_DIR,
    dataDirectory: values.BRIEFBOT_DATA_DIR,
    worker: { concurrency: values.WORKER_CONCURRENCY, lockDurationMs: values.JOB_LOCK_MS },
    slack: slackConfig(values),
    discord: values.DISCORD_TOKEN
      ? {
          token: values.DISCORD_TOKEN,
          applicationId: values.DISCORD_APPLICATION_ID,
          guildId: values.DISCORD_GUILD_ID,
          apiUrl: values.DISCORD_API_URL,
        }
      : undefined,
  };
}
