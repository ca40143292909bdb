import type { ConversationMemory, ConversationTurns, TurnAnswer } from "../chat.ts";
import { conversationTurns, withAnswer, withQuestion } from "../conversation-turns.ts";

/** Thread memory in one process: for unit tests of the adapters and flows. */
export class MemoryConversationMemory implements ConversationMemory {
  readonly threads = new Map<string, ConversationTurns>();

  async turns(threadKey: string): Promise<ConversationTurns | undefined> {
    const turns = this.threads.get(threadKey);
    return turns ? conversationTurns(turns.turns, turns.lastAt) : undefined;
  }

  async remember(threadKey: string, question: string, at: number): Promise<void> {
    this.threads.set(threadKey, withQuestion(this.threads.get(threadKey), question, at));
  }

  async rememberAnswer(threadKey: string, question: string, answer: TurnAnswer): Promise<void> {
    const answered = withAnswer(this.threads.get(threadKey), question, answer);
    if (answered) this.threads.set(threadKey, answered);
  }
}
