import type { ScopeStore } from "../../core/channel-scope.ts";
import type { DigestSubscriptions, FeedFollowing, QuestionQueue, SlackTarget } from "../../core/chat.ts";
import { interfaceLanguage } from "../../core/i18n/interface-language.ts";
import { type InterfaceLanguage, message } from "../../core/i18n/messages.ts";
import { valueWithin } from "../../core/within.ts";
import {
  type ArticleCommand,
  type ChannelArticles,
  handleArticleCommand,
  splitArticleCommand,
} from "../chat/article-command-handler.ts";
import { sendSafely } from "../chat/chat-log.ts";
import { handleDigestCommand, splitSubcommand } from "../chat/digest-command-handler.ts";
import { type FeedCommand, handleFeedCommand, splitFeedCommand } from "../chat/feed-command-handler.ts";
import { enqueueQuestion, screenQuestion } from "../chat/inbound-ask.ts";
import { handleScopeCommand, type ScopeCommand, splitScopeCommand } from "../chat/scope-command-handler.ts";
import type { SlackBlock } from "./blocks.ts";
import { plainTextFromSlack } from "./incoming-text.ts";
import { slackJobId } from "./job-ids.ts";
import { errorText, type SlackLog } from "./log.ts";
import { renderSlackText } from "./render-answer.ts";
import { renderSlackHelp, renderSlackSearching } from "./render-help.ts";

/** A reply only the person who typed the command sees. */
export interface EphemeralReply {
  text: string;
  blocks?: SlackBlock[];
}

/** What the handler needs from a slash command; built from Bolt's arguments in create-slack-app.ts, or by hand. */
export interface IncomingSlashCommand {
  triggerId: string;
  teamId: string | undefined;
  channelId: string;
  userId: string;
  /** The text after the command, as Slack sends it (entities escaped). */
  text: string;
  responseUrl: string | undefined;
  /** Answers Slack's HTTP request; Slack shows "operation_timeout" when this takes over 3 seconds. */
  ack(reply: EphemeralReply): Promise<void>;
  /** Posts another ephemeral message through the command's response_url. */
  respond(reply: EphemeralReply): Promise<void>;
  /** The user's language by their Slack locale, for replies to commands (no question to tell it by). */
  language?(): Promise<InterfaceLanguage>;
}

export interface SlashCommandDependencies {
  questions: QuestionQueue;
  /** The number of articles to mention in the acknowledgement; may be slow or fail, the ack does not wait long. */
  /** The articles the target's channel sees (all of them without a target). */
  articleCount(target?: SlackTarget): number | Promise<number>;
  now(): number;
  log: SlackLog;
  command?: string;
  /** Digest subscriptions; without them `digest …` is refused with a reason. */
  digests?: DigestSubscriptions;
  /** Followed feeds; without them `follow`, `unfollow`, `feeds` and `add` are refused with a reason. */
  feeds?: FeedFollowing;
  /** SLACK_ADMIN_USERS: who may follow and unfollow feeds; anyone when absent. */
  adminUsers?: readonly string[];
  /** `scope` grants; without them `scope …` is refused with a reason. */
  scopes?: ScopeStore;
  /** BRIEFBOT_SHARED (default true), for what `scope` and `articles` list. */
  sharedVisible?: boolean;
  /** The articles `articles` lists and `forget` forgets; without them both are refused with a reason. */
  articles?: ChannelArticles;
}

export type SlashCommandOutcome =
  | "enqueued"
  | "duplicate"
  | "help"
  | "refused"
  | "queue_failed"
  | "digest"
  | "feeds"
  | "scope"
  | "articles";

/** Past this, a digest or feed command's reply goes through the response_url instead of the 3-second ack. */
const COMMAND_ACK_WAIT_MS = 2_000;

/** How long the acknowledgement waits for the article count before saying "the articles" instead. */
const COUNT_WAIT_MS = 250;

async function countWithin(articleCount: () => number | Promise<number>, log: SlackLog) {
  try {
    const count = articleCount();
    return typeof count === "number" ? count : await valueWithin(count, COUNT_WAIT_MS);
  } catch (error) {
    log("slack_article_count_failed", { error: errorText(error) });
    return undefined;
  }
}

function ephemeral(text: string): EphemeralReply {
  return renderSlackText(text);
}

