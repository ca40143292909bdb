import { madeByLines } from "../../core/made-by.ts";
import { citationMarker, citedSentence } from "../../core/source-line.ts";
import type { Answer, Source } from "../../core/types.ts";
import { context, DIVIDER, type SlackMessage, section } from "./blocks.ts";
import { bulletLine, slackSourceFacts, slackSourceTitle, sourceUrls } from "./cited-text.ts";
import { feedbackButtons } from "./feedback-buttons.ts";
import { SLACK_LIMITS } from "./limits.ts";
import { packMessages, type RenderedBlock, sectionsOfLines } from "./pack-messages.ts";
import { escapeWithin, safeLine } from "./slack-text.ts";

const QUESTION_LENGTH = 300;
const TITLE_LENGTH = 150;
const QUOTE_LENGTH = 200;
const FACT_LENGTH = 60;
const NO_ANSWER = "The articles don't answer this.";

/** One source as a list entry: its marker, facts and linked title, then a short quote of the passage. */
export function sourceEntry(source: Source): string {
  const facts = slackSourceFacts(source, FACT_LENGTH);
  const heading = [
    `*${citationMarker(source.n)}*`,
    facts.join(" · "),
    facts.length > 0 ? "—" : "",
    slackSourceTitle(source, TITLE_LENGTH),
  ]
    .filter(Boolean)
    .join(" ");
  return `${heading}\n> “${safeLine(source.quote ?? source.passage, QUOTE_LENGTH) || "…"}”`;
}

/** A message with no blocks beyond its text: for no_evidence answers and notices. */
export function renderSlackText(text: string): SlackMessage {
  const shown = text.trim() || NO_ANSWER;
  return {
    text: escapeWithin(shown, SLACK_LIMITS.fallbackText),
    blocks: [section(escapeWithin(shown, SLACK_LIMITS.sectionText))],
  };
}

/** How the answer was made, when a model wrote it or could not: a grey line under the bullets. */
function answerFootnotes(answer: Answer): RenderedBlock[] {
  const lines = madeByLines(answer);
  return lines.map((line) => ({
    block: context(escapeWithin(line, SLACK_LIMITS.sectionText)),
    fallback: line,
  }));
}

/** The placeholder of a slow answer: one line of progress in grey, edited as the work goes on. */
export function renderSlackProgress(text: string): SlackMessage {
  return {
    text: escapeWithin(text, SLACK_LIMITS.fallbackText),
    blocks: [context(escapeWithin(text, SLACK_LIMITS.sectionText))],
  };
}

/**
 * An answer as Slack messages: the question, the bullets with `[n]` markers (linked to the article when it has
 * a URL), then a compact source list with a short quote of each passage, spread over as many messages as
 * Slack's limits need, the last with 👍/👎 buttons carrying `jobId` when given. All article text is escaped,
 * so nothing in it can ping or link.
 */
export function renderSlackAnswer(answer: Answer, jobId?: string): SlackMessage[] {
  const buttons = jobId === undefined ? undefined : feedbackButtons(jobId);
  if (answer.status === "no_evidence" || answer.bullets.length === 0) {
    const text = [answer.message ?? NO_ANSWER, answer.note].filter(Boolean).join("\n");
    const message = renderSlackText(text);
    return [buttons ? { ...message, blocks: [...message.blocks, buttons] } : message];
  }
  const urls = sourceUrls(answer.sources);
  const question: RenderedBlock = {
    block: context(`*Question:* ${safeLine(answer.question, QUESTION_LENGTH)}`),
    fallback: answer.question,
  };
  const bullets = answer.bullets.map((bullet) => ({
    text: bulletLine(bullet, urls),
    fallback: `• ${citedSentence(bullet.text, bullet.citations)}`,
  }));
  const sources = answer.sources.map((source) => ({
    text: sourceEntry(source),
    fallback: `${citationMarker(source.n)} ${source.title}`,
  }));
  return packMessages([
    question,
    ...sectionsOfLines(bullets, SLACK_LIMITS.sectionText),
    ...answerFootnotes(answer),
    { block: DIVIDER, fallback: "" },
    ...sectionsOfLines([{ text: "*Sources*", fallback: "" }, ...sources], SLACK_LIMITS.sectionText),
    ...(buttons ? [{ block: buttons, fallback: "" }] : []),
  ]);
}
