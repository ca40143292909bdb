/**
 * Briefbot's own words in the languages it speaks to people in. One catalogue: every message exists in every
 * language (the type says so; a test checks the texts are filled in), chosen by `interfaceLanguage`.
 */
export const INTERFACE_LANGUAGES = ["en", "nl", "fr"] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

type Text = string | ((...values: string[]) => string);

/** "1 article", "2 articles"; in Dutch "1 artikel", "2 artikelen". */
const NOUNS = {
  article: { en: ["article", "articles"], nl: ["artikel", "artikelen"], fr: ["article", "articles"] },
  passage: { en: ["passage", "passages"], nl: ["passage", "passages"], fr: ["passage", "passages"] },
  point: { en: ["point", "points"], nl: ["punt", "punten"], fr: ["point", "points"] },
  story: { en: ["story", "stories"], nl: ["verhaal", "verhalen"], fr: ["sujet", "sujets"] },
  newArticle: {
    en: ["new article", "new articles"],
    nl: ["nieuw artikel", "nieuwe artikelen"],
    fr: ["nouvel article", "nouveaux articles"],
  },
  source: { en: ["source", "sources"], nl: ["bron", "bronnen"], fr: ["source", "sources"] },
} as const satisfies Record<string, Record<InterfaceLanguage, readonly [string, string]>>;

const NUMBER_LOCALES: Record<InterfaceLanguage, string> = { en: "en", nl: "nl", fr: "fr" };

export function countOf(language: InterfaceLanguage, count: number, noun: keyof typeof NOUNS): string {
  const [one, many] = NOUNS[noun][language];
  return `${count.toLocaleString(NUMBER_LOCALES[language])} ${count === 1 ? one : many}`;
}

