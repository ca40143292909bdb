import { DISCORD_LIMITS } from "./limits.ts";
import { type DiscordMessagePayload, NO_MENTIONS } from "./payload.ts";
import { neutralizeMentions, safeText } from "./safe-text.ts";

const EXAMPLE = "What will Trend Micro provide?";

/** How to ask: shown for an empty mention. */
export function renderDiscordHelp(botName = "Briefbot"): DiscordMessagePayload {
  const name = neutralizeMentions(botName.replace(/[`\s]+/gu, " ").trim()) || "Briefbot";
  const content = [
    "**Ask me about the articles I have read.**",
    `• Mention me with a question: \`@${name} ${EXAMPLE}\``,
    `• Or use the slash command: \`/brief question: ${EXAMPLE}\``,
    "• `/brief summarize: Trend Micro`: a cited summary of the articles on a topic.",
    "• `/brief digest: daily 08:00 Europe/Amsterdam [topic] [--quiet]`: a daily digest in this channel; also `now`, `status`, `off`.",
    "• `/brief follow: https://example.com/feed.xml`: this channel follows a site or feed (Manage Channels); `/brief feeds: True` lists them, `/brief unfollow: 1` stops one.",
    "• `/brief add: https://example.com/news/story.html`: reads one page now, so you can ask about it.",
    "• `/brief question: … private: True`: the answer shown to you alone. Reply to one of my answers for a follow-up.",
    "• `/brief articles: 10`: the latest articles this channel sees; `/brief forget: 3` removes one from this server (Manage Channels).",
    "• `/brief scope: show`: what this channel's answers draw on; `scope: add <collection>`, `scope: remove <collection>`.",
    "Every answer quotes the articles and lists its sources; when they don't hold the answer, I say so.",
  ].join("\n");
  return { content, allowed_mentions: NO_MENTIONS };
}

/** A one-line message to the asker (a refusal, a failure); the text may quote the user, so it is made safe. */
export function renderDiscordNotice(text: string): DiscordMessagePayload {
  return { content: safeText(text, DISCORD_LIMITS.content), allowed_mentions: NO_MENTIONS };
}
