import {
  REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPutAPIApplicationCommandsResult,
  Routes,
  SlashCommandBuilder,
} from "discord.js";
import { MAX_QUESTION_CHARACTERS } from "../../core/answer/question.ts";
import { MOST_LISTED } from "../chat/article-command-handler.ts";
import { discordError } from "./rest-errors.ts";

export const BRIEF_COMMAND = "brief";
export const QUESTION_OPTION = "question";
export const DIGEST_OPTION = "digest";
export const SUMMARIZE_OPTION = "summarize";
export const FOLLOW_OPTION = "follow";
export const UNFOLLOW_OPTION = "unfollow";
export const FEEDS_OPTION = "feeds";
export const PRIVATE_OPTION = "private";
export const ADD_OPTION = "add";
export const SCOPE_OPTION = "scope";
export const ARTICLES_OPTION = "articles";
export const FORGET_OPTION = "forget";

/**
 * `/brief question:<text>`, `/brief digest:daily 08:00 Europe/Amsterdam` (or off, now, status) and
 * `/brief summarize:<topic>`, and for feeds `follow:<url>`, `unfollow:<url or number>`, `feeds:True` and
 * `add:<url>`: options rather than subcommands, so `/brief question:` keeps working.
 */
export function briefCommand(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return new SlashCommandBuilder()
    .setName(BRIEF_COMMAND)
    .setDescription("Ask about the articles Briefbot has read; the answer quotes and cites them")
    .addStringOption((option) =>
      option
        .setName(QUESTION_OPTION)
        .setDescription("Your question, e.g. What will Trend Micro provide?")
        .setRequired(false)
        .setMaxLength(MAX_QUESTION_CHARACTERS),
    )
    .addStringOption((option) =>
      option
        .setName(DIGEST_OPTION)
        .setDescription(
          "This channel's digest: daily 08:00 Europe/Amsterdam [topic] [--quiet], now, status or off",
        )
        .setRequired(false)
        .setMaxLength(300),
    )
    .addStringOption((option) =>
      option
        .setName(SUMMARIZE_OPTION)
        .setDescription("Summarize the articles about a topic, e.g. Trend Micro and INTERPOL")
        .setRequired(false)
        .setMaxLength(300),
    )
    .addStringOption((option) =>
      option
        .setName(FOLLOW_OPTION)
        .setDescription(
          "Follow a site or feed in this channel (Manage Channels), e.g. https://example.com/feed.xml",
        )
        .setRequired(false)
        .setMaxLength(2_000),
    )
    .addStringOption((option) =>
      option
        .setName(UNFOLLOW_OPTION)
        .setDescription(
          "Stop following a feed in this channel (Manage Channels): its URL or its number in feeds",
        )
        .setRequired(false)
        .setMaxLength(2_000),
    )
    .addBooleanOption((option) =>
      option.setName(FEEDS_OPTION).setDescription("List the feeds this channel follows").setRequired(false),
    )
    .addBooleanOption((option) =>
      option.setName(PRIVATE_OPTION).setDescription("Show the answer to you alone").setRequired(false),
    )
    .addStringOption((option) =>
      option
        .setName(ADD_OPTION)
        .setDescription("Read one page now, to ask about it, e.g. https://example.com/news/story.html")
        .setRequired(false)
        .setMaxLength(2_000),
    )
    .addStringOption((option) =>
      option
        .setName(SCOPE_OPTION)
        .setDescription(
          "What this channel's answers draw on: show, or add/remove <collection> (Manage Channels)",
        )
        .setRequired(false)
        .setMaxLength(300),
    )
    .addIntegerOption((option) =>
      option
        .setName(ARTICLES_OPTION)
        .setDescription("List this channel's most recent articles, numbered (how many)")
        .setRequired(false)
        .setMinValue(1)
        .setMaxValue(MOST_LISTED),
    )
    .addStringOption((option) =>
      option
        .setName(FORGET_OPTION)
        .setDescription(
          "Remove an article from this server (Manage Channels): its number in articles, or its URL",
        )
        .setRequired(false)
        .setMaxLength(2_000),
    )
    .toJSON();
}

export interface RegisterCommandsOptions {
  token: string;
  applicationId: string;
  /** Register in one server only: available at once (global commands can take a while to appear). */
  guildId?: string;
  /** Discord's REST base URL without the version, default https://discord.com/api. */
  apiUrl?: string;
}

/** Overwrites the application's commands (global, or in one guild) with Briefbot's: `briefbot discord register`. */
export async function registerDiscordCommands(
  options: RegisterCommandsOptions,
): Promise<RESTPutAPIApplicationCommandsResult> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  try {
    return (await rest.put(route, { body: [briefCommand()] })) as RESTPutAPIApplicationCommandsResult;
  } catch (error) {
    throw discordError(error, "register the /brief command");
  }
}
