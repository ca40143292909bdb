import type { ChannelFeed, FeedFollowing, ReplyTarget } from "../../core/chat.ts";
import { isBriefingError } from "../../core/errors.ts";
import { webUrl } from "../../core/feeds/web-url.ts";

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
    if (isBriefingError(error)) return error.userMessage();
    throw error;
  }
}

async function execute(command: FeedCommand, context: FeedCommandContext): Promise<string> {
  const changes = command.name === "follow" || command.name === "unfollow";
  if (changes && !context.mayChangeFeeds)
    return `Only ${context.whoMayChange} may change this channel's feeds. Anyone may ask, and \`feeds\` lists them.`;
  if (command.name === "feeds") return describeFeeds(await context.feeds.channelFeeds(context.channelKey));
  if (command.argument === "") return usage(command.name);
  if (command.name === "unfollow") {
    const stopped = await context.feeds.unfollow(context.channelKey, command.argument);
    return stopped
      ? `This channel no longer follows "${stopped.title}".`
      : "This channel does not follow that feed. `feeds` lists the ones it does, by number.";
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
  });
  if (!enqueued) return "That is already on its way.";
  return command.name === "follow"
    ? `Looking for the feed at ${url}… I will tell you which feed it is and what it brought.`
    : `Reading ${url}… I will tell you when you can ask about it.`;
}

function usage(name: FeedCommandName): string {
  if (name === "unfollow") return "Say which feed: `unfollow <url>`, or its number from `feeds`.";
  return name === "follow"
    ? "Say which site or feed: `follow https://example.com/feed.xml` (a site's address will do)."
    : "Say which page: `add https://example.com/news/story.html`.";
}

function describeFeeds(feeds: readonly ChannelFeed[]): string {
  if (feeds.length === 0) return "This channel follows no feeds. `follow <url>` adds one.";
  const lines = feeds.map((feed) => {
    const status =
      feed.status === "failing"
        ? `failing: ${feed.lastError ?? "unknown error"}`
        : feed.status === "new"
          ? "not read yet"
          : `last read ${new Date(feed.lastPolledAt ?? 0).toISOString().slice(0, 16).replace("T", " ")} UTC`;
    return `${feed.n}. ${feed.title} (${feed.url}): ${status}`;
  });
  return ["This channel follows:", ...lines, "`unfollow <number>` stops one."].join("\n");
}
