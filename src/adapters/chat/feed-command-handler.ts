import type { ChannelFeed, FeedFollowing, ReplyTarget } from "../../core/chat.ts";
import { isBriefingError } from "../../core/errors.ts";
import { webUrl } from "../../core/feeds/web-url.ts";
import { type InterfaceLanguage, message } from "../../core/i18n/messages.ts";

export type FeedCommandName = "follow" | "unfollow" | "feeds" | "add";

export interface FeedCommand {
  name: FeedCommandName;
  /** The URL (or, for unfollow, the `feeds` number). */
  argument: string;
}

export interface FeedCommandContext {
  feeds: FeedFollowing;
  /** The channel itself: what follows the feed. */
  channel: ReplyTarget;
  /** One per channel: "slack:T1:C2", "discord:G1:C2". */
  channelKey: string;
  /** Who typed the command, with whatever lets the worker answer them privately. */
  requester: ReplyTarget;
  /** Derived from the platform's event id, so a retried command is one job. */
  jobId: string;
  /** Whether this person may change the channel's feeds (follow, unfollow). Everyone may ask and list. */
  mayChangeFeeds: boolean;
  /** Who may, for the refusal: "workspace admins listed in SLACK_ADMIN_USERS". */
  whoMayChange: string;
  now(): number;
  /** The language of the reply and of the worker's answer (English without one). */
  language?: InterfaceLanguage | undefined;
}

const COMMAND = /^\s*(follow|unfollow|add|feeds)\b\s*([\s\S]*)$/iu;

/**
 * `follow <url>`, `unfollow <url or number>`, `add <url>` and `feeds` are commands; with anything else after
 * them ("follow the money") the text is a question.
 */
export function splitFeedCommand(text: string): FeedCommand | undefined {
  const match = COMMAND.exec(text);
  if (!match) return undefined;
  const name = match[1]?.toLowerCase() as FeedCommandName;
  const argument = match[2]?.trim() ?? "";
  if (name === "feeds") return argument === "" ? { name, argument } : undefined;
  if (/\s/u.test(argument)) return undefined;
  const looksLikeUrl = /^(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+(?::\d+)?(?:[/?#]\S*)?$/iu.test(argument);
  if (looksLikeUrl || (name === "unfollow" && /^\d{1,3}$/u.test(argument))) return { name, argument };
  return argument === "" ? { name, argument } : undefined;
}

/** Runs a feed command and returns what to tell the person who typed it (errors included). */
export async function handleFeedCommand(command: FeedCommand, context: FeedCommandContext): Promise<string> {
  try {
    return await execute(command, context);
  } catch (error) {
    if (isBriefingError(error)) return error.userMessage(context.language);
    throw error;
  }
}

async function execute(command: FeedCommand, context: FeedCommandContext): Promise<string> {
  const language = context.language ?? "en";
  const changes = command.name === "follow" || command.name === "unfollow";
  if (changes && !context.mayChangeFeeds) return message(language, "feedsOnlyWho", context.whoMayChange);
  if (command.name === "feeds")
    return describeFeeds(await context.feeds.channelFeeds(context.channelKey), language);
  if (command.argument === "") return usage(command.name, language);
  if (command.name === "unfollow") {
    const stopped = await context.feeds.unfollow(context.channelKey, command.argument);
    return stopped
      ? message(language, "feedUnfollowed", stopped.title)
      : message(language, "feedNotFollowed");
  }
  const url = webUrl(command.argument);
  const { enqueued } = await context.feeds.request({
    jobId: context.jobId,
    kind: command.name,
    url,
    channel: context.channel,
    channelKey: context.channelKey,
    requestedBy: context.requester,
    requestedAt: context.now(),
    ...(context.language ? { language: context.language } : {}),
  });
  if (!enqueued) return message(language, "alreadyOnItsWay");
  return message(language, command.name === "follow" ? "feedLooking" : "pageReading", url);
}

function usage(name: FeedCommandName, language: InterfaceLanguage): string {
  if (name === "unfollow") return message(language, "unfollowUsage");
  return message(language, name === "follow" ? "followUsage" : "addUsage");
}

function describeFeeds(feeds: readonly ChannelFeed[], language: InterfaceLanguage): string {
  if (feeds.length === 0) return message(language, "noFeeds");
  const lines = feeds.map((feed) => {
    const status =
      feed.status === "failing"
        ? message(language, "feedFailing", feed.lastError ?? message(language, "unknownError"))
        : feed.status === "new"
          ? message(language, "feedNotReadYet")
          : message(
              language,
              "feedLastRead",
              new Date(feed.lastPolledAt ?? 0).toISOString().slice(0, 16).replace("T", " "),
            );
    return `${feed.n}. ${feed.title} (${feed.url}): ${status}`;
  });
  return [message(language, "feedsHeader"), ...lines, message(language, "feedsFooter")].join("\n");
}
