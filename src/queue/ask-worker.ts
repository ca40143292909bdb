import type { Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { AskRequest } from "../core/chat.ts";
import type { BriefingError } from "../core/errors.ts";
import { askRequestSchema } from "./ask-job-schema.ts";
import { ASK_QUEUE } from "./queue-names.ts";
import { readJobData, runWithRetries } from "./run-with-retries.ts";
import { startBriefbotWorker } from "./worker-options.ts";

export interface AskWorkerOptions {
  connection: Redis;
  namespace: string;
  concurrency?: number;
  /** How long a job stays locked without a heartbeat before another worker may take it (crash recovery). */
  lockDurationMs?: number;
  /** `attempt` is 1 on the first run of the job, 2 on its first retry, and so on. */
  answer(request: AskRequest, attempt: number): Promise<void>;
  /** Called once when a job will not be retried any more: tell the asker. */
  giveUp(request: AskRequest, error: BriefingError): Promise<void>;
  log(event: string, fields: Record<string, unknown>): void;
}

/** Workers take questions from the shared queue; any number of them, on any number of machines. */
export function startAskWorker(options: AskWorkerOptions): Worker {
  return startBriefbotWorker(
    ASK_QUEUE,
    async (job) => {
      const request = readJobData(job, "job_failed", options.log, () => askRequestSchema.parse(job.data));
      await runWithRetries(job, {
        failedEvent: "job_failed",
        jobId: job.id ?? request.jobId,
        fields: {
          platform: request.target.platform,
          channel: request.target.channelId,
          question: request.question,
        },
        run: () => options.answer(request, job.attemptsMade + 1),
        giveUp: (error) => options.giveUp(request, error),
        log: options.log,
      });
    },
    options,
    options.concurrency ?? 4,
  );
}
