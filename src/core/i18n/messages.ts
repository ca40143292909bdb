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
  item: { en: ["item", "items"], nl: ["item", "items"], fr: ["élément", "éléments"] },
  minute: { en: ["minute", "minutes"], nl: ["minuut", "minuten"], fr: ["minute", "minutes"] },
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
  whoSlackAdmins: {
    en: "the people listed in SLACK_ADMIN_USERS",
    nl: "de mensen die in SLACK_ADMIN_USERS staan",
    fr: "l'une des personnes listées dans SLACK_ADMIN_USERS",
  },
  whoDiscordManagers: {
    en: "members with the Manage Channels permission",
    nl: "leden met de machtiging Kanalen beheren",
    fr: "un membre ayant la permission Gérer les salons",
  },
  workingOnIt: { en: "Working on it…", nl: "Ik ben ermee bezig…", fr: "Je m'en occupe…" },
  feedsOnlyWho: {
    en: (who) => `Only ${who} may change this channel's feeds. Anyone may ask, and \`feeds\` lists them.`,
    nl: (who) =>
      `Alleen ${who} mogen de feeds van dit kanaal wijzigen. Iedereen mag vragen stellen, en \`feeds\` toont ze.`,
    fr: (who) =>
      `Pour modifier les flux de ce canal, il faut être ${who}. Tout le monde peut poser des questions, et \`feeds\` les liste.`,
  },
  feedUnfollowed: {
    en: (title) => `This channel no longer follows "${title}".`,
    nl: (title) => `Dit kanaal volgt "${title}" niet meer.`,
    fr: (title) => `Ce canal ne suit plus « ${title} ».`,
  },
  feedNotFollowed: {
    en: "This channel does not follow that feed. `feeds` lists the ones it does, by number.",
    nl: "Dit kanaal volgt die feed niet. `feeds` toont de feeds die het wel volgt, met hun nummer.",
    fr: "Ce canal ne suit pas ce flux. `feeds` liste ceux qu'il suit, avec leur numéro.",
  },
  alreadyOnItsWay: {
    en: "That is already on its way.",
    nl: "Daar wordt al aan gewerkt.",
    fr: "C'est déjà en cours.",
  },
  feedLooking: {
    en: (url) => `Looking for the feed at ${url}… I will tell you which feed it is and what it brought.`,
    nl: (url) => `Ik zoek de feed op ${url}… Ik laat je weten welke feed het is en wat hij opleverde.`,
    fr: (url) =>
      `Je cherche le flux à l'adresse ${url}… Je vous dirai de quel flux il s'agit et ce qu'il a apporté.`,
  },
  pageReading: {
    en: (url) => `Reading ${url}… I will tell you when you can ask about it.`,
    nl: (url) => `Ik lees ${url}… Ik laat je weten wanneer je er vragen over kunt stellen.`,
    fr: (url) => `Je lis ${url}… Je vous dirai quand vous pourrez poser des questions à son sujet.`,
  },
  unfollowUsage: {
    en: "Say which feed: `unfollow <url>`, or its number from `feeds`.",
    nl: "Zeg welke feed: `unfollow <url>`, of het nummer uit `feeds`.",
    fr: "Dites quel flux : `unfollow <url>`, ou son numéro dans `feeds`.",
  },
  followUsage: {
    en: "Say which site or feed: `follow https://example.com/feed.xml` (a site's address will do).",
    nl: "Zeg welke site of feed: `follow https://example.com/feed.xml` (het adres van een site is ook goed).",
    fr: "Dites quel site ou flux : `follow https://example.com/feed.xml` (l'adresse d'un site suffit).",
  },
  addUsage: {
    en: "Say which page: `add https://example.com/news/story.html`.",
    nl: "Zeg welke pagina: `add https://example.com/news/story.html`.",
    fr: "Dites quelle page : `add https://example.com/news/story.html`.",
  },
  noFeeds: {
    en: "This channel follows no feeds. `follow <url>` adds one.",
    nl: "Dit kanaal volgt geen feeds. `follow <url>` voegt er een toe.",
    fr: "Ce canal ne suit aucun flux. `follow <url>` en ajoute un.",
  },
  feedFailing: {
    en: (error) => `failing: ${error}`,
    nl: (error) => `werkt niet: ${error}`,
    fr: (error) => `en échec : ${error}`,
  },
  unknownError: { en: "unknown error", nl: "onbekende fout", fr: "erreur inconnue" },
  feedNotReadYet: { en: "not read yet", nl: "nog niet gelezen", fr: "pas encore lu" },
  feedLastRead: {
    en: (when) => `last read ${when} UTC`,
    nl: (when) => `laatst gelezen ${when} UTC`,
    fr: (when) => `lu pour la dernière fois le ${when} UTC`,
  },
  feedsHeader: { en: "This channel follows:", nl: "Dit kanaal volgt:", fr: "Ce canal suit :" },
  feedsFooter: {
    en: "`unfollow <number>` stops one.",
    nl: "`unfollow <nummer>` stopt er een.",
    fr: "`unfollow <numéro>` en arrête un.",
  },
  feedsUnavailable: {
    en: "Following feeds is not available on this Briefbot.",
    nl: "Feeds volgen kan niet op deze Briefbot.",
    fr: "Le suivi de flux n'est pas disponible sur ce Briefbot.",
  },
  feedsInChannel: {
    en: "Feeds are followed in a channel.",
    nl: "Feeds worden in een kanaal gevolgd.",
    fr: "Les flux se suivent dans un canal.",
  },
  feedsUnreachable: {
    en: "Sorry, the feeds could not be reached. Please try again in a minute.",
    nl: "Sorry, de feeds waren niet bereikbaar. Probeer het over een minuut opnieuw.",
    fr: "Désolé, les flux n'ont pas pu être joints. Réessayez dans une minute.",
  },
  feedsEvery: {
    en: (every) => `New items are read every ${every}.`,
    nl: (every) => `Nieuwe items worden elke ${every} gelezen.`,
    fr: (every) => `Les nouveaux éléments sont lus toutes les ${every}.`,
  },
  followAlready: {
    en: (name) => `This channel already follows ${name}.`,
    nl: (name) => `Dit kanaal volgt ${name} al.`,
    fr: (name) => `Ce canal suit déjà ${name}.`,
  },
  followedWithArticles: {
    en: (name, count, every) =>
      `This channel now follows ${name}; ${count} from it are already here. ${every}`,
    nl: (name, count, every) => `Dit kanaal volgt nu ${name}; ${count} daaruit zijn er al. ${every}`,
    fr: (name, count, every) =>
      `Ce canal suit désormais ${name} ; ${count} venant de ce flux sont déjà là. ${every}`,
  },
  followedButFailing: {
    en: (name, error) =>
      `This channel now follows ${name}, but reading it failed: ${error} Briefbot will keep trying.`,
    nl: (name, error) =>
      `Dit kanaal volgt nu ${name}, maar lezen lukte niet: ${error} Briefbot blijft het proberen.`,
    fr: (name, error) =>
      `Ce canal suit désormais ${name}, mais sa lecture a échoué : ${error} Briefbot continue d'essayer.`,
  },
  followedAndTook: {
    en: (name, items, every) =>
      `This channel now follows ${name}: took ${items} of the last 24 hours, which you can ask about now. ${every}`,
    nl: (name, items, every) =>
      `Dit kanaal volgt nu ${name}: ${items} van de afgelopen 24 uur opgenomen, waarover je nu vragen kunt stellen. ${every}`,
    fr: (name, items, every) =>
      `Ce canal suit désormais ${name} : ${items} des dernières 24 heures repris, sur lesquels vous pouvez poser des questions dès maintenant. ${every}`,
  },
  pageForgotten: {
    en: (title) => `"${title}" was forgotten in this workspace or server, so it is not added again.`,
    nl: (title) => `"${title}" is vergeten in deze workspace of server en wordt dus niet opnieuw toegevoegd.`,
    fr: (title) =>
      `« ${title} » a été oublié dans cet espace de travail ou serveur : il n'est donc pas ajouté de nouveau.`,
  },
  pageAdded: {
    en: (title) => `Added "${title}". You can ask about it now.`,
    nl: (title) => `"${title}" is toegevoegd. Je kunt er nu vragen over stellen.`,
    fr: (title) => `« ${title} » est ajouté. Vous pouvez maintenant poser des questions à son sujet.`,
  },
  couldNotFollow: {
    en: (url, error) => `Sorry, I could not follow ${url}: ${error}`,
    nl: (url, error) => `Sorry, ik kon ${url} niet volgen: ${error}`,
    fr: (url, error) => `Désolé, je n'ai pas pu suivre ${url} : ${error}`,
  },
  couldNotAdd: {
    en: (url, error) => `Sorry, I could not add ${url}: ${error}`,
    nl: (url, error) => `Sorry, ik kon ${url} niet toevoegen: ${error}`,
    fr: (url, error) => `Désolé, je n'ai pas pu ajouter ${url} : ${error}`,
  },
  feedFailingNotice: {
    en: (title, url, error) =>
      `The feed "${title}" (${url}) has not worked for a day: ${error} Briefbot keeps trying. \`unfollow ${url}\` stops following it.`,
    nl: (title, url, error) =>
      `De feed "${title}" (${url}) werkt al een dag niet: ${error} Briefbot blijft het proberen. \`unfollow ${url}\` stopt het volgen.`,
    fr: (title, url, error) =>
      `Le flux « ${title} » (${url}) ne fonctionne plus depuis un jour : ${error} Briefbot continue d'essayer. \`unfollow ${url}\` arrête de le suivre.`,
  },
  noFeedOnPage: {
    en: "The page announces no feed (RSS, Atom or JSON Feed)",
    nl: "De pagina noemt geen feed (RSS, Atom of JSON Feed)",
    fr: "La page n'annonce aucun flux (RSS, Atom ou JSON Feed)",
  },
  noFeedFollowedThere: {
    en: "No feed is followed at that address",
    nl: "Op dat adres wordt geen feed gevolgd",
    fr: "Aucun flux n'est suivi à cette adresse",
  },
  notAWebAddress: {
    en: "That is not a web address (http or https).",
    nl: "Dat is geen webadres (http of https).",
    fr: "Ce n'est pas une adresse web (http ou https).",
  },
  scopeOnlyWho: {
    en: (who) => `Only ${who} may change what this channel sees.`,
    nl: (who) => `Alleen ${who} mogen wijzigen wat dit kanaal ziet.`,
    fr: (who) => `Pour modifier ce que voit ce canal, il faut être ${who}.`,
  },
  scopeAdded: {
    en: (name) => `This channel now also sees \`${name}\`.`,
    nl: (name) => `Dit kanaal ziet nu ook \`${name}\`.`,
    fr: (name) => `Ce canal voit désormais aussi \`${name}\`.`,
  },
  scopeAlreadySees: {
    en: (name) => `This channel already sees \`${name}\`.`,
    nl: (name) => `Dit kanaal ziet \`${name}\` al.`,
    fr: (name) => `Ce canal voit déjà \`${name}\`.`,
  },
  scopeRemoved: {
    en: (name) => `This channel no longer sees \`${name}\`.`,
    nl: (name) => `Dit kanaal ziet \`${name}\` niet meer.`,
    fr: (name) => `Ce canal ne voit plus \`${name}\`.`,
  },
  scopeNotGranted: {
    en: (name) => `\`${name}\` was not granted to this channel. \`scope\` lists what it sees.`,
    nl: (name) => `\`${name}\` was niet aan dit kanaal toegekend. \`scope\` toont wat het ziet.`,
    fr: (name) => `\`${name}\` n'était pas accordé à ce canal. \`scope\` liste ce qu'il voit.`,
  },
  scopeHeader: {
    en: "Answers, summaries and digests here draw on:",
    nl: "Antwoorden, samenvattingen en overzichten hier putten uit:",
    fr: "Ici, les réponses, les résumés et les récapitulatifs s'appuient sur :",
  },
  scopeShared: {
    en: (name) => `\`${name}\` (everyone's)`,
    nl: (name) => `\`${name}\` (van iedereen)`,
    fr: (name) => `\`${name}\` (commun à tous)`,
  },
  scopeOwn: {
    en: (name) => `\`${name}\` (what this channel followed or added)`,
    nl: (name) => `\`${name}\` (wat dit kanaal volgde of toevoegde)`,
    fr: (name) => `\`${name}\` (ce que ce canal a suivi ou ajouté)`,
  },
  scopeGranted: {
    en: (name) => `\`${name}\` (granted)`,
    nl: (name) => `\`${name}\` (toegekend)`,
    fr: (name) => `\`${name}\` (accordé)`,
  },
  scopeFooter: {
    en: "`scope add <collection>` and `scope remove <collection>` change the grants.",
    nl: "`scope add <collectie>` en `scope remove <collectie>` wijzigen de toekenningen.",
    fr: "`scope add <collection>` et `scope remove <collection>` modifient les accès accordés.",
  },
  scopesUnavailable: {
    en: "Channel scopes are not available on this Briefbot.",
    nl: "Kanaalbereiken zijn niet beschikbaar op deze Briefbot.",
    fr: "Les périmètres de canal ne sont pas disponibles sur ce Briefbot.",
  },
  scopeInChannel: {
    en: "A scope belongs to a channel.",
    nl: "Een bereik hoort bij een kanaal.",
    fr: "Un périmètre appartient à un canal.",
  },
  scopeDiscordUsage: {
    en: "Use `scope: show`, `scope: add <collection>` or `scope: remove <collection>`.",
    nl: "Gebruik `scope: show`, `scope: add <collectie>` of `scope: remove <collectie>`.",
    fr: "Utilisez `scope: show`, `scope: add <collection>` ou `scope: remove <collection>`.",
  },
  scopeUnreachable: {
    en: "Sorry, the channel's scope could not be reached. Please try again in a minute.",
    nl: "Sorry, het bereik van dit kanaal kon niet worden opgehaald. Probeer het over een minuut opnieuw.",
    fr: "Désolé, le périmètre du canal n'a pas pu être lu. Réessayez dans une minute.",
  },
  sharedNotGranted: {
    en: "`shared` is not granted: the operator decides whether channels see it.",
    nl: "`shared` wordt niet toegekend: de beheerder beslist of kanalen het zien.",
    fr: "`shared` ne s'accorde pas : c'est l'opérateur qui décide si les canaux le voient.",
  },
  collectionNoTenant: {
    en: (raw) => `"${raw}" names no workspace or server: use platform:team:name.`,
    nl: (raw) => `"${raw}" noemt geen workspace of server: gebruik platform:team:naam.`,
    fr: (raw) => `« ${raw} » ne nomme aucun espace de travail ni serveur : utilisez plateforme:équipe:nom.`,
  },
  collectionOtherTenant: {
    en: (raw) => `"${raw}" belongs to another workspace or server: it cannot be granted here.`,
    nl: (raw) => `"${raw}" hoort bij een andere workspace of server: het kan hier niet worden toegekend.`,
    fr: (raw) =>
      `« ${raw} » appartient à un autre espace de travail ou serveur : il ne peut pas être accordé ici.`,
  },
  notACollectionName: {
    en: (raw) =>
      `"${raw}" is not a collection name: use 1-128 letters, digits, ":", ".", "_" or "-", starting with a letter or digit.`,
    nl: (raw) =>
      `"${raw}" is geen collectienaam: gebruik 1-128 letters, cijfers, ":", ".", "_" of "-", beginnend met een letter of cijfer.`,
    fr: (raw) =>
      `« ${raw} » n'est pas un nom de collection : utilisez de 1 à 128 lettres, chiffres, « : », « . », « _ » ou « - », en commençant par une lettre ou un chiffre.`,
  },
  articlesCountRange: {
    en: (most) => `Use \`articles\` with a number from 1 to ${most}.`,
    nl: (most) => `Gebruik \`articles\` met een getal van 1 tot en met ${most}.`,
    fr: (most) => `Utilisez \`articles\` avec un nombre de 1 à ${most}.`,
  },
  channelSeesNoArticles: {
    en: "This channel sees no articles yet.",
    nl: "Dit kanaal ziet nog geen artikelen.",
    fr: "Ce canal ne voit encore aucun article.",
  },
  articlesHeaderOne: {
    en: "The most recent article this channel sees:",
    nl: "Het nieuwste artikel dat dit kanaal ziet:",
    fr: "L'article le plus récent que voit ce canal :",
  },
  articlesHeader: {
    en: (count) => `The ${count} most recent articles this channel sees:`,
    nl: (count) => `De ${count} nieuwste artikelen die dit kanaal ziet:`,
    fr: (count) => `Les ${count} articles les plus récents que voit ce canal :`,
  },
  articlesFooter: {
    en: "`forget <number>` removes one from this workspace or server.",
    nl: "`forget <nummer>` verwijdert er een uit deze workspace of server.",
    fr: "`forget <numéro>` en retire un de cet espace de travail ou serveur.",
  },
  forgetOnlyWho: {
    en: (who) => `Only ${who} may forget articles.`,
    nl: (who) => `Alleen ${who} mogen artikelen vergeten.`,
    fr: (who) => `Pour faire oublier des articles, il faut être ${who}.`,
  },
  noSuchArticle: {
    en: (which) =>
      `No article this channel sees is \`${which}\`. \`articles\` lists them with their numbers.`,
    nl: (which) => `Geen artikel dat dit kanaal ziet is \`${which}\`. \`articles\` toont ze met hun nummers.`,
    fr: (which) =>
      `Aucun article visible dans ce canal ne correspond à \`${which}\`. \`articles\` les liste avec leurs numéros.`,
  },
  articleOperatorOnly: {
    en: (title, held) =>
      `"${title}" is in ${held}, which chat cannot change: only the operator can remove it.`,
    nl: (title, held) =>
      `"${title}" staat in ${held}, wat via de chat niet te wijzigen is: alleen de beheerder kan het verwijderen.`,
    fr: (title, held) =>
      `« ${title} » est dans ${held}, que le chat ne peut pas modifier : seul l'opérateur peut le retirer.`,
  },
  forgotStillIn: {
    en: (title, held) =>
      `Forgot "${title}" in this workspace or server; it is still in ${held}, which only the operator can change.`,
    nl: (title, held) =>
      `"${title}" is vergeten in deze workspace of server; het staat nog in ${held}, wat alleen de beheerder kan wijzigen.`,
    fr: (title, held) =>
      `« ${title} » est oublié dans cet espace de travail ou serveur ; il reste dans ${held}, que seul l'opérateur peut modifier.`,
  },
  forgot: {
    en: (title) =>
      `Forgot "${title}": this workspace or server no longer sees it, and its feeds will not bring it back.`,
    nl: (title) =>
      `"${title}" is vergeten: deze workspace of server ziet het niet meer, en de feeds brengen het niet terug.`,
    fr: (title) =>
      `« ${title} » est oublié : cet espace de travail ou serveur ne le voit plus, et ses flux ne le ramèneront pas.`,
  },
  articlesUnavailable: {
    en: "Listing and forgetting articles is not available on this Briefbot.",
    nl: "Artikelen tonen en vergeten kan niet op deze Briefbot.",
    fr: "Lister et oublier des articles n'est pas disponible sur ce Briefbot.",
  },
  articlesInChannel: {
    en: "Articles are listed and forgotten in a channel.",
    nl: "Artikelen worden in een kanaal getoond en vergeten.",
    fr: "Les articles se listent et s'oublient dans un canal.",
  },
  articlesUnreachable: {
    en: "Sorry, the articles could not be reached. Please try again in a minute.",
    nl: "Sorry, de artikelen waren niet bereikbaar. Probeer het over een minuut opnieuw.",
    fr: "Désolé, les articles n'ont pas pu être joints. Réessayez dans une minute.",
  },
  scheduleDaily: {
    en: (time, zone) => `daily at ${time} (${zone})`,
    nl: (time, zone) => `dagelijks om ${time} (${zone})`,
    fr: (time, zone) => `chaque jour à ${time} (${zone})`,
  },
  scheduleWeekdays: {
    en: (time, zone) => `on weekdays at ${time} (${zone})`,
    nl: (time, zone) => `op werkdagen om ${time} (${zone})`,
    fr: (time, zone) => `en semaine à ${time} (${zone})`,
  },
  digestNone: {
    en: "This channel has no digest. Subscribe with `digest daily 08:00 Europe/Amsterdam`.",
    nl: "Dit kanaal heeft geen overzicht. Abonneer met `digest daily 08:00 Europe/Amsterdam`.",
    fr: "Ce canal n'a pas de résumé. Abonnez-le avec `digest daily 08:00 Europe/Amsterdam`.",
  },
  digestNoneYet: {
    en: "This channel has no digest yet. Subscribe first with `digest daily 08:00 Europe/Amsterdam`.",
    nl: "Dit kanaal heeft nog geen overzicht. Abonneer eerst met `digest daily 08:00 Europe/Amsterdam`.",
    fr: "Ce canal n'a pas encore de résumé. Abonnez-le d'abord avec `digest daily 08:00 Europe/Amsterdam`.",
  },
  digestStatus: {
    en: (schedule) => `This channel gets a digest ${schedule}`,
    nl: (schedule) => `Dit kanaal krijgt een overzicht ${schedule}`,
    fr: (schedule) => `Ce canal reçoit un résumé ${schedule}`,
  },
  digestAbout: {
    en: (topic) => `about "${topic}"`,
    nl: (topic) => `over "${topic}"`,
    fr: (topic) => `sur « ${topic} »`,
  },
  digestQuiet: {
    en: ", and nothing on days without news",
    nl: ", en niets op dagen zonder nieuws",
    fr: ", et rien les jours sans nouvelles",
  },
  digestNext: {
    en: (when) => `Next digest: ${when}.`,
    nl: (when) => `Volgend overzicht: ${when}.`,
    fr: (when) => `Prochain résumé : ${when}.`,
  },
  digestLast: {
    en: (when) => `Last digest: ${when}.`,
    nl: (when) => `Laatste overzicht: ${when}.`,
    fr: (when) => `Dernier résumé : ${when}.`,
  },
  digestSubscribed: {
    en: (about, schedule) =>
      `Done: this channel will get a digest${about} ${schedule}. \`digest now\` posts one at once; \`digest off\` stops them.`,
    nl: (about, schedule) =>
      `Klaar: dit kanaal krijgt een overzicht${about} ${schedule}. \`digest now\` plaatst er meteen een; \`digest off\` stopt ze.`,
    fr: (about, schedule) =>
      `C'est fait : ce canal recevra un résumé${about} ${schedule}. \`digest now\` en publie un tout de suite ; \`digest off\` les arrête.`,
  },
  digestOff: {
    en: "Digests for this channel are off.",
    nl: "De overzichten voor dit kanaal staan uit.",
    fr: "Les résumés de ce canal sont désactivés.",
  },
  digestHadNone: {
    en: "This channel had no digest.",
    nl: "Dit kanaal had geen overzicht.",
    fr: "Ce canal n'avait pas de résumé.",
  },
  digestComposing: {
    en: "Composing the digest now…",
    nl: "Ik stel het overzicht nu samen…",
    fr: "Je compose le résumé…",
  },
  digestOnItsWay: {
    en: "That digest is already on its way.",
    nl: "Dat overzicht is al onderweg.",
    fr: "Ce résumé est déjà en route.",
  },
  digestsUnavailable: {
    en: "Digests are not available on this Briefbot.",
    nl: "Overzichten zijn niet beschikbaar op deze Briefbot.",
    fr: "Les résumés ne sont pas disponibles sur ce Briefbot.",
  },
  digestsInChannel: {
    en: "Digests are posted in a channel.",
    nl: "Overzichten worden in een kanaal geplaatst.",
    fr: "Les résumés sont publiés dans un canal.",
  },
  digestUnreachable: {
    en: "Sorry, the digest settings could not be reached. Please try again in a minute.",
    nl: "Sorry, de instellingen van het overzicht waren niet bereikbaar. Probeer het over een minuut opnieuw.",
    fr: "Désolé, les réglages du résumé n'ont pas pu être lus. Réessayez dans une minute.",
  },
  digestPostFailed: {
    en: (error) => `Sorry, I could not post the digest. ${error} Please try again in a minute.`,
    nl: (error) => `Sorry, ik kon het overzicht niet plaatsen. ${error} Probeer het over een minuut opnieuw.`,
    fr: (error) => `Désolé, je n'ai pas pu publier le résumé. ${error} Réessayez dans une minute.`,
  },
  digestUsage: {
    en: "Use `digest daily 08:00 Europe/Amsterdam [topic words] [--quiet]`, `digest weekdays …`, `digest now`, `digest status` or `digest off`.",
    nl: "Gebruik `digest daily 08:00 Europe/Amsterdam [onderwerp] [--quiet]`, `digest weekdays …`, `digest now`, `digest status` of `digest off`.",
    fr: "Utilisez `digest daily 08:00 Europe/Amsterdam [mots du sujet] [--quiet]`, `digest weekdays …`, `digest now`, `digest status` ou `digest off`.",
  },
  digestNotATime: {
    en: (word) => `"${word}" is not a time: write it as HH:MM, 24-hour (08:00, 17:30).`,
    nl: (word) => `"${word}" is geen tijd: schrijf hem als UU:MM, 24-uurs (08:00, 17:30).`,
    fr: (word) => `« ${word} » n'est pas une heure : écrivez-la HH:MM, sur 24 heures (08:00, 17:30).`,
  },
  digestNotATimeOfDay: {
    en: (word) => `"${word}" is not a time of day: hours go from 00 to 23 and minutes from 00 to 59.`,
    nl: (word) => `"${word}" is geen tijdstip: uren gaan van 00 tot 23 en minuten van 00 tot 59.`,
    fr: (word) =>
      `« ${word} » n'est pas une heure de la journée : les heures vont de 00 à 23 et les minutes de 00 à 59.`,
  },
  digestZoneMissing: {
    en: "The time zone is missing: add an IANA name such as Europe/Amsterdam or UTC.",
    nl: "De tijdzone ontbreekt: voeg een IANA-naam toe zoals Europe/Amsterdam of UTC.",
    fr: "Le fuseau horaire manque : ajoutez un nom IANA comme Europe/Amsterdam ou UTC.",
  },
  digestUnknownZone: {
    en: (word) =>
      `"${word}" is not a time zone I know: use an IANA name such as Europe/Amsterdam, America/New_York or UTC.`,
    nl: (word) =>
      `"${word}" is geen tijdzone die ik ken: gebruik een IANA-naam zoals Europe/Amsterdam, America/New_York of UTC.`,
    fr: (word) =>
      `« ${word} » n'est pas un fuseau horaire que je connais : utilisez un nom IANA comme Europe/Amsterdam, America/New_York ou UTC.`,
  },
  digestSayWhat: {
    en: "Say what to do with the digest.",
    nl: "Zeg wat er met het overzicht moet gebeuren.",
    fr: "Dites ce qu'il faut faire du résumé.",
  },
  digestTakesNothing: {
    en: (keyword) => `\`digest ${keyword}\` takes nothing after it.`,
    nl: (keyword) => `Na \`digest ${keyword}\` hoort niets meer.`,
    fr: (keyword) => `\`digest ${keyword}\` ne prend rien après.`,
  },
  digestNotACommand: {
    en: (word) => `"${word}" is not a digest command.`,
    nl: (word) => `"${word}" is geen overzichtscommando.`,
    fr: (word) => `« ${word} » n'est pas une commande de résumé.`,
  },
  topicTooLong: {
    en: (length, most) => `The topic is ${length} characters long; keep it under ${most}.`,
    nl: (length, most) => `Het onderwerp is ${length} tekens lang; houd het onder ${most}.`,
    fr: (length, most) => `Le sujet fait ${length} caractères ; restez sous ${most}.`,
  },
  questionEmpty: {
    en: 'The question is empty: ask something like "What will Trend Micro provide?"',
    nl: 'De vraag is leeg: vraag bijvoorbeeld "Wat levert Trend Micro?"',
    fr: "La question est vide : demandez par exemple « Que va fournir Trend Micro ? »",
  },
  questionTooLong: {
    en: (length, most) => `The question is ${length} characters long; keep it under ${most}.`,
    nl: (length, most) => `De vraag is ${length} tekens lang; houd haar onder ${most}.`,
    fr: (length, most) => `La question fait ${length} caractères ; restez sous ${most}.`,
  },
} as const satisfies Record<string, Record<InterfaceLanguage, Text>>;

export type MessageKey = keyof typeof MESSAGES;

/** A message's text in `language`, its values filled in. */
export function message(language: InterfaceLanguage, key: MessageKey, ...values: string[]): string {
  const text: Text = MESSAGES[key][language];
  return typeof text === "function" ? text(...values) : text;
}
