import type { AskRequest, ConversationMemory, QuestionQueue } from "../../../src/core/chat.ts";
import { BriefingError } from "../../../src/core/errors.ts";

/** The queue port in memory: records every call, keeps one request per job id, can be made unreachable. */
export class MemoryQuestionQueue implements QuestionQueue {
  /** Every call, duplicates included. */
  readonly asked: AskRequest[] = [];
  /** One per job id, as the real queue keeps them. */
  readonly jobs = new Map<string, AskRequest>();
  unreachable = false;

  async ask(request: AskRequest): Promise<{ enqueued: boolean }> {
    this.asked.push(request);
    if (this.unreachable) {
      throw new BriefingError("QUEUE_UNAVAILABLE", "Could not queue the question: connect ECONNREFUSED");
    }
    if (this.jobs.has(request.jobId)) return { enqueued: false };
    this.jobs.set(request.jobId, request);
    return { enqueued: true };
  }
}

export class MemoryConversationMemory implements ConversationMemory {
  readonly questions = new Map<string, string>();

  async lastQuestion(threadKey: string): Promise<string | undefined> {
    return this.questions.get(threadKey);
  }

  async remember(threadKey: string, question: string): Promise<void> {
    this.questions.set(threadKey, question);
  }
}

/** Polls until `condition` holds; fails the test after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((wake) => setTimeout(wake, 10));
  }
}
