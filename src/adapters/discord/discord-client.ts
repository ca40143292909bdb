import { once } from "node:events";
import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  MessageFlags,
  Partials,
  PermissionFlagsBits,
  Routes,
} from "discord.js";
import type { ScopeStore } from "../../core/channel-scope.ts";
import type {
  ConversationMemory,
  DigestSubscriptions,
  FeedFollowing,
  QuestionQueue,
} from "../../core/chat.ts";
import type { FeedbackStore } from "../../core/feedback/index.ts";
import type { ChannelArticles } from "../chat/article-command-handler.ts";
import {
  ADD_OPTION,
  ARTICLES_OPTION,
  BRIEF_COMMAND,
  DIGEST_OPTION,
  FEEDS_OPTION,
  FOLLOW_OPTION,
  FORGET_OPTION,
  PRIVATE_OPTION,
  QUESTION_OPTION,
  SCOPE_OPTION,
  SUMMARIZE_OPTION,
  UNFOLLOW_OPTION,
} from "./commands.ts";
import { logRateLimits } from "./discord-rest.ts";
import { handleBriefCommand, type IncomingBriefCommand } from "./handle-brief-command.ts";
import { handleDiscordFeedback, type IncomingFeedbackClick } from "./handle-feedback.ts";
import { handleDiscordMessage, type IncomingDiscordMessage } from "./handle-message.ts";
import { type DiscordLog, errorText } from "./log.ts";

/**
 * Guild messages and DMs, without the privileged MessageContent intent: Discord still sends the content of
 * messages that mention the bot and of DMs, which is all Briefbot reads.
 */
export const DISCORD_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
];

export interface DiscordClientOptions {
  token: string;
  /** Discord's REST base URL without the version (DISCORD_API_URL), default https://discord.com/api. */
  apiUrl?: string;
  questions: QuestionQueue;
  digests?: DigestSubscriptions;
  feeds?: FeedFollowing;
  /** `/brief scope:` grants; refused with a reason when absent. */
  scopes?: ScopeStore;
  /** What `/brief articles:` lists and `forget:` forgets; refused with a reason when absent. */
  articles?: ChannelArticles;
  /** BRIEFBOT_SHARED (default true), for what `/brief scope:` lists. */
  sharedVisible?: boolean;
  /** Where 👍/👎 clicks on answers are recorded; clicks are acknowledged but not recorded when absent. */
  feedback?: FeedbackStore;
  /** Each asker's latest questions per channel, for replies to answers (follow-ups). */
  memory?: ConversationMemory;
  followUpIdleMs?: number;
  log: DiscordLog;
  now?: () => number;
}

function incomingMessage(message: Message, botUserId: string): IncomingDiscordMessage {
  return {
    id: message.id,
    channelId: message.channelId,
    guildId: message.guildId ?? undefined,
    authorId: message.author.id,
    authorIsBot: message.author.bot || message.system || message.webhookId !== null,
    content: message.content,
    mentionsBot: message.mentions.users.has(botUserId),
    isDirectMessage: !message.inGuild(),
    repliesToBot: message.mentions.repliedUser?.id === botUserId,
    reply: async (payload) => {
      await message.client.rest.post(Routes.channelMessages(message.channelId), {
        body: { ...payload, message_reference: { message_id: message.id, fail_if_not_exists: false } },
      });
    },
  };
}

function optionalText<K extends string>(key: K, value: string | null): Partial<Record<K, string>> {
  return value === null ? {} : ({ [key]: value } as Partial<Record<K, string>>);
}

function articlesToList(count: number | null): { articles?: number } {
  return count === null ? {} : { articles: count };
}

