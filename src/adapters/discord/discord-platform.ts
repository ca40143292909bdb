import type { Config, DiscordConfig } from "../../config.ts";
import { BriefingError } from "../../core/errors.ts";
import type { PlatformModule } from "../chat/platform-module.ts";
import {
  connectDiscordClient,
  createDiscordClient,
  DiscordReplier,
  registerDiscordCommands,
} from "./index.ts";

function discordConfig(config: Config): DiscordConfig {
  if (!config.discord) throw new BriefingError("CONFIG_INVALID", "DISCORD_TOKEN is not set");
  return config.discord;
}

export const discordPlatform: PlatformModule = {
  platform: "discord",
  configured: (config) => config.discord !== undefined,
  replier(config, log) {
    const discord = discordConfig(config);
    return new DiscordReplier({
      token: discord.token,
      ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}),
      log,
    });
  },
  async startAdapter({ config, questions, digests, log }) {
    const discord = discordConfig(config);
    const client = createDiscordClient({
      token: discord.token,
      ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}),
      questions,
      digests,
      log,
    });
    await connectDiscordClient(client);
    log("discord_connected", { user: client.user?.tag });
    return {
      name: "discord",
      async stop() {
        await client.destroy();
      },
    };
  },
};

/** `briefbot discord register`: puts the /brief command on Discord (one guild when DISCORD_GUILD_ID is set). */
export async function registerCommands(config: Config): Promise<string> {
  const discord = discordConfig(config);
  if (!discord.applicationId) throw new BriefingError("CONFIG_INVALID", "DISCORD_APPLICATION_ID is not set");
  await registerDiscordCommands({
    token: discord.token,
    applicationId: discord.applicationId,
    ...(discord.guildId ? { guildId: discord.guildId } : {}),
    ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}),
  });
  return discord.guildId
    ? `guild ${discord.guildId}`
    : "all guilds (global commands can take up to an hour to show)";
}
