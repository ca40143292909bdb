import { randomUUID } from "node:crypto";
import type { DigestSubscriptions, ReplyTarget } from "../../core/chat.ts";
import { isBriefingError } from "../../core/errors.ts";
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
}

async function describeStatus(context: DigestCommandContext): Promise<string> {
  const status = await context.digests.status(context.subscriptionId);
  if (!status) return "This channel has no digest. Subscribe with `digest daily 08:00 Europe/Amsterdam`.";
  const { subscription, progress, nextRunAt } = status;
  const zone = subscription.schedule.timeZone;
  const parts = [`This channel gets a digest ${describeSchedule(subscription.schedule)}`];
  if (subscription.topic) parts.push(`about "${subscription.topic}"`);
  const lines = [`${parts.join(" ")}${subscription.quiet ? ", and nothing on days without news" : ""}.`];
  if (nextRunAt !== undefined) lines.push(`Next digest: ${describeInstant(nextRunAt, zone)}.`);
  if (progress.lastPostedAt !== undefined)
    lines.push(`Last digest: ${describeInstant(progress.lastPostedAt, zone)}.`);
  return lines.join(" ");
}

async function execute(command: DigestCommand, context: DigestCommandContext): Promise<string> {
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
      const about = command.topic ? ` about "${command.topic}"` : "";
      return `Done: this channel will get a digest${about} ${describeSchedule(command.schedule)}. \`digest now\` posts one at once; \`digest off\` stops them.`;
    }
    case "off":
      return (await context.digests.unsubscribe(context.subscriptionId))
        ? "Digests for this channel are off."
        : "This channel had no digest.";
    case "now": {
      const status = await context.digests.status(context.subscriptionId);
      if (!status) {
        return "This channel has no digest yet. Subscribe first with `digest daily 08:00 Europe/Amsterdam`.";
      }
      const { enqueued } = await context.digests.runNow({
        jobId: context.jobId,
        subscriptionId: context.subscriptionId,
        kind: "now",
        requestedBy: context.requester,
        requestedAt: context.now(),
      });
      return enqueued ? "Composing the digest now…" : "That digest is already on its way.";
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
    if (isBriefingError(error)) return error.userMessage();
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
