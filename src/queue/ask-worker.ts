import { UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { AskRequest } from "../core/chat.ts";
import { BriefingError, isBriefingError } from "../core/errors.ts";
import { askRequestSchema } from "./ask-job-schema.ts";
import { ASK_QUEUE, queuePrefix } from "./queue-names.ts";
import { ASK_ATTEMPTS, retryDelay } from "./retry-policy.ts";

export interface AskWorkerOptions {
  connection: Redis;
  namespace: string;
  concurrency?: number;
  /** How long a job stays locked without a heartbeat before another worker may take it (crash recovery). */
  lockDurationMs?: number;
  answer(request: AskRequest): Promise<void>;
  /** Called once when a job will not be retried any more: tell the asker. */
  giveUp(request: AskRequest, error: BriefingError): Promise<void>;
  log(event: string, fields: Record<string, unknown>): void;
}

function asBriefingError(error: unknown): BriefingError {
  if (isBriefingError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BriefingError("INTERNAL", message, { cause: error });
}

/** Workers take questions from the shared queue; any number of them, on any number of machines. */
export function startAskWorker(options: AskWorkerOptions): Worker {
  const worker = new Worker(
    ASK_QUEUE,
    async (job) => {
      const request = askRequestSchema.parse(job.data);
      try {
        await options.answer(request);
      } catch (raw) {
        const error = asBriefingError(raw);
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? ASK_ATTEMPTS);
        options.log("job_failed", {
          jobId: job.id,
          attempt: job.attemptsMade + 1,
          code: error.code,
          error: error.message,
        });
        if (!error.retryable || lastAttempt) {
          await options.giveUp(request, error);
          throw new UnrecoverableError(`${error.code}: ${error.message}`);
        }
        throw error;
      }
    },
    {
      connection: options.connection,
      prefix: queuePrefix(options.namespace),
      concurrency: options.concurrency ?? 4,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: Math.max(1_000, Math.floor((options.lockDurationMs ?? 30_000) / 2)),
      maxStalledCount: 3,
      settings: { backoffStrategy: (attemptsMade, _type, error) => retryDelay(attemptsMade, error) },
    },
  );
  worker.on("error", (error) => options.log("worker_error", { error: error.message }));
  return worker;
}
