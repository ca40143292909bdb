/** What the command line and the services both build: the seeds, the file loader, the web, the models, the feed stores. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Redis } from "ioredis";
import { loadPaths } from "../adapters/files/load-paths.ts";
import type { Config } from "../config.ts";
import type { Replier } from "../core/chat.ts";
import type { Log } from "../core/log.ts";
import type { DocumentLoader, TokenBudget } from "../core/ports.ts";
import type { WebFetcher } from "../core/web.ts";
import type { ModelParts } from "../flows/model/model-answering.ts";
import type { BullFeedScheduler } from "../queue/feed-poller.ts";
import { RedisFeedStore } from "../store/redis-feed-store.ts";

export const BUNDLED_SEEDS = fileURLToPath(new URL("../../seeds", import.meta.url));

export const files: DocumentLoader = {
  load: (paths, onProgress) => loadPaths([...paths], onProgress ? { onProgress } : {}),
};

export const BRIEFBOT_VERSION = String(
  (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown })
    .version,
);

/** The one way to the web (undici, loaded only when a command fetches), with the configured address rules. */
export async function webFetcher(config: Config): Promise<WebFetcher & { close(): Promise<void> }> {
  const { UndiciFetcher } = await import("../adapters/web/fetcher.ts");
  return new UndiciFetcher({
    version: BRIEFBOT_VERSION,
    contact: config.fetch.contact,
    allowedPrivateHosts: config.fetch.allowedPrivateHosts,
  });
}

/**
 * The model and embedder the configuration asks for. With neither configured nothing is loaded: the openai
 * package is imported only when it will be used, and no client is created.
 */
export async function modelParts(
  config: Config,
  budgetFor: (dailyTokens: number) => TokenBudget | undefined,
): Promise<ModelParts> {
  if (!config.llm && !config.embeddings) return { embedder: undefined, modelAnswering: undefined };
  const { createEmbedder, createLanguageModel } = await import("../llm/index.ts");
  const { loadPromptTemplates } = await import("../adapters/files/prompt-templates.ts");
  const llm = config.llm;
  return {
    embedder: config.embeddings ? createEmbedder(config.embeddings) : undefined,
    modelAnswering: llm
      ? {
          model: createLanguageModel(llm),
          templates: loadPromptTemplates(),
          passageTokenBudget: llm.passageTokenBudget,
          maxOutputTokens: llm.maxOutputTokens,
          attempts: llm.attempts,
          budget: budgetFor(llm.dailyTokenBudget),
        }
      : undefined,
  };
}

export async function feedsOver(
  config: Config,
  connection: Redis,
): Promise<{ feeds: RedisFeedStore; scheduler: BullFeedScheduler }> {
  const { BullFeedScheduler } = await import("../queue/feed-poller.ts");
  const feeds = new RedisFeedStore(connection, config.namespace);
  const scheduler = new BullFeedScheduler({
    connection,
    namespace: config.namespace,
    pollMinutes: config.feeds.pollMinutes,
    feeds,
  });
  return { feeds, scheduler };
}

/** The configured platforms' repliers (Slack Web API, Discord REST), loaded only when configured. */
export async function repliersFor(config: Config, log: Log): Promise<Partial<Record<string, Replier>>> {
  const repliers: Partial<Record<string, Replier>> = {};
  if (config.slack) {
    const { SlackReplier } = await import("../adapters/slack/index.ts");
    repliers.slack = new SlackReplier({
      token: config.slack.botToken,
      ...(config.slack.apiUrl ? { apiUrl: config.slack.apiUrl } : {}),
      log,
    });
  }
  if (config.discord) {
    const { DiscordReplier } = await import("../adapters/discord/index.ts");
    repliers.discord = new DiscordReplier({
      token: config.discord.token,
      ...(config.discord.apiUrl ? { apiUrl: config.discord.apiUrl } : {}),
      log,
    });
  }
  return repliers;
}
