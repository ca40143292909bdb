import { type Job, UnrecoverableError } from "bullmq";
import { BriefingError, isBriefingError } from "../core/errors.ts";
import { ASK_ATTEMPTS } from "./retry-policy.ts";

function asBriefingError(error: unknown): BriefingError {
  if (isBriefingError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BriefingError("INTERNAL", message, { cause: error });
}

export interface JobRunner {
  /** The event logged for each failed attempt. */
  failedEvent: string;
  jobId: string;
  run(): Promise<void>;
  /** Called once when the job will not be retried any more. */
  giveUp(error: BriefingError): Promise<void>;
  log(event: string, fields: Record<string, unknown>): void;
}

/**
 * The queue's one retry layer: a retryable failure is thrown back to BullMQ (which waits as the retry policy
 * says); a permanent one, or the last attempt, gives up once and stops the job from being retried.
 */
export async function runWithRetries(job: Job, runner: JobRunner): Promise<void> {
  try {
    await runner.run();
  } catch (raw) {
    const error = asBriefingError(raw);
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? ASK_ATTEMPTS);
    runner.log(runner.failedEvent, {
      jobId: runner.jobId,
      attempt: job.attemptsMade + 1,
      code: error.code,
      error: error.message,
    });
    if (!error.retryable || lastAttempt) {
      await runner.giveUp(error);
      throw new UnrecoverableError(`${error.code}: ${error.message}`);
    }
    throw error;
  }
}
