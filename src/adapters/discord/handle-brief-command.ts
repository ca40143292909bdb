import type { ScopeStore } from "../../core/channel-scope.ts";
import type { DigestSubscriptions, DiscordTarget, FeedFollowing, QuestionQueue } from "../../core/chat.ts";
import { interfaceLanguageOf } from "../../core/i18n/interface-language.ts";
import { type InterfaceLanguage, message } from "../../core/i18n/messages.ts";
import {
  type ArticleCommand,
  type ChannelArticles,
  handleArticleCommand,
  splitArticleCommand,
} from "../chat/article-command-handler.ts";
import { sendSafely } from "../chat/chat-log.ts";
import { handleDigestCommand } from "../chat/digest-command-handler.ts";
import { type FeedCommand, handleFeedCommand } from "../chat/feed-command-handler.ts";
import { enqueueQuestion, screenQuestion } from "../chat/inbound-ask.ts";
import { handleScopeCommand, splitScopeCommand } from "../chat/scope-command-handler.ts";
import { type DiscordLog, errorText } from "./log.ts";
import type { DiscordMessagePayload } from "./payload.ts";
import { renderDiscordHelp, renderDiscordNotice } from "./render-help.ts";

/** What the handler needs from a `/brief` interaction; built from discord.js in client.ts, or by hand in tests. */
export interface IncomingBriefCommand {
  id: string;
  applicationId: string;
  /** Valid for 15 minutes: the worker edits the deferred reply and posts follow-ups with it. */
  token: string;
  channelId: string | null;
  guildId: string | undefined;
  userId: string;
  question: string;
  /** The `digest:` option: a subscription command for this channel. */
  digest?: string;
  /** The `summarize:` option: a topic to summarize the matching articles of. */
  summarize?: string;
  /** The `follow:`, `unfollow:` and `add:` options (a URL, or a `feeds` number), and `feeds:True`. */
  follow?: string;
  unfollow?: string;
  add?: string;
  feeds?: boolean;
  /** The `scope:` option: `show`, `add <collection>` or `remove <collection>`. */
  scope?: string;
  /** The `articles:` option: how many of the channel's most recent articles to list. */
  articles?: number;
  /** The `forget:` option: an article number from `articles:`, a URL or an article id. */
  forget?: string;
  /** `private:True`: the answer is shown to the asker alone (an ephemeral reply). */
  private?: boolean;
  /** The member's Discord client language ("nl", "fr", "en-US"). */
  locale?: string;
  /**
   * Whether the member has Manage Channels here (the interaction's `member.permissions`, bit 0x10), which
   * following and unfollowing feeds need; true in a DM, where there is no one else.
   */
  canManageChannel?: boolean;
  /** Acknowledges the interaction ("Briefbot is thinking…"); Discord allows 3 seconds for this. */
  deferReply(options?: { ephemeral: boolean }): Promise<void>;
  /** Replaces the deferred "thinking" message. */
  editReply(payload: DiscordMessagePayload): Promise<void>;
}

export interface CommandHandlerDependencies {
  botName: string;
  questions: QuestionQueue;
  digests?: DigestSubscriptions;
  feeds?: FeedFollowing;
  /** `scope` grants; without them `scope:` is refused with a reason. */
  scopes?: ScopeStore;
  /** BRIEFBOT_SHARED (default true), for what `scope:` and `articles:` list. */
  sharedVisible?: boolean;
  /** What `articles:` lists and `forget:` forgets; without them both are refused with a reason. */
  articles?: ChannelArticles;
  now(): number;
  log: DiscordLog;
}

export type CommandOutcome =
  | "enqueued"
  | "duplicate"
  | "usage"
  | "refused"
  | "queue_failed"
  | "defer_failed"
  | "digest"
  | "feeds"
  | "scope"
  | "articles";

/** The channel the command was typed in; undefined outside one. */
function channelTarget(command: IncomingBriefCommand): DiscordTarget | undefined {
  if (command.channelId === null) return undefined;
  return {
    platform: "discord",
    channelId: command.channelId,
    ...(command.guildId ? { guildId: command.guildId } : {}),
    userId: command.userId,
  };
}

function interactionOf(command: IncomingBriefCommand): NonNullable<DiscordTarget["interaction"]> {
  return { applicationId: command.applicationId, token: command.token };
}

