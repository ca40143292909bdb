import type { AskRequest, QuestionQueue } from "../../core/chat.ts";
import type { SlackBlock } from "./blocks.ts";
import { plainTextFromSlack } from "./incoming-text.ts";
import { slackJobId } from "./job-ids.ts";
import { errorText, type SlackLog } from "./log.ts";
import { checkQuestion } from "./question-check.ts";
import { renderSlackText } from "./render-answer.ts";
import { QUEUE_FAILED_NOTICE, renderSlackHelp, renderSlackSearching } from "./render-help.ts";

/** A reply only the person who typed the command sees. */
export interface EphemeralReply {
  text: string;
  blocks?: SlackBlock[];
}

/** What the handler needs from a slash command; built from Bolt's arguments in create-slack-app.ts, or by hand. */
export interface IncomingSlashCommand {
  triggerId: string;
  teamId: string | undefined;
  channelId: string;
  userId: string;
  /** The text after the command, as Slack sends it (entities escaped). */
  text: string;
  responseUrl: string | undefined;
  /** Answers Slack's HTTP request; Slack shows "operation_timeout" when this takes over 3 seconds. */
  ack(reply: EphemeralReply): Promise<void>;
  /** Posts another ephemeral message through the command's response_url. */
  respond(reply: EphemeralReply): Promise<void>;
}

export interface SlashCommandDependencies {
  questions: QuestionQueue;
  /** The number of articles to mention in the acknowledgement; may be slow or fail, the ack does not wait long. */
  articleCount(): number | Promise<number>;
  now(): number;
  log: SlackLog;
  command?: string;
}

export type SlashCommandOutcome = "enqueued" | "duplicate" | "help" | "refused" | "queue_failed";

/** How long the acknowledgement waits for the article count before saying "the articles" instead. */
const COUNT_WAIT_MS = 250;

async function countWithin(articleCount: SlashCommandDependencies["articleCount"], log: SlackLog) {
  let timer: NodeJS.Timeout | undefined;
  try {
    const count = articleCount();
    if (typeof count === "number") return count;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), COUNT_WAIT_MS);
    });
    return await Promise.race([count, late]);
  } catch (error) {
    log("slack_article_count_failed", { error: errorText(error) });
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

function ephemeral(text: string): EphemeralReply {
  return renderSlackText(text);
}

/** Acknowledges first (Slack's 3-second rule), then queues; a queue failure is told to the user, never hidden. */
export async function handleSlashCommand(
  command: IncomingSlashCommand,
  dependencies: SlashCommandDependencies,
): Promise<SlashCommandOutcome> {
  const { log } = dependencies;
  const check = checkQuestion(plainTextFromSlack(command.text));
  if (check.kind === "help") {
    await command.ack(renderSlackHelp(dependencies.command));
    return "help";
  }
  if (check.kind === "refused") {
    await command.ack(ephemeral(check.reason));
    return "refused";
  }
  await command.ack({ text: renderSlackSearching(await countWithin(dependencies.articleCount, log)) });

  const request: AskRequest = {
    jobId: slackJobId("slack-cmd", command.triggerId),
    question: check.question,
    target: {
      platform: "slack",
      ...(command.teamId ? { teamId: command.teamId } : {}),
      channelId: command.channelId,
      userId: command.userId,
      ...(command.responseUrl ? { responseUrl: command.responseUrl } : {}),
    },
    requestedAt: dependencies.now(),
  };
  try {
    const { enqueued } = await dependencies.questions.ask(request);
    log("slack_question_queued", { jobId: request.jobId, enqueued });
    return enqueued ? "enqueued" : "duplicate";
  } catch (error) {
    log("slack_queue_failed", { jobId: request.jobId, error: errorText(error) });
    try {
      await command.respond(ephemeral(QUEUE_FAILED_NOTICE));
    } catch (respondError) {
      log("slack_respond_failed", { jobId: request.jobId, error: errorText(respondError) });
    }
    return "queue_failed";
  }
}
