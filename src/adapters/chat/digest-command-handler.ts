import { randomUUID } from "node:crypto";
import type { DigestSubscriptions, ReplyTarget } from "../../core/chat.ts";
import { isBriefingError } from "../../core/errors.ts";
import { type InterfaceLanguage, message } from "../../core/i18n/messages.ts";
import {
  type DigestCommand,
  describeInstant,
  describeSchedule,
  parseDigestCommand,
} from "../../core/subscriptions/index.ts";

export interface DigestCommandContext {
  digests: DigestSubscriptions;
  /** One per channel: "slack-T1-C2", "discord-G1-C2". */
  subscriptionId: string;
  /** The channel itself, where digests are posted. */
  channel: ReplyTarget;
  /** Who typed the command, with whatever lets us answer them privately. */
  requester: ReplyTarget;
  userId: string;
  /** A job id derived from the platform's event id, so a retried `digest now` is one digest. */
  jobId: string;
  now(): number;
  /** The language of the reply, and of the notice should `digest now` fail (English without one). */
  language?: InterfaceLanguage | undefined;
}

async function describeStatus(context: DigestCommandContext): Promise<string> {
  const language = context.language ?? "en";
  const status = await context.digests.status(context.subscriptionId);
  if (!status) return message(language, "digestNone");
  const { subscription, progress, nextRunAt } = status;
  const zone = subscription.schedule.timeZone;
  const parts = [message(language, "digestStatus", describeSchedule(subscription.schedule, language))];
  if (subscription.topic) parts.push(message(language, "digestAbout", subscription.topic));
  const quiet = subscription.quiet ? message(language, "digestQuiet") : "";
  const lines = [`${parts.join(" ")}${quiet}.`];
  if (nextRunAt !== undefined) lines.push(message(language, "digestNext", describeInstant(nextRunAt, zone)));
  if (progress.lastPostedAt !== undefined)
    lines.push(message(language, "digestLast", describeInstant(progress.lastPostedAt, zone)));
  return lines.join(" ");
}

async function execute(command: DigestCommand, context: DigestCommandContext): Promise<string> {
  const language = context.language ?? "en";
  switch (command.kind) {
    case "subscribe": {
      await context.digests.subscribe({
        id: context.subscriptionId,
        target: context.channel,
        schedule: command.schedule,
        ...(command.topic ? { topic: command.topic } : {}),
        quiet: command.quiet,
        createdAt: context.now(),
        createdBy: context.userId,
        version: randomUUID(),
      });
      const about = command.topic ? ` ${message(language, "digestAbout", command.topic)}` : "";
      const schedule = describeSchedule(command.schedule, language);
      return message(language, "digestSubscribed", about, schedule);
    }
    case "off":
      return message(
        language,
        (await context.digests.unsubscribe(context.subscriptionId)) ? "digestOff" : "digestHadNone",
      );
    case "now": {
      const status = await context.digests.status(context.subscriptionId);
      if (!status) return message(language, "digestNoneYet");
      const { enqueued } = await context.digests.runNow({
        jobId: context.jobId,
        subscriptionId: context.subscriptionId,
        kind: "now",
        requestedBy: context.requester,
        requestedAt: context.now(),
        ...(context.language ? { language: context.language } : {}),
      });
      return message(language, enqueued ? "digestComposing" : "digestOnItsWay");
    }
    case "status":
      return await describeStatus(context);
  }
}

/** Runs a `digest …` command and returns what to tell the person who typed it (errors included). */
export async function handleDigestCommand(text: string, context: DigestCommandContext): Promise<string> {
  try {
    return await execute(parseDigestCommand(text), context);
  } catch (error) {
    if (isBriefingError(error)) return error.userMessage(context.language);
    throw error;
  }
}

/** `digest …` and `summarize …` are commands; anything else is a question. */
export function splitSubcommand(text: string): { name: "digest" | "summarize"; rest: string } | undefined {
  const match = /^\s*(digest|summari[sz]e)\b\s*([\s\S]*)$/iu.exec(text);
  if (!match) return undefined;
  const name = match[1]?.toLowerCase().startsWith("digest") ? "digest" : "summarize";
  return { name, rest: match[2]?.trim() ?? "" };
}
