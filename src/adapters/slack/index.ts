export type { SlackBlock, SlackMessage } from "./blocks.ts";
export { createSlackApp, type SlackApp, type SlackAppOptions } from "./create-slack-app.ts";
export {
  type AppMentionDependencies,
  type AppMentionOutcome,
  handleAppMention,
  type IncomingAppMention,
  slackThreadKey,
} from "./handle-app-mention.ts";
export {
  type EphemeralReply,
  handleSlashCommand,
  type IncomingSlashCommand,
  type SlashCommandDependencies,
  type SlashCommandOutcome,
} from "./handle-slash-command.ts";
export { SLACK_LIMITS } from "./limits.ts";
export type { SlackLog } from "./log.ts";
export { renderSlackAnswer, renderSlackText } from "./render-answer.ts";
export { DEFAULT_COMMAND, renderSlackHelp, renderSlackSearching } from "./render-help.ts";
export { slackError } from "./slack-errors.ts";
export { SlackReplier, type SlackReplierOptions } from "./slack-replier.ts";
export { createSlackWebClient, DEFAULT_SLACK_API_URL, slackClientOptions } from "./slack-web-client.ts";
