import { madeByLines } from "../../core/made-by.ts";
import { sourceLabel } from "../../core/source-line.ts";
import type { Answer, Source } from "../../core/types.ts";
import { bulletLine, discordLink, discordSourceFacts, sourceUrls } from "./cited-text.ts";
import { withFeedbackRow } from "./feedback-buttons.ts";
import { chunkLines, embedsForFields, groupIntoMessages, splitText } from "./fit-limits.ts";
import { DISCORD_LIMITS } from "./limits.ts";
import {
  type DiscordEmbed,
  type DiscordEmbedField,
  type DiscordMessagePayload,
  NO_MENTIONS,
} from "./payload.ts";
import { escapeMarkdown, linkableUrl, neutralizeMentions, safeText } from "./safe-text.ts";

const ACCENT_COLOR = 0x3b82f6;
const QUOTE_LENGTH = 240;
const PUBLISHER_LENGTH = 100;
const NO_ANSWER = "The articles don't answer this.";

/** How the answer was made, when a model wrote it or could not: shown in italics under the bullets. */
function footnotes(answer: Answer): string[] {
  return madeByLines(answer).map((line) => `*${safeText(line, DISCORD_LIMITS.embedDescription - 2)}*`);
}

function answerEmbeds(answer: Answer): DiscordEmbed[] {
  const urls = sourceUrls(answer.sources);
  const lines = [...answer.bullets.map((bullet) => bulletLine(bullet, urls)), ...footnotes(answer)];
  return chunkLines(lines, DISCORD_LIMITS.embedDescription).map((description, index) =>
    index === 0
      ? { title: safeText(answer.question, DISCORD_LIMITS.embedTitle), description, color: ACCENT_COLOR }
      : { description, color: ACCENT_COLOR },
  );
}

function sourceField(source: Source): DiscordEmbedField {
  const facts = discordSourceFacts(source, PUBLISHER_LENGTH).filter(Boolean);
  const url = linkableUrl(source.url);
  if (url) facts.push(discordLink("article", url));
  const quote = `“${safeText(source.quote ?? source.passage, QUOTE_LENGTH) || "…"}”`;
  return {
    name: safeText(sourceLabel(source), DISCORD_LIMITS.fieldName),
    value: facts.length > 0 ? `${facts.join(" · ")}\n${quote}` : quote,
  };
}

/** A plain message, split at spaces when it is longer than Discord allows. */
export function renderDiscordText(text: string): DiscordMessagePayload[] {
  const safe = neutralizeMentions(escapeMarkdown(text.trim()));
  return splitText(safe, DISCORD_LIMITS.content).map((content) => ({
    content,
    allowed_mentions: NO_MENTIONS,
  }));
}

/**
 * An answer as Discord messages: the bullets with their citation markers (linked to the article when it has
 * a URL), then a compact source list with a short quote of each passage; split over as many messages as the
 * limits need, the last with 👍/👎 buttons carrying `jobId` when given. Article text cannot format, link or ping.
 */
export function renderDiscordAnswer(answer: Answer, jobId?: string): DiscordMessagePayload[] {
  if (answer.status === "no_evidence" || answer.bullets.length === 0) {
    const text = [answer.message?.trim() || NO_ANSWER, answer.note].filter(Boolean).join("\n");
    return withFeedbackRow(renderDiscordText(text), jobId);
  }
  const sources = embedsForFields("Sources", answer.sources.map(sourceField), ACCENT_COLOR);
  const parts = groupIntoMessages([...answerEmbeds(answer), ...sources]).map((embeds) => ({
    embeds,
    allowed_mentions: NO_MENTIONS,
  }));
  return withFeedbackRow(parts, jobId);
}
