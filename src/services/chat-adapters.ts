/** `serve`'s chat side: the Slack app and the Discord client putting questions on the queue. */

import type { Redis } from "ioredis";
import { OutboxQuestionQueue } from "../adapters/chat/question-outbox.ts";
import { opsCustomRoutes } from "../adapters/ops/http-endpoints.ts";
import type { Config } from "../config.ts";
import { visibleCollections } from "../core/channel-scope.ts";
import type { FeedFollowing, ReplyTarget } from "../core/chat.ts";
import type { Log } from "../core/log.ts";
import { FIRST_DIGEST_LOOKBACK_MS } from "../flows/digest/digest-job.ts";
import { RedisArticleListings } from "../store/redis-article-listings.ts";
import { whenReady } from "../store/redis-connections.ts";
import { RedisConversationMemory } from "../store/redis-conversation-memory.ts";
import { RedisFeedbackStore } from "../store/redis-feedback-store.ts";
import { RedisForgottenArticles } from "../store/redis-forgotten-articles.ts";
import { RedisScopeStore } from "../store/redis-scope-store.ts";
import { RedisSubscriptionStore } from "../store/redis-subscription-store.ts";
import type { Operations } from "./operations.ts";
import { feedsOver } from "./parts.ts";
import type { Stops } from "./stops.ts";
import type { Workers } from "./workers.ts";

/** The adapters' side of feeds: follow and add queued for the feed worker; listing and unfollowing at once. */
async function feedFollowing(config: Config, producer: Redis, stops: Stops): Promise<FeedFollowing> {
  const { BullFeedFollowing } = await import("../queue/feed-following.ts");
  const { feeds, scheduler } = await feedsOver(config, producer);
  const following = new BullFeedFollowing({
    connection: producer,
    namespace: config.namespace,
    feeds,
    scheduler,
  });
  stops.add(async () => {
    await following.close();
    await scheduler.close();
  });
  return following;
}

export async function startAdapters(
  config: Config,
  workers: Workers,
  log: Log,
  stops: Stops,
  operations: Operations,
): Promise<void> {
  if (!config.slack && !config.discord) {
    log("no_chat_platform", {
      hint: "set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN), or DISCORD_TOKEN; see README",
    });
    return;
  }
  const { BullQuestionQueue } = await import("../queue/bull-question-queue.ts");
  const { BullDigestSubscriptions } = await import("../queue/bull-digest-subscriptions.ts");
  const producer = stops.connection(workers.redisUrl, "producer");
  const queue = new BullQuestionQueue(producer, config.namespace);
  stops.add(() => queue.close());
  const questions = new OutboxQuestionQueue(queue, { retryMs: config.enqueueRetryMs, log });
  stops.add(() => questions.close());
  const memory = new RedisConversationMemory(producer, config.namespace);
  const digests = new BullDigestSubscriptions({
    connection: producer,
    namespace: config.namespace,
    subscriptions: new RedisSubscriptionStore(producer, config.namespace),
    initialCursor: () => workers.store.sequenceBefore(Date.now() - FIRST_DIGEST_LOOKBACK_MS),
  });
  stops.add(() => digests.close());
  await whenReady(producer);
  log("digest_schedulers_ready", { subscriptions: await digests.reconcile() });
  const feeds = await feedFollowing(config, producer, stops);
  const feedback = new RedisFeedbackStore(producer, config.namespace);
  const scopes = new RedisScopeStore(producer, config.namespace);
  /** What "Searching N articles…" counts: the articles the asker's channel sees (all of them without a target). */
  const articleCount = async (target?: ReplyTarget) =>
    target === undefined
      ? workers.library.articleCount
      : workers.library.summary(await visibleCollections(target, scopes, config.sharedVisible)).articleCount;
  const articles = {
    store: workers.store,
    forgotten: new RedisForgottenArticles(producer, config.namespace),
    listings: new RedisArticleListings(producer, config.namespace),
  };
  if (config.slack) {
    const slack = config.slack;
    const { createSlackApp } = await import("../adapters/slack/index.ts");
    const app = createSlackApp({
      botToken: slack.botToken,
      ...(slack.signingSecret ? { signingSecret: slack.signingSecret } : {}),
      ...(slack.appToken ? { appToken: slack.appToken } : {}),
      ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
      port: slack.port,
      ...(operations.sharedWithSlack ? { customRoutes: opsCustomRoutes(operations.handler) } : {}),
      questions,
      memory,
      digests,
      feeds,
      feedback,
      ...(slack.adminUsers ? { adminUsers: slack.adminUsers } : {}),
      scopes,
      sharedVisible: config.sharedVisible,
      articles,
      followUpIdleMs: config.followUpIdleMinutes * 60_000,
      articleCount,
      log,
    });
    const { port } = await app.start();
    stops.add(() => app.stop(), "adapters");
    log(
      "slack_listening",
      app.mode === "http" ? { mode: "http", port, path: "/slack/events" } : { mode: "socket" },
    );
    if (operations.sharedWithSlack && port !== undefined) {
      // Bolt's receiver listens on every interface.
      operations.address = { host: "0.0.0.0", port, server: "slack" };
      log("ops_listening", { ...operations.address });
    }
    log("adapter_started", { platform: "slack" });
  }
  if (config.discord) {
    const discord = config.discord;
    const { connectDiscordClient, createDiscordClient } = await import("../adapters/discord/index.ts");
    const client = createDiscordClient({
      token: discord.token,
      ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}),
      questions,
      digests,
      feeds,
      scopes,
      sharedVisible: config.sharedVisible,
      articles,
      feedback,
      memory,
      followUpIdleMs: config.followUpIdleMinutes * 60_000,
      log,
    });
    stops.add(async () => void (await client.destroy()), "adapters");
    await connectDiscordClient(client);
    log("discord_connected", { user: client.user?.tag });
    log("adapter_started", { platform: "discord" });
  }
}
