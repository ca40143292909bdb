import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { AskRequest, QuestionQueue } from "../core/chat.ts";
import { BriefingError } from "../core/errors.ts";
import { askRequestSchema } from "./ask-job-schema.ts";
import { openQueue } from "./producer-queue.ts";
import { ASK_QUEUE } from "./queue-names.ts";
import { ASK_JOB_OPTIONS } from "./retry-policy.ts";

/** The adapters' side of the shared queue: one job per question, its id from the platform's event id. */
export class BullQuestionQueue implements QuestionQueue {
  readonly #queue: Queue;

  constructor(connection: Redis, namespace: string) {
    this.#queue = openQueue(ASK_QUEUE, connection, namespace);
  }

  async ask(request: AskRequest): Promise<{ enqueued: boolean }> {
    const data = askRequestSchema.parse(request);
    try {
      await this.#queue.add("ask", data, { ...ASK_JOB_OPTIONS, jobId: data.jobId });
      // A duplicate id leaves the first job in place: it is ours only if it carries our timestamp.
      const stored = await this.#queue.getJob(data.jobId);
      return { enqueued: stored === undefined || stored.data.requestedAt === data.requestedAt };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new BriefingError("QUEUE_UNAVAILABLE", `Could not queue the question: ${reason}`, {
        cause: error,
      });
    }
  }

  /** Jobs by state, for status output and tests. */
  async counts(): Promise<{
    waiting: number;
    active: number;
    completed: number;
    failed: number;
    delayed: number;
  }> {
    const counts = await this.#queue.getJobCounts("waiting", "active", "completed", "failed", "delayed");
    return {
      waiting: counts.waiting ?? 0,
      active: counts.active ?? 0,
      completed: counts.completed ?? 0,
      failed: counts.failed ?? 0,
      delayed: counts.delayed ?? 0,
    };
  }

  async close(): Promise<void> {
    await this.#queue.close();
  }
}
