import type { ConversationMemory } from "../chat.ts";

/** Thread memory in one process: for unit tests of the adapters and flows. */
export class MemoryConversationMemory implements ConversationMemory {
  readonly questions = new Map<string, string>();

  async lastQuestion(threadKey: string): Promise<string | undefined> {
    return this.questions.get(threadKey);
  }

  async remember(threadKey: string, question: string): Promise<void> {
    this.questions.set(threadKey, question);
  }
}
