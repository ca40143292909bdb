import type { AskRequest, ConversationMemory } from "../../core/chat.ts";
import { conversationKeyOf } from "../../core/conversation-key.ts";
import { latestAnswer } from "../../core/conversation-turns.ts";
import type { Log } from "../../core/log.ts";
import type { Answer } from "../../core/types.ts";
import { leansOnPrevious } from "./follow-up.ts";

/**
 * The articles a follow-up leans on: those the conversation's latest answered turn cited, when the adapter
 * read the question as part of a fresh conversation (it gave the earlier questions) and the question leans on
 * them. Empty otherwise, or when the memory cannot be read (logged: the question is answered all the same).
 */
export async function earlierAnswerArticles(
  request: AskRequest,
  memory: ConversationMemory | undefined,
  log: Log,
): Promise<string[]> {
  const key = conversationKeyOf(request.target);
  if (!memory || key === undefined || request.mode === "summarize") return [];
  if (!request.previousQuestion || !leansOnPrevious(request.question)) return [];
  try {
    return latestAnswer(await memory.turns(key))?.articleIds ?? [];
  } catch (error) {
    log("conversation_memory_failed", { jobId: request.jobId, error: String(error) });
    return [];
  }
}

/** Records, on the conversation's turn, which articles the answer cited; a failure is logged, never thrown. */
export async function rememberAnswerArticles(
  request: AskRequest,
  answer: Answer,
  memory: ConversationMemory | undefined,
  log: Log,
): Promise<void> {
  const key = conversationKeyOf(request.target);
  if (!memory || key === undefined || request.mode === "summarize") return;
  const articleIds = [...new Set(answer.sources.map((source) => source.articleId))];
  if (answer.status !== "answered" || articleIds.length === 0) return;
  try {
    await memory.rememberAnswer(key, request.question, { articleIds });
  } catch (error) {
    log("conversation_memory_failed", { jobId: request.jobId, error: String(error) });
  }
}