/** Acknowledges first (Slack's 3-second rule), then queues; a queue failure is told to the user, never hidden. */
export async function handleSlashCommand(
  command: IncomingSlashCommand,
  dependencies: SlashCommandDependencies,
): Promise<SlashCommandOutcome> {
  const { log } = dependencies;
  const privately = PRIVATE.exec(plainTextFromSlack(command.text));
  if (privately) return await privateQuestion(command, privately[1] ?? "", dependencies);
  const text = plainTextFromSlack(command.text);
  const feedCommand = splitFeedCommand(plainTextFromSlack(linkTargets(command.text)));
  if (feedCommand) return await feedsCommand(command, feedCommand, dependencies);
  const scopeCommand = splitScopeCommand(text);
  if (scopeCommand) return await scopeCommandReply(command, scopeCommand, dependencies);
  const articleCommand = splitArticleCommand(plainTextFromSlack(linkTargets(command.text)));
  if (articleCommand) return await articleCommandReply(command, articleCommand, dependencies);
  const subcommand = splitSubcommand(text);
  if (subcommand?.name === "digest") return await digestCommand(command, subcommand.rest, dependencies);
  const summarize = subcommand?.name === "summarize";
  const screened = await screenQuestion(
    summarize ? subcommand.rest : text,
    {
      help: (language) => command.ack(renderSlackHelp(dependencies.command, language)),
      refuse: (reason) => command.ack(ephemeral(reason)),
    },
    { helpWords: true },
  );
  if (typeof screened === "string") return screened;
  const speaking = interfaceLanguage(screened.question);
  const count = await countWithin(() => dependencies.articleCount(askerTarget(command)), log);
  await command.ack({ text: renderSlackSearching(count, speaking, summarize) });

  const jobId = slackJobId("slack-cmd", command.triggerId);
  return await enqueueQuestion(
    {
      jobId,
      question: screened.question,
      target: askerTarget(command),
      summarize,
    },
    dependencies,
    (notice) => sendSafely(() => command.respond(ephemeral(notice)), log, "slack_respond_failed", { jobId }),
  );
}

/** `/brief private <question>`: answered to the asker alone. */
const PRIVATE = /^\s*private\b\s*([\s\S]*)$/iu;

/** A question answered to the asker alone, through the command's response_url (ephemeral), never the channel. */
async function privateQuestion(
  command: IncomingSlashCommand,
  question: string,
  dependencies: SlashCommandDependencies,
): Promise<SlashCommandOutcome> {
  const { log } = dependencies;
  if (!command.responseUrl) {
    await command.ack(ephemeral("A private answer needs the command's response URL, and Slack sent none."));
    return "refused";
  }
  const screened = await screenQuestion(question, {
    help: (language) => command.ack(renderSlackHelp(dependencies.command, language)),
    refuse: (reason) => command.ack(ephemeral(reason)),
  });
  if (typeof screened === "string") return screened;
  const count = await countWithin(() => dependencies.articleCount(askerTarget(command)), log);
  await command.ack({ text: renderSlackSearching(count, interfaceLanguage(screened.question)) });
  const jobId = slackJobId("slack-cmd", command.triggerId);
  return await enqueueQuestion(
    { jobId, question: screened.question, target: { ...askerTarget(command), private: true } },
    dependencies,
    (notice) => sendSafely(() => command.respond(ephemeral(notice)), log, "slack_respond_failed", { jobId }),
  );
}

function channelTarget(command: IncomingSlashCommand): SlackTarget {
  return {
    platform: "slack",
    ...(command.teamId ? { teamId: command.teamId } : {}),
    channelId: command.channelId,
    userId: command.userId,
  };
}

/** The channel, with the command's response_url: for when the bot is not a member, and for private replies. */
function askerTarget(command: IncomingSlashCommand): SlackTarget {
  return {
    ...channelTarget(command),
    ...(command.responseUrl ? { responseUrl: command.responseUrl } : {}),
  };
}

/** A command's reply in the user's language (English when Slack does not say it), within the ack's time. */
async function replyInLanguage(
  command: IncomingSlashCommand,
  log: SlackLog,
  reply: (language: InterfaceLanguage) => Promise<string>,
): Promise<void> {
  let known: InterfaceLanguage | undefined;
  const language = (command.language?.() ?? Promise.resolve<InterfaceLanguage>("en")).catch(
    () => "en" as const,
  );
  const said = language.then(async (spoken) => {
    known = spoken;
    return await reply(spoken);
  });
  await replyInTime(command, said, log, () => known ?? "en");
}

/** `digest …`: done at once (a few Redis calls); the reply is the ack, or a response_url message when slow. */
async function digestCommand(
  command: IncomingSlashCommand,
  words: string,
  dependencies: SlashCommandDependencies,
): Promise<SlashCommandOutcome> {
  const { digests, log } = dependencies;
  const channel = channelTarget(command);
  await replyInLanguage(command, log, async (language) => {
    if (!digests) return message(language, "digestsUnavailable");
    return await handleDigestCommand(words, {
      digests,
      subscriptionId: slackJobId("slack-sub", `${command.teamId ?? "T"}-${command.channelId}`),
      channel,
      requester: askerTarget(command),
      userId: command.userId,
      jobId: slackJobId("slack-cmd", command.triggerId),
      now: dependencies.now,
      language,
    }).catch((error: unknown) => {
      log("slack_digest_command_failed", { error: errorText(error) });
      return message(language, "digestUnreachable");
    });
  });
  return digests ? "digest" : "refused";
}

