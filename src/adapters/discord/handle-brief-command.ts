import type { AskRequest, DigestSubscriptions, DiscordTarget, QuestionQueue } from "../../core/chat.ts";
import { handleDigestCommand } from "../chat/digest-command-handler.ts";
import { checkQuestion, QUEUE_FAILED_NOTICE } from "./ask-from-text.ts";
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
  /** Acknowledges the interaction ("Briefbot is thinking…"); Discord allows 3 seconds for this. */
  deferReply(options?: { ephemeral: boolean }): Promise<void>;
  /** Replaces the deferred "thinking" message. */
  editReply(payload: DiscordMessagePayload): Promise<void>;
}

export interface CommandHandlerDependencies {
  botName: string;
  questions: QuestionQueue;
  digests?: DigestSubscriptions;
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
  | "digest";

async function digestCommand(
  command: IncomingBriefCommand,
  words: string,
  dependencies: CommandHandlerDependencies,
): Promise<CommandOutcome> {
  const { digests, log } = dependencies;
  try {
    await command.deferReply({ ephemeral: true });
  } catch (error) {
    log("discord_defer_failed", { interactionId: command.id, error: errorText(error) });
    return "defer_failed";
  }
  if (!digests || command.channelId === null) {
    const reason = digests
      ? "Digests are posted in a channel."
      : "Digests are not available on this Briefbot.";
    await editSafely(command, renderDiscordNotice(reason), log);
    return "refused";
  }
  const channel: DiscordTarget = {
    platform: "discord",
    channelId: command.channelId,
    ...(command.guildId ? { guildId: command.guildId } : {}),
    userId: command.userId,
  };
  const reply = await handleDigestCommand(words, {
    digests,
    subscriptionId: `discord-sub-${command.guildId ?? "dm"}-${command.channelId}`,
    channel,
    requester: { ...channel, interaction: { applicationId: command.applicationId, token: command.token } },
    userId: command.userId,
    jobId: `discord-int-${command.id}`,
    now: dependencies.now,
  }).catch((error: unknown) => {
    log("discord_digest_command_failed", { interactionId: command.id, error: errorText(error) });
    return "Sorry, the digest settings could not be reached. Please try again in a minute.";
  });
  await editSafely(command, renderDiscordNotice(reply), log);
  return "digest";
}

async function editSafely(command: IncomingBriefCommand, payload: DiscordMessagePayload, log: DiscordLog) {
  try {
    await command.editReply(payload);
  } catch (error) {
    log("discord_edit_reply_failed", { interactionId: command.id, error: errorText(error) });
  }
}

/** Defers first (the 3-second rule), then queues; every outcome but success edits the deferred reply. */
export async function handleBriefCommand(
  command: IncomingBriefCommand,
  dependencies: CommandHandlerDependencies,
): Promise<CommandOutcome> {
  const { log } = dependencies;
  if (command.digest !== undefined) return await digestCommand(command, command.digest, dependencies);
  const summarize = command.summarize !== undefined && command.question.trim() === "";
  try {
    await command.deferReply();
  } catch (error) {
    log("discord_defer_failed", { interactionId: command.id, error: errorText(error) });
    return "defer_failed";
  }
  const check = checkQuestion(summarize ? (command.summarize ?? "") : command.question);
  if (check.kind === "empty") {
    await editSafely(command, renderDiscordHelp(dependencies.botName), log);
    return "usage";
  }
  if (check.kind === "refused" || command.channelId === null) {
    const reason = check.kind === "refused" ? check.reason : "I cannot answer outside a channel.";
    await editSafely(command, renderDiscordNotice(reason), log);
    return "refused";
  }
  const request: AskRequest = {
    jobId: `discord-int-${command.id}`,
    question: check.question,
    target: {
      platform: "discord",
      channelId: command.channelId,
      ...(command.guildId ? { guildId: command.guildId } : {}),
      userId: command.userId,
      interaction: { applicationId: command.applicationId, token: command.token },
    },
    requestedAt: dependencies.now(),
    ...(summarize ? { mode: "summarize" as const } : {}),
  };
  try {
    const { enqueued } = await dependencies.questions.ask(request);
    log("discord_question_queued", { jobId: request.jobId, enqueued });
    return enqueued ? "enqueued" : "duplicate";
  } catch (error) {
    log("discord_queue_failed", { jobId: request.jobId, error: errorText(error) });
    await editSafely(command, renderDiscordNotice(QUEUE_FAILED_NOTICE), log);
    return "queue_failed";
  }
}
