import type { InterfaceLanguage } from "../../core/i18n/messages.ts";
import { DISCORD_LIMITS } from "./limits.ts";
import { type DiscordMessagePayload, NO_MENTIONS } from "./payload.ts";
import { neutralizeMentions, safeText } from "./safe-text.ts";

const EXAMPLES: Record<InterfaceLanguage, string> = {
  en: "What will Trend Micro provide?",
  nl: "Wat gaat Trend Micro leveren?",
  fr: "Que va fournir Trend Micro ?",
};

function helpLines(name: string, language: InterfaceLanguage): string[] {
  const example = EXAMPLES[language];
  switch (language) {
    case "nl":
      return [
        "**Vraag me naar de artikelen die ik gelezen heb.**",
        `• Noem mij met een vraag: \`@${name} ${example}\``,
        `• Of gebruik de slash-opdracht: \`/brief question: ${example}\``,
        "• `/brief summarize: Trend Micro`: een samenvatting met bronnen van de artikelen over een onderwerp.",
        "• `/brief digest: daily 08:00 Europe/Amsterdam [onderwerp] [--quiet]`: een dagelijks overzicht in dit kanaal; ook `now`, `status`, `off`.",
        "• `/brief follow: https://example.com/feed.xml`: dit kanaal volgt een site of feed (Kanalen beheren); `/brief feeds: True` toont ze, `/brief unfollow: 1` stopt er een.",
        "• `/brief add: https://example.com/news/story.html`: leest nu één pagina, zodat je erover kunt vragen.",
        "• `/brief question: … private: True`: het antwoord alleen voor jou. Antwoord op een van mijn antwoorden voor een vervolgvraag.",
        "• `/brief articles: 10`: de nieuwste artikelen die dit kanaal ziet; `/brief forget: 3` haalt er een weg uit deze server (Kanalen beheren).",
        "• `/brief scope: show`: waar de antwoorden hier op steunen; `scope: add <collectie>`, `scope: remove <collectie>`.",
        "Elk antwoord citeert de artikelen en noemt zijn bronnen; staat het antwoord er niet in, dan zeg ik dat.",
      ];
    case "fr":
      return [
        "**Posez-moi des questions sur les articles que j'ai lus.**",
        `• Mentionnez-moi avec une question : \`@${name} ${example}\``,
        `• Ou utilisez la commande : \`/brief question: ${example}\``,
        "• `/brief summarize: Trend Micro` : un résumé sourcé des articles sur un sujet.",
        "• `/brief digest: daily 08:00 Europe/Paris [sujet] [--quiet]` : un résumé quotidien dans ce canal ; aussi `now`, `status`, `off`.",
        "• `/brief follow: https://example.com/feed.xml` : ce canal suit un site ou un flux (Gérer les salons) ; `/brief feeds: True` les liste, `/brief unfollow: 1` en arrête un.",
        "• `/brief add: https://example.com/news/story.html` : lit une page maintenant, pour que vous puissiez poser des questions dessus.",
        "• `/brief question: … private: True` : la réponse pour vous seul. Répondez à une de mes réponses pour une question de suivi.",
        "• `/brief articles: 10` : les derniers articles que voit ce canal ; `/brief forget: 3` en retire un de ce serveur (Gérer les salons).",
        "• `/brief scope: show` : ce sur quoi s'appuient les réponses ici ; `scope: add <collection>`, `scope: remove <collection>`.",
        "Chaque réponse cite les articles et donne ses sources ; quand ils ne contiennent pas la réponse, je le dis.",
      ];
    case "en":
      return [
        "**Ask me about the articles I have read.**",
        `• Mention me with a question: \`@${name} ${example}\``,
        `• Or use the slash command: \`/brief question: ${example}\``,
        "• `/brief summarize: Trend Micro`: a cited summary of the articles on a topic.",
        "• `/brief digest: daily 08:00 Europe/Amsterdam [topic] [--quiet]`: a daily digest in this channel; also `now`, `status`, `off`.",
        "• `/brief follow: https://example.com/feed.xml`: this channel follows a site or feed (Manage Channels); `/brief feeds: True` lists them, `/brief unfollow: 1` stops one.",
        "• `/brief add: https://example.com/news/story.html`: reads one page now, so you can ask about it.",
        "• `/brief question: … private: True`: the answer shown to you alone. Reply to one of my answers for a follow-up.",
        "• `/brief articles: 10`: the latest articles this channel sees; `/brief forget: 3` removes one from this server (Manage Channels).",
        "• `/brief scope: show`: what this channel's answers draw on; `scope: add <collection>`, `scope: remove <collection>`.",
        "Every answer quotes the articles and lists its sources; when they don't hold the answer, I say so.",
      ];
  }
}

/** How to ask: shown for an empty mention or `/brief`, in the member's language (`language`). */
export function renderDiscordHelp(
  botName = "Briefbot",
  language: InterfaceLanguage = "en",
): DiscordMessagePayload {
  const name = neutralizeMentions(botName.replace(/[`\s]+/gu, " ").trim()) || "Briefbot";
  return { content: helpLines(name, language).join("\n"), allowed_mentions: NO_MENTIONS };
}

/** A one-line message to the asker (a refusal, a failure); the text may quote the user, so it is made safe. */
export function renderDiscordNotice(text: string): DiscordMessagePayload {
  return { content: safeText(text, DISCORD_LIMITS.content), allowed_mentions: NO_MENTIONS };
}
