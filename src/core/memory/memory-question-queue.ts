import type { AskRequest, QuestionQueue } from "../chat.ts";
import { BriefingError } from "../errors.ts";

/** The queue port in one process: records every call, keeps one request per job id, can be made unreachable. */
export class MemoryQuestionQueue implements QuestionQueue {
  /** Every call, duplicates included. */
  readonly asked: AskRequest[] = [];
  /** One per job id, in arrival order, as the real queue keeps them. */
  readonly jobs = new Map<string, AskRequest>();
  /** When each kept request arrived, for ordering checks against a fake platform's calls. */
  readonly arrivals: number[] = [];
  unreachable = false;

  /** The kept requests, in arrival order. */
  get requests(): AskRequest[] {
    return [...this.jobs.values()];
  }

  async ask(request: AskRequest): Promise<{ enqueued: boolean }> {
    this.asked.push(request);
    if (this.unreachable) {
      throw new BriefingError("QUEUE_UNAVAILABLE", "Could not queue the question: connect ECONNREFUSED");
    }
    if (this.jobs.has(request.jobId)) return { enqueued: false };
    this.jobs.set(request.jobId, request);
    this.arrivals.push(Date.now());
    return { enqueued: true };
  }
}
