import { type ConversationMemory, type ConversationTurns, MAX_REMEMBERED_TURNS } from "../chat.ts";

/** Thread memory in one process: for unit tests of the adapters and flows. */
export class MemoryConversationMemory implements ConversationMemory {
  readonly threads = new Map<string, ConversationTurns>();

  async turns(threadKey: string): Promise<ConversationTurns | undefined> {
    const turns = this.threads.get(threadKey);
    return turns ? { questions: [...turns.questions], lastAt: turns.lastAt } : undefined;
  }

  async remember(threadKey: string, question: string, at: number): Promise<void> {
    const questions = [...(this.threads.get(threadKey)?.questions ?? []), question].slice(
      -MAX_REMEMBERED_TURNS,
    );
    this.threads.set(threadKey, { questions, lastAt: at });
  }
}
