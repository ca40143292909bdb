import { type Job, UnrecoverableError } from "bullmq";
import { z } from "zod";
import { BriefingError, isBriefingError } from "../core/errors.ts";
import { ASK_ATTEMPTS } from "./retry-policy.ts";

/** Anything else thrown is INTERNAL: its text is kept for the log, and the asker is told the code's text only. */
function asBriefingError(error: unknown): BriefingError {
  if (isBriefingError(error)) return error;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new BriefingError("INTERNAL", message, { cause: error });
}

export interface JobRunner {
  /** The event logged for each failed attempt. */
  failedEvent: string;
  jobId: string;
  /** Said with each failure besides the job id and queue (the ask queue: the question's platform and channel). */
  fields?: Record<string, unknown>;
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
    const givingUp = !error.retryable || lastAttempt;
    runner.log(runner.failedEvent, {
      ...runner.fields,
      jobId: runner.jobId,
      queue: job.queueName,
      attempt: job.attemptsMade + 1,
      code: error.code,
      error: error.detailedMessage(),
      retrying: !givingUp,
      ...(isBriefingError(raw) ? {} : { stack: raw instanceof Error ? raw.stack : undefined }),
    });
    if (!givingUp) throw error;
    await runner.giveUp(error).catch((failure: unknown) => {
      runner.log("give_up_failed", { jobId: runner.jobId, code: error.code, error: String(failure) });
    });
    throw new UnrecoverableError(`${error.code}: ${error.message}`);
  }
}

/** Job data that does not read back as a job: logged, and failed for good (there is no one to tell). */
export function readJobData<T>(job: Job, failedEvent: string, log: JobRunner["log"], read: () => T): T {
  try {
    return read();
  } catch (cause) {
    const reason =
      cause instanceof z.ZodError
        ? z.prettifyError(cause)
        : cause instanceof Error
          ? cause.message
          : String(cause);
    const error = new BriefingError("STORE_CORRUPT", `The job's data has an unexpected shape: ${reason}`, {
      location: job.id,
      cause,
    });
    log(failedEvent, {
      jobId: job.id,
      queue: job.queueName,
      attempt: job.attemptsMade + 1,
      code: error.code,
      error: error.detailedMessage(),
      retrying: false,
    });
    throw new UnrecoverableError(`${error.code}: ${error.message}`);
  }
}
