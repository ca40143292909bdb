import { madeByLines } from "../../core/made-by.ts";
import { citationMarker } from "../../core/source-line.ts";
import type { Answer, AnswerBullet } from "../../core/types.ts";
import { context, DIVIDER, type SlackBlock } from "./blocks.ts";
import { feedbackButtons } from "./feedback-buttons.ts";
import { SLACK_LIMITS } from "./limits.ts";
import { sectionsOfLines } from "./pack-messages.ts";
import { sourceEntry } from "./render-answer.ts";
import { collapseWhitespace, escapeWithin } from "./slack-text.ts";

const ELLIPSIS = "…";
const NO_ANSWER = "The articles don't answer this.";
/** Room for one streamed chunk's text: well under Slack's 12,000 characters for markdown_text. */
const CHUNK_LENGTH = 3_000;

/**
 * An answer as Slack streams it: markdown chunks appended one by one (one per bullet, or the no-evidence
 * message), then the blocks chat.stopStream adds under them (how it was made, the sources, 👍/👎).
 */
export interface StreamedAnswer {
  chunks: string[];
  closing: SlackBlock[];
}

/**
 * Markdown's markup characters escaped with backslashes: article text shows as written, never as emphasis, a
 * link or a mention (`<@U…>`, `<!channel>`). Only the characters that can start markup inside a bullet line.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~&]/gu, (character) => `\\${character}`);
}

function markdownLine(raw: string, max: number): string {
  const line = collapseWhitespace(raw);
  const kept = line.length <= max ? line : `${line.slice(0, max - ELLIPSIS.length).trimEnd()}${ELLIPSIS}`;
  return escapeMarkdown(kept);
}

/** "[1]", linked to the article when it has an http(s) URL. */
function markdownMarker(n: number, url: string | undefined): string {
  const marker = escapeMarkdown(citationMarker(n));
  const href = url && /^https?:\/\/[^\s()<>]+$/u.test(url) ? url : undefined;
  return href ? `[${marker}](${href})` : marker;
}

function bulletChunk(bullet: AnswerBullet, urls: ReadonlyMap<number, string | undefined>): string {
  const markers = bullet.citations.map((n) => markdownMarker(n, urls.get(n))).join("");
  return `- ${markdownLine(bullet.text, CHUNK_LENGTH - markers.length - 4)}${markers ? ` ${markers}` : ""}\n`;
}

/** At most Slack's block count: the sources are cut first, the buttons always kept. */
function withinBlockLimit(head: SlackBlock[], sources: SlackBlock[], tail: SlackBlock[]): SlackBlock[] {
  const room = Math.max(0, SLACK_LIMITS.blocksPerMessage - head.length - tail.length);
  return [...head, ...sources.slice(0, room), ...tail];
}

export function renderStreamedAnswer(answer: Answer, jobId?: string): StreamedAnswer {
  const buttons = jobId === undefined ? undefined : feedbackButtons(jobId);
  const tail = buttons ? [buttons] : [];
  if (answer.status === "no_evidence" || answer.bullets.length === 0) {
    const text = [answer.message ?? NO_ANSWER, answer.note].filter(Boolean).join("\n");
    return { chunks: [`${markdownLine(text, CHUNK_LENGTH)}\n`], closing: tail };
  }
  const urls = new Map(answer.sources.map((source) => [source.n, source.url ?? undefined]));
  const footnotes = madeByLines(answer).map((line) => context(escapeWithin(line, SLACK_LIMITS.sectionText)));
  const sources = sectionsOfLines(
    [
      { text: "*Sources*", fallback: "" },
      ...answer.sources.map((source) => ({ text: sourceEntry(source), fallback: "" })),
    ],
    SLACK_LIMITS.sectionText,
  ).map((rendered) => rendered.block);
  return {
    chunks: answer.bullets.map((bullet) => bulletChunk(bullet, urls)),
    closing: withinBlockLimit([...footnotes, DIVIDER], sources, tail),
  };
}
