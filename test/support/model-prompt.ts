import type { ChatRequestBody, FakeReply } from "./fake-openai.ts";

export type ContentReply = Extract<FakeReply, { kind: "content" }>;

/** A passage as the fake model read it in the prompt. */
export interface PromptPassage {
  id: string;
  title: string;
  language: string;
  text: string;
}

const PASSAGE = /<passage id="(P\d+)" title="([^"]*)"[^>]*language="([^"]*)">\n([\s\S]*?)\n<\/passage>/gu;

/** The passages the prompt gave the model, as the model sees them (angle brackets defused). */
export function promptPassages(request: ChatRequestBody): PromptPassage[] {
  const user = request.messages.find((message) => message.role === "user")?.content ?? "";
  return [...user.matchAll(PASSAGE)].map((match) => ({
    id: match[1] ?? "",
    title: match[2] ?? "",
    language: match[3] ?? "",
    text: match[4] ?? "",
  }));
}

/** The first passage whose text matches, for a test model that answers from what it was given. */
export function passageWith(request: ChatRequestBody, pattern: RegExp): PromptPassage | undefined {
  return promptPassages(request).find((passage) => pattern.test(passage.text));
}

/** A verbatim run of the passage: the words from the first match of `pattern` on, `words` of them. */
export function quoteFrom(passage: PromptPassage, pattern: RegExp, words = 10): string {
  const start = passage.text.search(pattern);
  return passage.text
    .slice(Math.max(0, start))
    .split(/\s+/u)
    .slice(0, words)
    .join(" ")
    .replace(/[.,;:]$/u, "");
}

export interface ReplyBullet {
  text: string;
  citations: Array<{ passage: string; quote: string }>;
}

/** The model's JSON reply as the fake streams it: in small chunks, with usage reported. */
export function jsonReply(
  bullets: ReplyBullet[],
  options: { answerable?: boolean; chunkSize?: number; chunkDelayMs?: number; tokens?: number } = {},
): ContentReply {
  const content = JSON.stringify({ answerable: options.answerable ?? true, bullets });
  return {
    kind: "content",
    content,
    chunkSize: options.chunkSize ?? 24,
    chunkDelayMs: options.chunkDelayMs ?? 0,
    usage: { prompt_tokens: options.tokens ?? 1_200, completion_tokens: Math.ceil(content.length / 4) },
  };
}
