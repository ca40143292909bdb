import { countOf, type InterfaceLanguage, message } from "../../core/i18n/messages.ts";
import { type SlackMessage, section } from "./blocks.ts";
import { SLACK_LIMITS } from "./limits.ts";
import { escapeSlack } from "./slack-text.ts";

export const DEFAULT_COMMAND = "/brief";

/** The help's lines in each language, for a slash command named `command`. */
function helpLines(command: string, language: InterfaceLanguage): string[] {
  const limit = SLACK_LIMITS.question.toLocaleString(language);
  switch (language) {
    case "nl":
      return [
        "*Briefbot* beantwoordt vragen over de artikelen die je team volgt, met de passages die het zeggen.",
        `• \`${command} wat gaat Trend Micro leveren?\`: vraag het; het antwoord komt in dit kanaal.`,
        "• Noem mij met een vraag: ik antwoord in de draad, waar een antwoord met een vraag een vervolgvraag is (je hoeft me niet opnieuw te noemen). Je kunt me ook rechtstreeks schrijven.",
        `• \`${command} summarize Trend Micro\`: een samenvatting met bronnen van de artikelen over een onderwerp.`,
        `• \`${command} private wat gaat Trend Micro leveren?\`: het antwoord alleen voor jou.`,
        `• \`${command} digest daily 08:00 Europe/Amsterdam [onderwerp] [--quiet]\`: een dagelijks overzicht in dit kanaal; \`${command} digest now\`, \`digest status\`, \`digest off\`.`,
        `• \`${command} follow https://example.com/feed.xml\`: dit kanaal volgt een site of feed; \`${command} feeds\` toont ze, \`${command} unfollow 1\` stopt er een.`,
        `• \`${command} add https://example.com/news/story.html\`: leest nu één pagina, zodat je erover kunt vragen.`,
        `• \`${command} articles [n]\`: de nieuwste artikelen die dit kanaal ziet; \`${command} forget 3\` (of de URL) haalt er een weg uit deze workspace.`,
        `• \`${command} scope\`: waar de antwoorden hier op steunen; \`${command} scope add NAAM\`, \`scope remove NAAM\`.`,
        `• \`${command} hulp\`: dit bericht.`,
        `Vragen mogen tot ${limit} tekens lang zijn, in het Engels, Nederlands of Frans.`,
      ];
    case "fr":
      return [
        "*Briefbot* répond aux questions sur les articles que suit votre équipe, avec les passages qui le disent.",
        `• \`${command} que va fournir Trend Micro ?\`: posez la question ; la réponse est publiée dans ce canal.`,
        "• Mentionnez-moi avec une question : je réponds dans le fil, où une réponse qui pose une question est une question de suivi (inutile de me mentionner à nouveau). Vous pouvez aussi m'écrire directement.",
        `• \`${command} summarize Trend Micro\`: un résumé sourcé des articles sur un sujet.`,
        `• \`${command} private que va fournir Trend Micro ?\`: la réponse pour vous seul.`,
        `• \`${command} digest daily 08:00 Europe/Paris [sujet] [--quiet]\`: un résumé quotidien dans ce canal ; \`${command} digest now\`, \`digest status\`, \`digest off\`.`,
        `• \`${command} follow https://example.com/feed.xml\`: ce canal suit un site ou un flux ; \`${command} feeds\` les liste, \`${command} unfollow 1\` en arrête un.`,
        `• \`${command} add https://example.com/news/story.html\`: lit une page maintenant, pour que vous puissiez poser des questions dessus.`,
        `• \`${command} articles [n]\`: les derniers articles que voit ce canal ; \`${command} forget 3\` (ou son URL) en retire un de cet espace de travail.`,
        `• \`${command} scope\`: ce sur quoi s'appuient les réponses ici ; \`${command} scope add NOM\`, \`scope remove NOM\`.`,
        `• \`${command} aide\`: ce message.`,
        `Les questions peuvent compter jusqu'à ${limit} caractères, en anglais, néerlandais ou français.`,
      ];
    case "en":
      return [
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
        `• \`${command} help\`: this message (\`hulp\` in Dutch, \`aide\` in French).`,
        `Questions can be up to ${limit} characters, in English, Dutch or French.`,
      ];
  }
}

const FALLBACK: Record<InterfaceLanguage, (command: string) => string> = {
  en: (command) => `Ask me with ${command} <question>, or mention me with a question.`,
  nl: (command) => `Vraag het me met ${command} <vraag>, of noem mij met een vraag.`,
  fr: (command) => `Posez-moi une question avec ${command} <question>, ou mentionnez-moi avec une question.`,
};

/** How to use the bot: the reply to `/brief help` (`hulp`, `aide`), an empty `/brief` and an empty mention. */
export function renderSlackHelp(command = DEFAULT_COMMAND, language: InterfaceLanguage = "en"): SlackMessage {
  return {
    text: escapeSlack(FALLBACK[language](command)),
    blocks: [section(helpLines(command, language).join("\n"))],
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
