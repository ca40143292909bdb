import { type ErrorCode, isBriefingError } from "../../core/errors.ts";
import { type InterfaceLanguage, message } from "../../core/i18n/messages.ts";
import type { Log } from "../../core/log.ts";
import type { ModelUsage } from "../../core/ports.ts";
import type { Answer } from "../../core/types.ts";
import type { ModelAnswering } from "./model-answering.ts";
import { type FallbackReason, RETRYING_TEXT } from "./model-notes.ts";

export interface ModelCallContext {
  /** 1 for a job's first attempt; the CLI, which has no queue to retry, passes Infinity. */
  attempt: number;
  onProgress?: ((text: string) => void) | undefined;
  /** The answer made of the bullets verified so far, while a streaming model writes (see answerWithModel). */
  onAnswerSoFar?: ((answerSoFar: Answer) => void) | undefined;
  /** The asker's language, for the progress line of a retry (English without it). */
  language?: InterfaceLanguage | undefined;
}

/** A model that asks us to wait longer than this for a retry: the asker gets the extractive answer now. */
export const MAX_RETRY_WAIT_MS = 20_000;

const FALLBACK_REASONS: Partial<Record<ErrorCode, FallbackReason>> = {
  MODEL_REJECTED: "rejected",
  MODEL_OUTPUT_INVALID: "invalid",
};

/** What a model call is for, as the metrics count it. */
export type ModelCallKind = "answer" | "summarize" | "digest";

export type ModelCallOutcome<T> = { kind: "done"; value: T } | { kind: "fallback"; reason: FallbackReason };

async function spend(answering: ModelAnswering, log: Log, usage: ModelUsage): Promise<void> {
  await answering.budget?.spend(usage).catch((error: unknown) => {
    log("model_budget_not_recorded", { error: error instanceof Error ? error.message : String(error) });
  });
}

/**
 * One model call under the shared rules: not started when today's budget cannot cover it; its tokens counted;
 * a retryable model failure thrown while attempts remain (the queue is the one retry layer), any other model
 * failure, or the last attempt's, turned into a fallback with its reason (for the reader's note). Other errors propagate.
 */
export async function callModel<T>(
  answering: ModelAnswering,
  context: ModelCallContext,
  log: Log,
  call: () => Promise<{ value: T; usage: ModelUsage }>,
  kind: ModelCallKind = "answer",
): Promise<ModelCallOutcome<T>> {
  const fallback = (reason: FallbackReason): ModelCallOutcome<T> => {
    log("model_fell_back", { kind, reason });
    return { kind: "fallback", reason };
  };
  if (answering.budget) {
    const needed = answering.passageTokenBudget + answering.maxOutputTokens;
    // A budget that cannot be read (Redis briefly away) does not stop the answer; it is logged.
    const remaining = await answering.budget.remaining().catch((error: unknown) => {
      log("model_budget_not_read", { error: error instanceof Error ? error.message : String(error) });
      return Number.POSITIVE_INFINITY;
    });
    if (remaining < needed) {
      log("model_budget_spent", { needed });
      return fallback("budget");
    }
  }
  const started = performance.now();
  try {
    const { value, usage } = await call();
    log("model_called", {
      kind,
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
      durationMs: Math.round(performance.now() - started),
    });
    await spend(answering, log, usage);
    return { kind: "done", value };
  } catch (error) {
    if (!isBriefingError(error) || !error.code.startsWith("MODEL_")) throw error;
    // An unusable reply was still written, and paid for: counted at what a call may cost at most.
    if (error.code === "MODEL_OUTPUT_INVALID") {
      await spend(answering, log, {
        promptTokens: answering.passageTokenBudget,
        completionTokens: answering.maxOutputTokens,
      });
    }
    log("model_failed", {
      kind,
      attempt: context.attempt,
      code: error.code,
      error: error.message,
      durationMs: Math.round(performance.now() - started),
    });
    const longWait = (error.retryAfterMs ?? 0) > MAX_RETRY_WAIT_MS;
    if (error.retryable && !longWait && context.attempt < answering.attempts) {
      context.onProgress?.(context.language ? message(context.language, "modelRetrying") : RETRYING_TEXT);
      throw error;
    }
    return fallback(FALLBACK_REASONS[error.code] ?? "failed");
  }
}