async function digestCommand(
  command: IncomingBriefCommand,
  words: string,
  dependencies: CommandHandlerDependencies,
): Promise<CommandOutcome> {
  const { digests, log } = dependencies;
  if (!(await deferSafely(command, log, { ephemeral: true }))) return "defer_failed";
  const channel = channelTarget(command);
  const language = interfaceLanguageOf(command.locale);
  if (!digests || !channel) {
    const reason = message(language, digests ? "digestsInChannel" : "digestsUnavailable");
    await editSafely(command, renderDiscordNotice(reason), log);
    return "refused";
  }
  const reply = await handleDigestCommand(words, {
    digests,
    subscriptionId: `discord-sub-${command.guildId ?? "dm"}-${channel.channelId}`,
    channel,
    requester: { ...channel, interaction: interactionOf(command) },
    userId: command.userId,
    jobId: `discord-int-${command.id}`,
    now: dependencies.now,
    language,
  }).catch((error: unknown) => {
    log("discord_digest_command_failed", { interactionId: command.id, error: errorText(error) });
    return message(language, "digestUnreachable");
  });
  await editSafely(command, renderDiscordNotice(reply), log);
  return "digest";
}

/** false when the interaction could not be acknowledged (it has expired): then nothing more can be said. */
async function deferSafely(
  command: IncomingBriefCommand,
  log: DiscordLog,
  options?: { ephemeral: boolean },
): Promise<boolean> {
  try {
    await command.deferReply(options);
    return true;
  } catch (error) {
    log("discord_defer_failed", { interactionId: command.id, error: errorText(error) });
    return false;
  }
}

async function editSafely(command: IncomingBriefCommand, payload: DiscordMessagePayload, log: DiscordLog) {
  await sendSafely(() => command.editReply(payload), log, "discord_edit_reply_failed", {
    interactionId: command.id,
  });
}

/** Defers first (the 3-second rule), then queues; every outcome but success edits the deferred reply. */
export async function handleBriefCommand(
  command: IncomingBriefCommand,
  dependencies: CommandHandlerDependencies,
): Promise<CommandOutcome> {
  const { log } = dependencies;
  if (command.digest !== undefined) return await digestCommand(command, command.digest, dependencies);
  const feedCommand = feedCommandOf(command);
  if (feedCommand) return await feedsCommand(command, feedCommand, dependencies);
  if (command.scope !== undefined) return await scopeCommandReply(command, command.scope, dependencies);
  const articleCommand = articleCommandOf(command);
  if (articleCommand) return await articleCommandReply(command, articleCommand, dependencies);
  const summarize = command.summarize !== undefined && command.question.trim() === "";
  const privately = command.private === true;
  if (!(await deferSafely(command, log, privately ? { ephemeral: true } : undefined))) return "defer_failed";
  const screened = await screenQuestion(summarize ? (command.summarize ?? "") : command.question, {
    help: (language) =>
      editSafely(
        command,
        renderDiscordHelp(dependencies.botName, language ?? interfaceLanguageOf(command.locale)),
        log,
      ),
    refuse: (reason) => editSafely(command, renderDiscordNotice(reason), log),
  });
  if (screened === "help") return "usage";
  if (screened === "refused") return "refused";
  const channel = channelTarget(command);
  if (!channel) {
    await editSafely(command, renderDiscordNotice("I cannot answer outside a channel."), log);
    return "refused";
  }
  return await enqueueQuestion(
    {
      jobId: `discord-int-${command.id}`,
      question: screened.question,
      target: { ...channel, interaction: interactionOf(command), ...(privately ? { private: true } : {}) },
      summarize,
      locale: command.locale,
    },
    dependencies,
    (notice) => editSafely(command, renderDiscordNotice(notice), log),
  );
}

/** What the scope and article commands share: the channel, what it sees, and who may change it (Manage Channels). */
function channelAdministration(
  command: IncomingBriefCommand,
  channel: DiscordTarget,
  dependencies: CommandHandlerDependencies,
  language: InterfaceLanguage,
) {
  return {
    channel,
    sharedVisible: dependencies.sharedVisible ?? true,
    mayChange: command.guildId === undefined || command.canManageChannel === true,
    whoMayChange: message(language, "whoDiscordManagers"),
    language,
  };
}

