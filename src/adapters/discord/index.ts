export {
  BRIEF_COMMAND,
  briefCommand,
  type RegisterCommandsOptions,
  registerDiscordCommands,
} from "./commands.ts";
export {
  connectDiscordClient,
  createDiscordClient,
  DISCORD_INTENTS,
  type DiscordClientOptions,
} from "./discord-client.ts";
export { DiscordReplier, type DiscordReplierOptions } from "./discord-replier.ts";
export {
  type CommandHandlerDependencies,
  type CommandOutcome,
  handleBriefCommand,
  type IncomingBriefCommand,
} from "./handle-brief-command.ts";
export {
  handleDiscordMessage,
  type IncomingDiscordMessage,
  type MessageHandlerDependencies,
  type MessageOutcome,
} from "./handle-message.ts";
export { DISCORD_LIMITS } from "./limits.ts";
export type { DiscordLog } from "./log.ts";
export type { DiscordEmbed, DiscordEmbedField, DiscordMessagePayload } from "./payload.ts";
export { renderDiscordAnswer, renderDiscordText } from "./render-answer.ts";
export { renderDiscordHelp, renderDiscordNotice } from "./render-help.ts";