function incomingBriefCommand(interaction: ChatInputCommandInteraction): IncomingBriefCommand {
  const { applicationId, token } = interaction;
  return {
    id: interaction.id,
    applicationId,
    token,
    channelId: interaction.channelId,
    guildId: interaction.guildId ?? undefined,
    userId: interaction.user.id,
    question: interaction.options.getString(QUESTION_OPTION) ?? "",
    ...optionalText("digest", interaction.options.getString(DIGEST_OPTION)),
    ...optionalText("summarize", interaction.options.getString(SUMMARIZE_OPTION)),
    ...optionalText("follow", interaction.options.getString(FOLLOW_OPTION)),
    ...optionalText("unfollow", interaction.options.getString(UNFOLLOW_OPTION)),
    ...optionalText("add", interaction.options.getString(ADD_OPTION)),
    ...optionalText("scope", interaction.options.getString(SCOPE_OPTION)),
    ...optionalText("forget", interaction.options.getString(FORGET_OPTION)),
    ...articlesToList(interaction.options.getInteger(ARTICLES_OPTION)),
    feeds: interaction.options.getBoolean(FEEDS_OPTION) ?? false,
    private: interaction.options.getBoolean(PRIVATE_OPTION) ?? false,
    locale: interaction.locale,
    canManageChannel: interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false,
    deferReply: async (options) => {
      await interaction.deferReply(options?.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    },
    editReply: async (payload) => {
      await interaction.client.rest.patch(Routes.webhookMessage(applicationId, token, "@original"), {
        body: payload,
        auth: false,
      });
    },
  };
}

function feedbackClick(interaction: ButtonInteraction): IncomingFeedbackClick {
  return {
    customId: interaction.customId,
    guildId: interaction.guildId ?? undefined,
    channelId: interaction.channelId ?? undefined,
    userId: interaction.user.id,
    locale: interaction.locale,
    deferPrivately: async () => {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    },
    tellClicker: async (text) => {
      await interaction.editReply({ content: text, allowedMentions: { parse: [] } });
    },
  };
}

/** `/brief question:…`, and later `/brief ask question:…` next to a `digest` group. */
function isBriefQuestion(interaction: Interaction): interaction is ChatInputCommandInteraction {
  if (!interaction.isChatInputCommand() || interaction.commandName !== BRIEF_COMMAND) return false;
  const subcommand = interaction.options.getSubcommand(false);
  return subcommand === null || subcommand === "ask";
}

/**
 * A discord.js client that turns mentions, DMs and `/brief` into queued questions. Nothing it sends can
 * ping anyone. Not connected yet: see `connectDiscordClient`.
 */
export function createDiscordClient(options: DiscordClientOptions): Client {
  const client = new Client({
    intents: DISCORD_INTENTS,
    partials: [Partials.Channel],
    allowedMentions: { parse: [], repliedUser: false },
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
  });
  client.token = options.token;
  const { log, questions } = options;
  const now = options.now ?? Date.now;
  logRateLimits(client.rest, log);

  client.on(Events.MessageCreate, (message) => {
    const bot = message.client.user;
    handleDiscordMessage(incomingMessage(message, bot.id), {
      botUserId: bot.id,
      botName: bot.username,
      questions,
      ...(options.memory ? { memory: options.memory } : {}),
      ...(options.followUpIdleMs === undefined ? {} : { followUpIdleMs: options.followUpIdleMs }),
      now,
      log,
    }).catch((error: unknown) =>
      log("discord_message_failed", { messageId: message.id, error: errorText(error) }),
    );
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isButton()) {
      handleDiscordFeedback(feedbackClick(interaction), { feedback: options.feedback, log, now }).catch(
        (error: unknown) =>
          log("discord_interaction_failed", { interactionId: interaction.id, error: errorText(error) }),
      );
      return;
    }
    if (!isBriefQuestion(interaction)) return;
    handleBriefCommand(incomingBriefCommand(interaction), {
      botName: interaction.client.user.username,
      questions,
      ...(options.digests ? { digests: options.digests } : {}),
      ...(options.feeds ? { feeds: options.feeds } : {}),
      ...(options.scopes ? { scopes: options.scopes } : {}),
      ...(options.sharedVisible === undefined ? {} : { sharedVisible: options.sharedVisible }),
      ...(options.articles ? { articles: options.articles } : {}),
      now,
      log,
    }).catch((error: unknown) =>
      log("discord_interaction_failed", { interactionId: interaction.id, error: errorText(error) }),
    );
  });
  client.on(Events.Error, (error) => log("discord_client_error", { error: error.message }));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    log("discord_disconnected", { shardId, code: event.code }),
  );
  return client;
}

/** Logs in and resolves once the client is ready (guilds received), or rejects after `timeoutMs`. */
export async function connectDiscordClient(client: Client, timeoutMs = 60_000): Promise<void> {
  const abort = new AbortController();
  const timer = setTimeout(
    () => abort.abort(new Error(`Discord was not ready within ${timeoutMs} ms`)),
    timeoutMs,
  );
  const ready = once(client, Events.ClientReady, { signal: abort.signal });
  ready.catch(() => {});
  try {
    await client.login();
    await ready;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}
