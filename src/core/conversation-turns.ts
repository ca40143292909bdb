import {
  type ConversationTurn,
  type ConversationTurns,
  MAX_REMEMBERED_TURNS,
  type TurnAnswer,
} from "./chat.ts";

/** Turns as the memories hand them out: the questions alone too, for what reads only those. */
export function conversationTurns(turns: readonly ConversationTurn[], lastAt: number): ConversationTurns {
  return { questions: turns.map((turn) => turn.question), turns: [...turns], lastAt };
}

/** The thread's turns with a new question as the latest, keeping the last MAX_REMEMBERED_TURNS. */
export function withQuestion(
  earlier: ConversationTurns | undefined,
  question: string,
  at: number,
): ConversationTurns {
  return conversationTurns([...(earlier?.turns ?? []), { question }].slice(-MAX_REMEMBERED_TURNS), at);
}

/** The turns with `answer` on the latest unanswered turn asking `question`; undefined when there is none. */
export function withAnswer(
  earlier: ConversationTurns | undefined,
  question: string,
  answer: TurnAnswer,
): ConversationTurns | undefined {
  if (!earlier) return undefined;
  const index = earlier.turns.findLastIndex((turn) => turn.question === question && !turn.answer);
  if (index < 0) return undefined;
  const turns = earlier.turns.map((turn, at) => (at === index ? { question, answer } : turn));
  return conversationTurns(turns, earlier.lastAt);
}

/** What the thread's latest answered turn rested on: what a follow-up leans on. */
export function latestAnswer(turns: ConversationTurns | undefined): TurnAnswer | undefined {
  return turns?.turns.findLast((turn) => turn.answer !== undefined)?.answer;
}
