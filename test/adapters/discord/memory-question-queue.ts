import type { AskRequest, QuestionQueue } from "../../../src/core/chat.ts";
import { BriefingError } from "../../../src/core/errors.ts";

/** The queue port in memory: remembers every request, refuses a repeated job id, can be made unreachable. */
export class MemoryQuestionQueue implements QuestionQueue {
  readonly requests: AskRequest[] = [];
  /** When each request arrived, for ordering checks against the fake platform's calls. */
  readonly arrivals: number[] = [];
  unreachable = false;

  async ask(request: AskRequest): Promise<{ enqueued: boolean }> {
    if (this.unreachable)
      throw new BriefingError("QUEUE_UNAVAILABLE", "Could not queue the question: connection refused");
    if (this.requests.some((earlier) => earlier.jobId === request.jobId)) return { enqueued: false };
    this.requests.push(request);
    this.arrivals.push(Date.now());
    return { enqueued: true };
  }
}
