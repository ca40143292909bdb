import type { DigestPost } from "../../core/chat.ts";
import { countOf, message } from "../../core/i18n/messages.ts";
import { storyFacts } from "../../core/made-by.ts";
import { citationMarker, sourceLine } from "../../core/source-line.ts";
import type { Source } from "../../core/types.ts";
import { context, DIVIDER, type SlackMessage, section } from "./blocks.ts";
import { bulletLine, slackSourceFacts, slackSourceTitle, sourceUrls } from "./cited-text.ts";
import { SLACK_LIMITS } from "./limits.ts";
import { packMessages, type RenderedBlock, sectionsOfLines } from "./pack-messages.ts";
import { renderSlackText } from "./render-answer.ts";
import { escapeWithin, safeLine } from "./slack-text.ts";

const HEADLINE_LENGTH = 200;
const TITLE_LENGTH = 120;
const FACT_LENGTH = 60;

function slackSourceLine(source: Source): string {
  return sourceLine({
    marker: citationMarker(source.n),
    facts: slackSourceFacts(source, FACT_LENGTH),
    title: slackSourceTitle(source, TITLE_LENGTH),
  });
}

function headerBlock(post: DigestPost): RenderedBlock {
  const { digest } = post;
  const language = post.language ?? "en";
  const since = post.since ? ` ${message(language, "since", safeLine(post.since, 80))}` : "";
  const counts = message(
    language,
    "digestSummary",
    countOf(language, digest.stories.length, "story"),
    countOf(language, digest.articleCount, "newArticle"),
  );
  const summary = `${counts}${since}`;
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
  if (post.digest.stories.length === 0)
    return [renderSlackText(post.notice ?? message(post.language ?? "en", "noNewArticles"))];
  const blocks: RenderedBlock[] = [headerBlock(post)];
  if (post.note)
    blocks.push({ block: context(escapeWithin(post.note, SLACK_LIMITS.sectionText)), fallback: post.note });
  post.digest.stories.forEach((story, index) => {
    const urls = sourceUrls(story.sources);
    const facts = storyFacts(story, (text) => safeLine(text, FACT_LENGTH * 2), post.language);
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
        story.sources.map((source) => ({ text: slackSourceLine(source), fallback: "" })),
        SLACK_LIMITS.sectionText,
      ).map((rendered) => ({
        ...rendered,
        block: context(rendered.block.type === "section" ? rendered.block.text.text : ""),
      })),
    );
  });
  return packMessages(blocks);
}
