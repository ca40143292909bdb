import type { DigestPost } from "../../core/chat.ts";
import { storySummaryBy } from "../../core/made-by.ts";
import { plural } from "../../core/plural.ts";
import type { Source } from "../../core/types.ts";
import { context, DIVIDER, type SlackMessage, section } from "./blocks.ts";
import { SLACK_LIMITS } from "./limits.ts";
import { packMessages, type RenderedBlock, sectionsOfLines } from "./pack-messages.ts";
import { bulletLine, renderSlackText, type SourceUrls } from "./render-answer.ts";
import { escapeWithin, safeLine, slackLinkUrl } from "./slack-text.ts";

const HEADLINE_LENGTH = 200;
const TITLE_LENGTH = 120;
const FACT_LENGTH = 60;

function sourceLine(source: Source): string {
  const facts = [source.source, source.published, source.language === "und" ? null : source.language]
    .filter((fact): fact is string => Boolean(fact))
    .map((fact) => safeLine(fact, FACT_LENGTH));
  const title = safeLine(source.title, TITLE_LENGTH) || safeLine(source.articleId, TITLE_LENGTH);
  const url = slackLinkUrl(source.url);
  return [`[${source.n}]`, ...facts, "—", url ? `<${url}|${title}>` : title].join(" ");
}

function headerBlock(post: DigestPost): RenderedBlock {
  const { digest } = post;
  const since = post.since ? ` since ${safeLine(post.since, 80)}` : "";
  const summary = `${plural(digest.stories.length, "story")} from ${plural(digest.articleCount, "new article")}${since}`;
  return {
    block: section(`*${safeLine(post.title, TITLE_LENGTH)}* · ${summary}`),
    fallback: `${post.title}: ${summary}`,
  };
}

/**
 * A digest as Slack messages: a header, then each story: its headline, how many sources in which languages,
 * the summary sentences with `[n]` markers, and the story's compact source list; split over as many messages
 * as Slack's limits need. All article text is escaped.
 */
export function renderSlackDigest(post: DigestPost): SlackMessage[] {
  if (post.digest.stories.length === 0) return [renderSlackText(post.notice ?? "No new articles.")];
  const blocks: RenderedBlock[] = [headerBlock(post)];
  if (post.note)
    blocks.push({ block: context(escapeWithin(post.note, SLACK_LIMITS.sectionText)), fallback: post.note });
  post.digest.stories.forEach((story, index) => {
    const urls: SourceUrls = new Map(story.sources.map((source) => [source.n, slackLinkUrl(source.url)]));
    const languages = story.languages.filter((language) => language !== "und").join(", ");
    const facts = [
      plural(story.sourceCount, "source"),
      languages,
      safeLine(storySummaryBy(story.model), FACT_LENGTH * 2),
    ]
      .filter(Boolean)
      .join(" · ");
    blocks.push(
      { block: DIVIDER, fallback: "" },
      {
        block: section(`*${index + 1}. ${safeLine(story.headline, HEADLINE_LENGTH)}*\n_${facts}_`),
        fallback: `${index + 1}. ${story.headline}`,
      },
      ...sectionsOfLines(
        story.summary.map((sentence) => ({
          text: bulletLine(sentence, urls),
          fallback: `• ${sentence.text}`,
        })),
        SLACK_LIMITS.sectionText,
      ),
      ...sectionsOfLines(
        story.sources.map((source) => ({ text: sourceLine(source), fallback: "" })),
        SLACK_LIMITS.sectionText,
      ).map((rendered) => ({
        ...rendered,
        block: context(rendered.block.type === "section" ? rendered.block.text.text : ""),
      })),
    );
  });
  return packMessages(blocks);
}