/** `scope:` deferred privately; changing it needs Manage Channels, like changing feeds. */
async function scopeCommandReply(
  command: IncomingBriefCommand,
  words: string,
  dependencies: CommandHandlerDependencies,
): Promise<CommandOutcome> {
  const { scopes, log } = dependencies;
  if (!(await deferSafely(command, log, { ephemeral: true }))) return "defer_failed";
  const channel = channelTarget(command);
  const text = words.trim().toLowerCase() === "show" ? "scope" : `scope ${words}`;
  const scopeCommand = splitScopeCommand(text);
  const language = interfaceLanguageOf(command.locale);
  if (!scopes || !channel || !scopeCommand) {
    const reason = message(
      language,
      !scopes ? "scopesUnavailable" : !channel ? "scopeInChannel" : "scopeDiscordUsage",
    );
    await editSafely(command, renderDiscordNotice(reason), log);
    return "refused";
  }
  const reply = await handleScopeCommand(scopeCommand, {
    scopes,
    ...channelAdministration(command, channel, dependencies, language),
  }).catch((error: unknown) => {
    log("discord_scope_command_failed", { interactionId: command.id, error: errorText(error) });
    return message(language, "scopeUnreachable");
  });
  await editSafely(command, renderDiscordNotice(reply), log);
  return "scope";
}

function articleCommandOf(command: IncomingBriefCommand): ArticleCommand | undefined {
  if (command.forget !== undefined) return splitArticleCommand(`forget ${command.forget.trim() || "?"}`);
  if (command.articles !== undefined) return { action: "list", count: command.articles };
  return undefined;
}

/** `articles:` and `forget:`, deferred privately; forgetting needs Manage Channels, like changing feeds. */
async function articleCommandReply(
  command: IncomingBriefCommand,
  articleCommand: ArticleCommand,
  dependencies: CommandHandlerDependencies,
): Promise<CommandOutcome> {
  const { articles, log } = dependencies;
  if (!(await deferSafely(command, log, { ephemeral: true }))) return "defer_failed";
  const channel = channelTarget(command);
  const language = interfaceLanguageOf(command.locale);
  if (!articles || !channel) {
    const reason = message(language, !articles ? "articlesUnavailable" : "articlesInChannel");
    await editSafely(command, renderDiscordNotice(reason), log);
    return "refused";
  }
  const reply = await handleArticleCommand(articleCommand, {
    articles,
    scopes: dependencies.scopes,
    ...channelAdministration(command, channel, dependencies, language),
  }).catch((error: unknown) => {
    log("discord_article_command_failed", { interactionId: command.id, error: errorText(error) });
    return message(language, "articlesUnreachable");
  });
  await editSafely(command, renderDiscordNotice(reply), log);
  return "articles";
}

function feedCommandOf(command: IncomingBriefCommand): FeedCommand | undefined {
  if (command.follow !== undefined) return { name: "follow", argument: command.follow.trim() };
  if (command.unfollow !== undefined) return { name: "unfollow", argument: command.unfollow.trim() };
  if (command.add !== undefined) return { name: "add", argument: command.add.trim() };
  if (command.feeds) return { name: "feeds", argument: "" };
  return undefined;
}

/** Feed commands: deferred privately, a few Redis calls, then the reply; fetching is the feed worker's. */
async function feedsCommand(
  command: IncomingBriefCommand,
  feedCommand: FeedCommand,
  dependencies: CommandHandlerDependencies,
): Promise<CommandOutcome> {
  const { feeds, log } = dependencies;
  if (!(await deferSafely(command, log, { ephemeral: true }))) return "defer_failed";
  const channel = channelTarget(command);
  const language = interfaceLanguageOf(command.locale);
  if (!feeds || !channel) {
    const reason = message(language, feeds ? "feedsInChannel" : "feedsUnavailable");
    await editSafely(command, renderDiscordNotice(reason), log);
    return "refused";
  }
  const reply = await handleFeedCommand(feedCommand, {
    feeds,
    channel,
    channelKey: `discord:${command.guildId ?? "dm"}:${channel.channelId}`,
    requester: { ...channel, interaction: interactionOf(command) },
    jobId: `discord-int-${command.id}`,
    mayChangeFeeds: command.guildId === undefined || command.canManageChannel === true,
    whoMayChange: message(language, "whoDiscordManagers"),
    now: dependencies.now,
    language,
  }).catch((error: unknown) => {
    log("discord_feed_command_failed", { interactionId: command.id, error: errorText(error) });
    return message(language, "feedsUnreachable");
  });
  await editSafely(command, renderDiscordNotice(reply), log);
  return "feeds";
}