export const MESSAGES = {
  noArticles: {
    en: "No articles are loaded yet. Add some with `briefbot ingest <files or folders>` and ask again.",
    nl: "Er zijn nog geen artikelen geladen. Voeg ze toe met `briefbot ingest <bestanden of mappen>` en vraag het opnieuw.",
    fr: "Aucun article n'est encore chargé. Ajoutez-en avec `briefbot ingest <fichiers ou dossiers>` et reposez la question.",
  },
  noAnswer: {
    en: "The articles don't answer this.",
    nl: "De artikelen beantwoorden dit niet.",
    fr: "Les articles ne répondent pas à cette question.",
  },
  searched: {
    en: (scope) => `I searched ${scope}.`,
    nl: (scope) => `Ik heb ${scope} doorzocht.`,
    fr: (scope) => `J'ai cherché dans ${scope}.`,
  },
  noneMention: {
    en: (words) => `None of them mention ${words}.`,
    nl: (words) => `Geen ervan noemt ${words}.`,
    fr: (words) => `Aucun ne mentionne ${words}.`,
  },
  wordsButNoAnswer: {
    en: "Some of its words occur, but no passage answers it as asked.",
    nl: "Sommige woorden komen voor, maar geen passage beantwoordt de vraag zoals ze gesteld is.",
    fr: "Certains de ses mots apparaissent, mais aucun passage n'y répond telle qu'elle est posée.",
  },
  noContentWords: {
    en: "The question has no words to search for once greetings, mentions and common words are set aside. Ask about a name, an event or a topic.",
    nl: "Zonder begroetingen, vermeldingen en veelvoorkomende woorden blijft er in de vraag niets over om naar te zoeken. Vraag naar een naam, een gebeurtenis of een onderwerp.",
    fr: "Une fois les salutations, mentions et mots courants mis de côté, la question ne contient rien à chercher. Demandez un nom, un événement ou un sujet.",
  },
  tryOtherWords: {
    en: "Try other words, or ingest articles on this topic.",
    nl: "Probeer andere woorden, of voeg artikelen over dit onderwerp toe.",
    fr: "Essayez d'autres mots, ou ajoutez des articles sur ce sujet.",
  },
  restDoesNotMention: {
    en: (words) => `The passages that match the rest of the question do not mention ${words}.`,
    nl: (words) => `De passages die bij de rest van de vraag passen, noemen ${words} niet.`,
    fr: (words) => `Les passages qui correspondent au reste de la question ne mentionnent pas ${words}.`,
  },
  articlesDoNotMention: {
    en: (words) => `The articles do not mention ${words}.`,
    nl: (words) => `De artikelen noemen ${words} niet.`,
    fr: (words) => `Les articles ne mentionnent pas ${words}.`,
  },
  citedDoNotMention: {
    en: (words) => `The passages cited do not mention ${words}.`,
    nl: (words) => `De geciteerde passages noemen ${words} niet.`,
    fr: (words) => `Les passages cités ne mentionnent pas ${words}.`,
  },
  or: { en: "or", nl: "of", fr: "ou" },
  searching: {
    en: (count) => `Searching ${count}…`,
    nl: (count) => `Ik doorzoek ${count}…`,
    fr: (count) => `Je cherche dans ${count}…`,
  },
  searchingTheArticles: {
    en: "Searching the articles…",
    nl: "Ik doorzoek de artikelen…",
    fr: "Je cherche dans les articles…",
  },
  summarizing: {
    en: (count) => `Summarizing ${count}…`,
    nl: (count) => `Ik vat ${count} samen…`,
    fr: (count) => `Je résume ${count}…`,
  },
  summarizingTheArticles: {
    en: "Summarizing the articles…",
    nl: "Ik vat de artikelen samen…",
    fr: "Je résume les articles…",
  },
  queueFailed: {
    en: "Sorry, I could not queue your question: the question queue is not reachable right now. Please try again in a minute.",
    nl: "Sorry, ik kon je vraag niet in de wachtrij zetten: de wachtrij is nu niet bereikbaar. Probeer het over een minuut opnieuw.",
    fr: "Désolé, je n'ai pas pu mettre votre question en file d'attente : elle n'est pas joignable pour le moment. Réessayez dans une minute.",
  },
  couldNotAnswer: {
    en: (question, reason) => `Sorry, I could not answer "${question}". ${reason}`,
    nl: (question, reason) => `Sorry, ik kon "${question}" niet beantwoorden. ${reason}`,
    fr: (question, reason) => `Désolé, je n'ai pas pu répondre à « ${question} ». ${reason}`,
  },
  tryAgainInAMinute: {
    en: "Please try again in a minute.",
    nl: "Probeer het over een minuut opnieuw.",
    fr: "Réessayez dans une minute.",
  },
  starting: {
    en: "Looking through the articles…",
    nl: "Ik kijk de artikelen door…",
    fr: "Je parcours les articles…",
  },
  reading: {
    en: (passages, articles) => `Reading ${passages} from ${articles}…`,
    nl: (passages, articles) => `Ik lees ${passages} uit ${articles}…`,
    fr: (passages, articles) => `Je lis ${passages} de ${articles}…`,
  },
  writing: {
    en: (passages, articles) => `Writing the answer from ${passages} from ${articles}…`,
    nl: (passages, articles) => `Ik schrijf het antwoord uit ${passages} uit ${articles}…`,
    fr: (passages, articles) => `J'écris la réponse à partir de ${passages} de ${articles}…`,
  },
  soFar: {
    en: (points) => `(${points} so far)`,
    nl: (points) => `(${points} tot nu toe)`,
    fr: (points) => `(${points} jusqu'ici)`,
  },
  dailyDigest: { en: "Daily digest", nl: "Dagelijks overzicht", fr: "Résumé du jour" },
  topicDigest: {
    en: (topic) => `Digest: ${topic}`,
    nl: (topic) => `Overzicht: ${topic}`,
    fr: (topic) => `Résumé : ${topic}`,
  },
  digestSummary: {
    en: (stories, articles) => `${stories} from ${articles}`,
    nl: (stories, articles) => `${stories} uit ${articles}`,
    fr: (stories, articles) => `${stories} tirés de ${articles}`,
  },
  since: { en: (when) => `since ${when}`, nl: (when) => `sinds ${when}`, fr: (when) => `depuis ${when}` },
  noNewArticles: {
    en: "No new articles.",
    nl: "Geen nieuwe artikelen.",
    fr: "Aucun nouvel article.",
  },
  noNewArticlesSince: {
    en: (since) => `No new articles since ${since}.`,
    nl: (since) => `Geen nieuwe artikelen sinds ${since}.`,
    fr: (since) => `Aucun nouvel article depuis ${since}.`,
  },
  noNewArticlesAboutSince: {
    en: (topic, since) => `No new articles about "${topic}" since ${since}.`,
    nl: (topic, since) => `Geen nieuwe artikelen over "${topic}" sinds ${since}.`,
    fr: (topic, since) => `Aucun nouvel article sur « ${topic} » depuis ${since}.`,
  },
  feedbackRecorded: {
    en: "Thanks for your feedback!",
    nl: "Bedankt voor je feedback!",
    fr: "Merci pour votre avis !",
  },
  feedbackAlreadyVoted: {
    en: "Thanks: you already rated this answer, and your first vote is the one that counts.",
    nl: "Bedankt: je hebt dit antwoord al beoordeeld, en je eerste stem telt.",
    fr: "Merci : vous avez déjà noté cette réponse, et c'est votre premier vote qui compte.",
  },
  feedbackRefused: {
    en: "This answer cannot be rated from here.",
    nl: "Dit antwoord kan hier niet worden beoordeeld.",
    fr: "Cette réponse ne peut pas être notée d'ici.",
  },
  feedbackUnavailable: {
    en: "Sorry, feedback could not be recorded right now. Please try again in a minute.",
    nl: "Sorry, je feedback kon nu niet worden vastgelegd. Probeer het over een minuut opnieuw.",
    fr: "Désolé, votre avis n'a pas pu être enregistré pour le moment. Réessayez dans une minute.",
  },
  listArticlesFirst: {
    en: "Run `/brief articles` first: `forget <number>` uses the numbers of this channel's latest list (they last a day). A URL works without it.",
    nl: "Gebruik eerst `/brief articles`: `forget <nummer>` gebruikt de nummers van de laatste lijst in dit kanaal (die gelden een dag). Een URL werkt ook zonder.",
    fr: "Lancez d'abord `/brief articles` : `forget <numéro>` utilise les numéros de la dernière liste de ce canal (valables un jour). Une URL fonctionne aussi sans.",
  },
  checking: {
    en: "Checking every quote against the articles…",
    nl: "Ik controleer elk citaat in de artikelen…",
    fr: "Je vérifie chaque citation dans les articles…",
  },
  modelMadeAnswer: {
    en: "this answer is made of sentences taken from the articles",
    nl: "dit antwoord bestaat uit zinnen uit de artikelen",
    fr: "cette réponse est faite de phrases tirées des articles",
  },
  modelMadeSummaries: {
    en: "these summaries are made of sentences taken from the articles",
    nl: "deze samenvattingen bestaan uit zinnen uit de artikelen",
    fr: "ces résumés sont faits de phrases tirées des articles",
  },
  modelBudgetSpent: {
    en: (made) =>
      `Today's language-model budget is spent, so ${made}; model-written ones are back tomorrow (UTC).`,
    nl: (made) =>
      `Het budget van het taalmodel is voor vandaag op: ${made}. Morgen (UTC) schrijft het taalmodel weer.`,
    fr: (made) =>
      `Le budget du modèle de langue est épuisé pour aujourd'hui, donc ${made} ; le modèle écrira de nouveau demain (UTC).`,
  },
  modelNotAnswering: {
    en: (made) => `The language model is not answering right now, so ${made}.`,
    nl: (made) => `Het taalmodel antwoordt nu niet: ${made}.`,
    fr: (made) => `Le modèle de langue ne répond pas pour le moment, donc ${made}.`,
  },
  modelReplyUnusable: {
    en: (made) => `The language model's reply could not be used, so ${made}.`,
    nl: (made) => `Het antwoord van het taalmodel was niet bruikbaar: ${made}.`,
    fr: (made) => `La réponse du modèle de langue n'était pas utilisable, donc ${made}.`,
  },
  modelRefused: {
    en: (made) => `The language model refused the request (check its configuration), so ${made}.`,
    nl: (made) => `Het taalmodel weigerde het verzoek (controleer de configuratie): ${made}.`,
    fr: (made) => `Le modèle de langue a refusé la demande (vérifiez sa configuration), donc ${made}.`,
  },
  modelAnswerUnchecked: {
    en: "The language model's answer could not be checked against the articles, so these are sentences taken from the articles.",
    nl: "Het antwoord van het taalmodel kon niet aan de artikelen worden getoetst, daarom zijn dit zinnen uit de artikelen.",
    fr: "La réponse du modèle de langue n'a pas pu être vérifiée dans les articles : voici donc des phrases tirées des articles.",
  },
  modelSummaryUnchecked: {
    en: "The language model's summary could not be checked against the articles, so these are sentences taken from them.",
    nl: "De samenvatting van het taalmodel kon niet aan de artikelen worden getoetst, daarom zijn dit zinnen uit de artikelen.",
    fr: "Le résumé du modèle de langue n'a pas pu être vérifié dans les articles : voici donc des phrases qui en sont tirées.",
  },
  modelRetrying: {
    en: "The language model did not answer; trying again in a few seconds…",
    nl: "Het taalmodel antwoordde niet; over een paar seconden probeer ik het opnieuw…",
    fr: "Le modèle de langue n'a pas répondu ; nouvel essai dans quelques secondes…",
  },
  assistantGreeting: {
    en: "Hi! Ask me about the articles your team follows: I answer with the passages that say it, in English, Dutch or French.",
    nl: "Hallo! Vraag me naar de artikelen die je team volgt: ik antwoord met de passages die het zeggen, in het Nederlands, Engels of Frans.",
    fr: "Bonjour ! Posez-moi vos questions sur les articles que suit votre équipe : je réponds avec les passages qui le disent, en français, en anglais ou en néerlandais.",
  },
  promptNewsTitle: { en: "What's new?", nl: "Wat is er nieuw?", fr: "Quoi de neuf ?" },
  promptNewsMessage: {
    en: "What do the latest articles report?",
    nl: "Wat melden de nieuwste artikelen?",
    fr: "Que rapportent les derniers articles ?",
  },
  promptWhoTitle: { en: "Who is involved?", nl: "Wie zijn erbij betrokken?", fr: "Qui est concerné ?" },
  promptWhoMessage: {
    en: "Which organisations do the articles name?",
    nl: "Welke organisaties noemen de artikelen?",
    fr: "Quelles organisations les articles citent-ils ?",
  },
  promptFiguresTitle: { en: "Key figures", nl: "Kerncijfers", fr: "Chiffres clés" },
  promptFiguresMessage: {
    en: "What figures do the articles give?",
    nl: "Welke cijfers geven de artikelen?",
    fr: "Quels chiffres les articles donnent-ils ?",
  },
} as const satisfies Record<string, Record<InterfaceLanguage, Text>>;

export type MessageKey = keyof typeof MESSAGES;

/** A message's text in `language`, its values filled in. */
export function message(language: InterfaceLanguage, key: MessageKey, ...values: string[]): string {
  const text: Text = MESSAGES[key][language];
  return typeof text === "function" ? text(...values) : text;
}
