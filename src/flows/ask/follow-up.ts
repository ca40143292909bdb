/** "and what about …", "en wat over …", "et pour …": a question that leans on the previous one. */
const FOLLOW_UP =
  /^(?:and|but|also|what about|how about|and what|en|maar|ook|wat dan met|hoe zit het met|et|mais|aussi|qu['’]en est-il|et pour)\b/iu;

const MAX_WORDS_ALONE = 4;

/** Whether a question leans on the conversation before it: it reads as a follow-up, or is very short. */
export function leansOnPrevious(question: string): boolean {
  const short = question.split(/\s+/u).filter(Boolean).length <= MAX_WORDS_ALONE;
  return FOLLOW_UP.test(question.trim()) || short;
}

/** The question to answer: a follow-up, or a very short question, is read together with the previous one. */
export function questionInContext(question: string, previousQuestion: string | undefined): string {
  if (!previousQuestion) return question;
  return leansOnPrevious(question) ? `${question} (${previousQuestion})` : question;
}

/** Longest context carried from a thread's earlier questions. */
const MAX_CONTEXT_CHARACTERS = 400;

/**
 * The earlier questions of a thread (oldest first) as the context of the next one: the latest question, read
 * with those before it when it leaned on them ("and in 2014?" after "What did Trend Micro sign?").
 */
export function contextOfTurns(questions: readonly string[]): string | undefined {
  let context: string | undefined;
  for (const question of questions) context = questionInContext(question, context);
  return context === undefined || context.length <= MAX_CONTEXT_CHARACTERS
    ? context
    : context.slice(0, MAX_CONTEXT_CHARACTERS);
}

/** FOLLOW_UP_IDLE_MINUTES' default: how long after a conversation's last question a reply is still a follow-up. */
export const DEFAULT_FOLLOW_UP_IDLE_MS = 60 * 60_000;
