import {
  REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPutAPIApplicationCommandsResult,
  Routes,
  SlashCommandBuilder,
} from "discord.js";
import { MAX_QUESTION_CHARACTERS } from "../../core/answer/question.ts";
import { discordError } from "./rest-errors.ts";

export const BRIEF_COMMAND = "brief";
export const QUESTION_OPTION = "question";

/**
 * `/brief question:<text>`. Discord forbids mixing options with subcommands, so when a `digest` subcommand
 * group arrives, `question` moves under an `ask` subcommand; the handler already accepts both shapes.
 */
export function briefCommand(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return new SlashCommandBuilder()
    .setName(BRIEF_COMMAND)
    .setDescription("Ask about the articles Briefbot has read; the answer quotes and cites them")
    .addStringOption((option) =>
      option
        .setName(QUESTION_OPTION)
        .setDescription("Your question, e.g. What will Trend Micro provide?")
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_CHARACTERS),
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
