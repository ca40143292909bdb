import { validateQuestion } from "../../core/answer/question.ts";
import type { AskRequest, QuestionQueue, ReplyTarget } from "../../core/chat.ts";
import { isBriefingError } from "../../core/errors.ts";
import { interfaceLanguage } from "../../core/i18n/interface-language.ts";
import { type InterfaceLanguage, message } from "../../core/i18n/messages.ts";
import { type ChatLog, errorText } from "./chat-log.ts";

export const QUEUE_FAILED_NOTICE = message("en", "queueFailed");

type ValidQuestion = ReturnType<typeof validateQuestion>;

export type QuestionCheck =
  | { kind: "question"; question: ValidQuestion }
  | { kind: "help"; language?: InterfaceLanguage }
  | { kind: "refused"; reason: string };

/** The words that ask for usage, with `helpWords`, and the language each asks in. */
const HELP_WORDS: Readonly<Record<string, InterfaceLanguage>> = {
  help: "en",
  "?": "en",
  hulp: "nl",
  aide: "fr",
};

/**
 * A question as typed: empty asks for usage (and so do "help" and "?" with `helpWords`), an invalid one is
 * refused with the reason, anything else is ready to queue.
 */
export function checkQuestion(text: string, options: { helpWords?: boolean } = {}): QuestionCheck {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { kind: "help" };
  const helpLanguage = options.helpWords ? HELP_WORDS[trimmed.toLowerCase()] : undefined;
  if (helpLanguage !== undefined) return { kind: "help", language: helpLanguage };
  try {
    return { kind: "question", question: validateQuestion(trimmed) };
  } catch (error) {
    if (isBriefingError(error)) return { kind: "refused", reason: error.userMessage() };
    throw error;
  }
}

/** How the asker is answered when there is no question to queue. */
export interface QuestionReplies {
  /** `language`: the language the help was asked in ("hulp", "aide"), when it says. */
  help(language?: InterfaceLanguage): Promise<void>;
  refuse(reason: string): Promise<void>;
}

/** The question to queue; or, once the asker was shown the usage or why it is refused, which of those it was. */
export async function screenQuestion(
  text: string,
  replies: QuestionReplies,
  options: { helpWords?: boolean } = {},
): Promise<{ question: ValidQuestion } | "help" | "refused"> {
  const check = checkQuestion(text, options);
  if (check.kind === "help") {
    await replies.help(check.language);
    return "help";
  }
  if (check.kind === "refused") {
    await replies.refuse(check.reason);
    return "refused";
  }
  return { question: check.question };
}

/** A question from chat, before it is queued. */
export interface InboundQuestion {
  /** Derived from the platform's event id, so a platform retry is the same job. */
  jobId: string;
  question: ValidQuestion;
  target: ReplyTarget;
  previousQuestion?: string | undefined;
  /** Summarize the articles matching the question instead of answering it. */
  summarize?: boolean;
  /** When the adapter got the question (epoch ms); the ack is timed from here, else from when it is queued. */
  receivedAt?: number | undefined;
  /** The asker's interface locale where the platform says it (Discord): for notices on questions too short to tell. */
  locale?: string | undefined;
}

export interface InboundAskDependencies {
  questions: QuestionQueue;
  now(): number;
  log: ChatLog;
}

export type AskOutcome = "enqueued" | "duplicate" | "queue_failed";

/**
 * What to tell the asker after queuing: nothing when it is queued (or was already), the answer follows.
 * `language` may be given as a function, so that it is worked out only when there is something to say.
 */
export function askNotice(
  outcome: AskOutcome,
  language: InterfaceLanguage | (() => InterfaceLanguage) = "en",
): string | undefined {
  if (outcome !== "queue_failed") return undefined;
  return message(typeof language === "function" ? language() : language, "queueFailed");
}

function askRequest(inbound: InboundQuestion, requestedAt: number): AskRequest {
  return {
    jobId: inbound.jobId,
    question: inbound.question,
    ...(inbound.previousQuestion ? { previousQuestion: inbound.previousQuestion } : {}),
    target: inbound.target,
    requestedAt,
    ...(inbound.summarize ? { mode: "summarize" as const } : {}),
  };
}

/**
 * Puts the question on the queue and tells the asker what became of it where that needs saying (`tell` must
 * not throw). A platform retry is a duplicate; an unreachable queue is said, never hidden: at once, or, when
 * the queue holds the question in an outbox, only if it never gets on the queue.
 */
export async function enqueueQuestion(
  inbound: InboundQuestion,
  dependencies: InboundAskDependencies,
  tell: (notice: string) => Promise<void>,
): Promise<AskOutcome> {
  const { log } = dependencies;
  const platform = inbound.target.platform;
  const request = askRequest(inbound, dependencies.now());
  const language = () => interfaceLanguage(inbound.question, inbound.locale);
  let outcome: AskOutcome;
  try {
    const { enqueued, held } = await dependencies.questions.ask(request, async () => {
      await tell(askNotice("queue_failed", language) ?? "");
    });
    log(held ? `${platform}_question_held` : `${platform}_question_queued`, {
      jobId: request.jobId,
      platform,
      channel: inbound.target.channelId,
      enqueued,
      // The ack: from the question reaching the adapter to it being on the queue (or held by the outbox).
      ackMs: dependencies.now() - (inbound.receivedAt ?? request.requestedAt),
    });
    outcome = enqueued ? "enqueued" : "duplicate";
  } catch (error) {
    log(`${platform}_queue_failed`, { jobId: request.jobId, error: errorText(error) });
    outcome = "queue_failed";
  }
  const notice = askNotice(outcome, language);
  if (notice) await tell(notice);
  return outcome;
}
