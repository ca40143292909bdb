import { countOf, type InterfaceLanguage, message } from "../../core/i18n/messages.ts";
import { type SlackMessage, section } from "./blocks.ts";
import { SLACK_LIMITS } from "./limits.ts";
import { escapeSlack } from "./slack-text.ts";

export const DEFAULT_COMMAND = "/brief";

/** How to use the bot: the reply to `/brief help`, an empty `/brief` and an empty mention. */
export function renderSlackHelp(command = DEFAULT_COMMAND): SlackMessage {
  const lines = [
    "*Briefbot* answers questions about the articles your team follows, with the passages that say it.",
    `• \`${command} what will Trend Micro provide?\`: ask; the answer is posted in this channel.`,
    "• Mention me with a question: I answer in the thread, where a reply with a question is a follow-up (no need to mention me again). You can also write to me directly.",
    `• \`${command} summarize Trend Micro\`: a cited summary of the articles on a topic.`,
    `• \`${command} private what will Trend Micro provide?\`: the answer shown to you alone.`,
    `• \`${command} digest daily 08:00 Europe/Amsterdam [topic] [--quiet]\`: a digest of the day's stories in this channel; \`${command} digest now\`, \`digest status\`, \`digest off\`.`,
    `• \`${command} follow https://example.com/feed.xml\`: this channel follows a site or feed (a site's address will do); \`${command} feeds\` lists them, \`${command} unfollow 1\` stops one.`,
    `• \`${command} add https://example.com/news/story.html\`: reads one page now, so you can ask about it.`,
    `• \`${command} articles [n]\`: the latest articles this channel sees; \`${command} forget 3\` (or its URL) removes one from this workspace.`,
    `• \`${command} scope\`: what this channel's answers draw on; \`${command} scope add NAME\`, \`scope remove NAME\`.`,
    `• \`${command} help\`: this message.`,
    `Questions can be up to ${SLACK_LIMITS.question.toLocaleString("en")} characters, in English, Dutch or French.`,
  ];
  return {
    text: escapeSlack(`Ask me with ${command} <question>, or mention me with a question.`),
    blocks: [section(lines.join("\n"))],
  };
}

/** The immediate acknowledgement of a question: "Searching 1,234 articles…", in the asker's language. */
export function renderSlackSearching(
  articleCount: number | undefined,
  language: InterfaceLanguage = "en",
  summarizing = false,
): string {
  if (articleCount === undefined)
    return message(language, summarizing ? "summarizingTheArticles" : "searchingTheArticles");
  return message(
    language,
    summarizing ? "summarizing" : "searching",
    countOf(language, articleCount, "article"),
  );
}
