import type { DigestPost } from "../../core/chat.ts";
import { countOf, type InterfaceLanguage, message } from "../../core/i18n/messages.ts";
import { storyFacts } from "../../core/made-by.ts";
import { citationMarker, sourceLine, sourceTitle } from "../../core/source-line.ts";
import type { Source } from "../../core/types.ts";
import { bulletLine, discordLink, discordSourceFacts, sourceUrls } from "./cited-text.ts";
import { chunkLines, groupIntoMessages } from "./fit-limits.ts";
import { DISCORD_LIMITS } from "./limits.ts";
import { type DiscordEmbed, type DiscordMessagePayload, NO_MENTIONS } from "./payload.ts";
import { renderDiscordText } from "./render-answer.ts";
import { escapeMarkdown, linkableUrl, safeText } from "./safe-text.ts";

const ACCENT_COLOR = 0x10b981;
const TITLE_LENGTH = 120;
const FACT_LENGTH = 60;

function discordSourceLine(source: Source): string {
  return sourceLine({
    marker: escapeMarkdown(citationMarker(source.n)),
    facts: discordSourceFacts(source, FACT_LENGTH),
    title: discordLink(safeText(sourceTitle(source), TITLE_LENGTH), linkableUrl(source.url)),
  });
}

function storyEmbeds(
  story: DigestPost["digest"]["stories"][number],
  index: number,
  language: InterfaceLanguage = "en",
): DiscordEmbed[] {
  const urls = sourceUrls(story.sources);
  const facts = storyFacts(story, (text) => safeText(text, FACT_LENGTH * 2), language);
  const lines = [
    `*${facts}*`,
    ...story.summary.map((sentence) => bulletLine(sentence, urls)),
    "",
    ...story.sources.map(discordSourceLine),
  ];
  return chunkLines(lines, DISCORD_LIMITS.embedDescription).map((description, part) =>
    part === 0
      ? {
          title: safeText(`${index + 1}. ${story.headline}`, DISCORD_LIMITS.embedTitle),
          description,
          color: ACCENT_COLOR,
        }
      : { description, color: ACCENT_COLOR },
  );
}

/** A digest as Discord messages: a header line, then one embed per story, split within Discord's limits. */
export function renderDiscordDigest(post: DigestPost): DiscordMessagePayload[] {
  const { digest } = post;
  const language = post.language ?? "en";
  if (digest.stories.length === 0)
    return renderDiscordText(post.notice ?? message(language, "noNewArticles"));
  const since = post.since ? ` ${message(language, "since", post.since)}` : "";
  const counts = message(
    language,
    "digestSummary",
    countOf(language, digest.stories.length, "story"),
    countOf(language, digest.articleCount, "newArticle"),
  );
  const header = [`${post.title}: ${counts}${since}`, post.note ? `*${post.note}*` : ""]
    .filter(Boolean)
    .join("\n");
  const messages = groupIntoMessages(
    digest.stories.flatMap((story, index) => storyEmbeds(story, index, language)),
  );
  return messages.map((embeds, index) => ({
    ...(index === 0 ? { content: safeText(header, DISCORD_LIMITS.content) } : {}),
    embeds,
    allowed_mentions: NO_MENTIONS,
  }));
}