/** The reply as the ack when it comes within the ack's time; else "Working on it…" and the reply later. */
async function replyInTime(
  command: IncomingSlashCommand,
  reply: Promise<string>,
  log: SlackLog,
  language: () => InterfaceLanguage = () => "en",
): Promise<void> {
  const quick = await valueWithin(reply, COMMAND_ACK_WAIT_MS);
  if (quick !== undefined) {
    await command.ack(ephemeral(quick));
    return;
  }
  await command.ack(ephemeral(message(language(), "workingOnIt")));
  const said = await reply;
  await sendSafely(() => command.respond(ephemeral(said)), log, "slack_respond_failed", {});
}

/** What the scope and article commands share: the channel, what it sees, and who may change it (SLACK_ADMIN_USERS). */
function channelAdministration(
  command: IncomingSlashCommand,
  dependencies: SlashCommandDependencies,
  language: InterfaceLanguage,
) {
  const { adminUsers } = dependencies;
  return {
    channel: channelTarget(command),
    sharedVisible: dependencies.sharedVisible ?? true,
    mayChange: adminUsers === undefined || adminUsers.includes(command.userId),
    whoMayChange: message(language, "whoSlackAdmins"),
    language,
  };
}

/** `scope …`: a Redis call or two; changing it is gated like changing feeds (SLACK_ADMIN_USERS). */
async function scopeCommandReply(
  command: IncomingSlashCommand,
  scopeCommand: ScopeCommand,
  dependencies: SlashCommandDependencies,
): Promise<SlashCommandOutcome> {
  const { scopes, log } = dependencies;
  await replyInLanguage(command, log, async (language) => {
    if (!scopes) return message(language, "scopesUnavailable");
    return await handleScopeCommand(scopeCommand, {
      scopes,
      ...channelAdministration(command, dependencies, language),
    }).catch((error: unknown) => {
      log("slack_scope_command_failed", { error: errorText(error) });
      return message(language, "scopeUnreachable");
    });
  });
  return scopes ? "scope" : "refused";
}

/** `articles [n]` and `forget …`: a store read or a few writes; forgetting is gated like changing feeds. */
async function articleCommandReply(
  command: IncomingSlashCommand,
  articleCommand: ArticleCommand,
  dependencies: SlashCommandDependencies,
): Promise<SlashCommandOutcome> {
  const { articles, log } = dependencies;
  await replyInLanguage(command, log, async (language) => {
    if (!articles) return message(language, "articlesUnavailable");
    return await handleArticleCommand(articleCommand, {
      articles,
      scopes: dependencies.scopes,
      ...channelAdministration(command, dependencies, language),
    }).catch((error: unknown) => {
      log("slack_article_command_failed", { error: errorText(error) });
      return message(language, "articlesUnreachable");
    });
  });
  return articles ? "articles" : "refused";
}

/** Slack links as their targets (`<https://x.example/feed|x.example/feed>` → the URL), not their labels. */
function linkTargets(text: string): string {
  return text.replace(/<(https?:\/\/[^|>\s]+)(?:\|[^>]*)?>/gu, "$1");
}

/**
 * `follow`, `unfollow`, `feeds`, `add`: a few Redis calls at once (the reply is the ack, or a response_url
 * message when slow); fetching is the feed worker's, which answers through the response_url.
 */
async function feedsCommand(
  command: IncomingSlashCommand,
  feedCommand: FeedCommand,
  dependencies: SlashCommandDependencies,
): Promise<SlashCommandOutcome> {
  const { feeds, log, adminUsers } = dependencies;
  await replyInLanguage(command, log, async (language) => {
    if (!feeds) return message(language, "feedsUnavailable");
    return await handleFeedCommand(feedCommand, {
      feeds,
      channel: channelTarget(command),
      channelKey: `slack:${command.teamId ?? "T"}:${command.channelId}`,
      requester: askerTarget(command),
      jobId: slackJobId("slack-cmd", command.triggerId),
      mayChangeFeeds: adminUsers === undefined || adminUsers.includes(command.userId),
      whoMayChange: message(language, "whoSlackAdmins"),
      now: dependencies.now,
      language,
    }).catch((error: unknown) => {
      log("slack_feed_command_failed", { error: errorText(error) });
      return message(language, "feedsUnreachable");
    });
  });
  return feeds ? "feeds" : "refused";
}
