import { type InterfaceLanguage, type MessageKey, message } from "./i18n/messages.ts";

interface ErrorKind {
  retryable: boolean;
  /** Safe for anyone to read: shown when the error carries no text written for the end user. */
  user: string;
  /** About something the user gave (a file, a line): its location is shown with the text. */
  input?: true;
  /** `user` in Dutch and in French. */
  nl: string;
  fr: string;
}

/** The closed set of failure kinds Briefbot reports. */
export const ERROR_CODES = {
  EMPTY_INPUT: {
    retryable: false,
    input: true,
    user: "The input is empty.",
    nl: "De invoer is leeg.",
    fr: "L'entrée est vide.",
  },
  BINARY_INPUT: {
    retryable: false,
    input: true,
    user: "The file looks binary, not text.",
    nl: "Het bestand lijkt binair, geen tekst.",
    fr: "Le fichier semble binaire, pas du texte.",
  },
  INPUT_TOO_LARGE: {
    retryable: false,
    input: true,
    user: "The input is larger than the allowed size.",
    nl: "De invoer is groter dan toegestaan.",
    fr: "L'entrée dépasse la taille autorisée.",
  },
  MALFORMED_INPUT: {
    retryable: false,
    input: true,
    user: "The input could not be parsed.",
    nl: "De invoer kon niet worden gelezen.",
    fr: "L'entrée n'a pas pu être lue.",
  },
  UNSUPPORTED_FORMAT: {
    retryable: false,
    input: true,
    user: "This file type is not supported.",
    nl: "Dit bestandstype wordt niet ondersteund.",
    fr: "Ce type de fichier n'est pas pris en charge.",
  },
  INVALID_QUESTION: {
    retryable: false,
    user: "The question is not valid.",
    nl: "De vraag is niet geldig.",
    fr: "La question n'est pas valide.",
  },
  USAGE: {
    retryable: false,
    user: "The command was not used correctly.",
    nl: "Het commando is niet goed gebruikt.",
    fr: "La commande n'a pas été utilisée correctement.",
  },
  NOT_FOUND: { retryable: false, input: true, user: "Not found.", nl: "Niet gevonden.", fr: "Introuvable." },
  CONFIG_INVALID: {
    retryable: false,
    user: "The configuration is not valid.",
    nl: "De configuratie is niet geldig.",
    fr: "La configuration n'est pas valide.",
  },
  STORE_UNAVAILABLE: {
    retryable: true,
    user: "The article store is not reachable right now.",
    nl: "De artikelopslag is nu niet bereikbaar.",
    fr: "Le stock d'articles n'est pas joignable pour le moment.",
  },
  STORE_CORRUPT: {
    retryable: false,
    user: "Some of Briefbot's stored data could not be read.",
    nl: "Een deel van de opgeslagen gegevens van Briefbot kon niet worden gelezen.",
    fr: "Une partie des données enregistrées de Briefbot n'a pas pu être lue.",
  },
  QUEUE_UNAVAILABLE: {
    retryable: true,
    user: "The question queue is not reachable right now.",
    nl: "De wachtrij voor vragen is nu niet bereikbaar.",
    fr: "La file des questions n'est pas joignable pour le moment.",
  },
  PLATFORM_RATE_LIMITED: {
    retryable: true,
    user: "The chat platform asked us to slow down.",
    nl: "Het chatplatform vroeg ons het rustiger aan te doen.",
    fr: "La plateforme de chat nous a demandé de ralentir.",
  },
  PLATFORM_UNAVAILABLE: {
    retryable: true,
    user: "The chat platform is not answering right now.",
    nl: "Het chatplatform antwoordt nu niet.",
    fr: "La plateforme de chat ne répond pas pour le moment.",
  },
  PLATFORM_REJECTED: {
    retryable: false,
    user: "The chat platform refused the message.",
    nl: "Het chatplatform weigerde het bericht.",
    fr: "La plateforme de chat a refusé le message.",
  },
  MODEL_RATE_LIMITED: {
    retryable: true,
    user: "The language model asked us to slow down.",
    nl: "Het taalmodel vroeg ons het rustiger aan te doen.",
    fr: "Le modèle de langue nous a demandé de ralentir.",
  },
  MODEL_UNAVAILABLE: {
    retryable: true,
    user: "The language model is not answering right now.",
    nl: "Het taalmodel antwoordt nu niet.",
    fr: "Le modèle de langue ne répond pas pour le moment.",
  },
  MODEL_OUTPUT_INVALID: {
    retryable: true,
    user: "The language model's reply could not be used.",
    nl: "Het antwoord van het taalmodel was niet bruikbaar.",
    fr: "La réponse du modèle de langue n'était pas utilisable.",
  },
  MODEL_REJECTED: {
    retryable: false,
    user: "The language model refused the request.",
    nl: "Het taalmodel weigerde het verzoek.",
    fr: "Le modèle de langue a refusé la demande.",
  },
  MODEL_BUDGET_SPENT: {
    retryable: false,
    user: "Today's language-model budget is spent.",
    nl: "Het budget voor het taalmodel is voor vandaag op.",
    fr: "Le budget du modèle de langue est épuisé pour aujourd'hui.",
  },
  FETCH_REFUSED: {
    retryable: false,
    user: "Briefbot does not fetch that address.",
    nl: "Briefbot haalt dat adres niet op.",
    fr: "Briefbot ne récupère pas cette adresse.",
  },
  FETCH_FAILED: {
    retryable: true,
    user: "The site could not be reached right now.",
    nl: "De site was nu niet bereikbaar.",
    fr: "Le site n'a pas pu être joint pour le moment.",
  },
  FETCH_REJECTED: {
    retryable: false,
    user: "The site's response could not be used.",
    nl: "Het antwoord van de site was niet bruikbaar.",
    fr: "La réponse du site n'était pas utilisable.",
  },
  BUSY: {
    retryable: true,
    user: "Briefbot is busy with this channel and will try again shortly.",
    nl: "Briefbot is bezig met dit kanaal en probeert het zo opnieuw.",
    fr: "Briefbot est occupé avec ce canal et réessaiera sous peu.",
  },
  INTERNAL: {
    retryable: false,
    user: "Something went wrong inside Briefbot.",
    nl: "Er ging iets mis in Briefbot.",
    fr: "Quelque chose s'est mal passé dans Briefbot.",
  },
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface BriefingErrorOptions {
  cause?: unknown;
  /** Where the problem is: a file path, "file.jsonl:12", a config key. */
  location?: string;
  /** For rate limits: how long the platform asked us to wait. */
  retryAfterMs?: number;
  /**
   * A text written for the end user, which userMessage() shows instead of the code's generic one; `true`: the
   * message is that text. Only for text with nothing internal in it: no hosts, URLs or raw exception messages.
   */
  userText?: string | true | undefined;
  /**
   * The user text in the interface language (from the message catalogue); `userText` is then its English
   * version, which is what is said wherever this is lost (an error rebuilt from a queue job's record).
   */
  says?: ((language: InterfaceLanguage) => string) | undefined;
}

/** One sentence, so more can follow: "The content is empty" with "a.txt" → "The content is empty (a.txt)." */
function asSentence(text: string, location: string | undefined): string {
  const body = text.endsWith(".") ? text.slice(0, -1) : text;
  const where = location ? ` (${location})` : "";
  const stop = text.endsWith(".") || where !== "" || /[\p{L}\p{N}]$/u.test(body) ? "." : "";
  return `${body}${where}${stop}`;
}

export class BriefingError extends Error {
  /** `BriefingError[CODE]`, so stack traces and logs name the code. */
  override readonly name: string;
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly location: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly #userText: string | undefined;
  readonly #says: ((language: InterfaceLanguage) => string) | undefined;

  constructor(code: ErrorCode, message: string, options: BriefingErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = `BriefingError[${code}]`;
    this.code = code;
    this.retryable = ERROR_CODES[code].retryable;
    this.location = options.location;
    this.retryAfterMs = options.retryAfterMs;
    this.#userText = options.userText === true ? message : options.userText;
    this.#says = options.says;
  }

  /**
   * What an end user (chat, CLI) may be shown, as a sentence: the text written for them, else the code's short
   * text, in `language` (an English text written for users and in no catalogue follows the code's short text in
   * Dutch or French); with the location for input errors.
   * Never the internal message, which may hold hosts or raw exception text.
   */
  userMessage(language: InterfaceLanguage = "en"): string {
    const kind: ErrorKind = ERROR_CODES[this.code];
    const where = kind.input ? this.location : undefined;
    if (this.#says) return asSentence(this.#says(language), where);
    if (language === "en" || this.#userText === undefined)
      return asSentence(this.#userText ?? (language === "en" ? kind.user : kind[language]), where);
    // An English text written for users, in no catalogue: the code's short text in the language, then the
    // English, which may hold what the user needs (a URL, a name).
    return `${asSentence(kind[language], undefined)} ${asSentence(this.#userText, where)}`;
  }

  /** The full internal message with its location, for operators: logs, and the CLI run on one's own machine. */
  detailedMessage(): string {
    return this.location ? `${this.message} (${this.location})` : this.message;
  }
}

/** The user text of an error from the message catalogue: said in the asker's language, English otherwise. */
export function catalogued(
  key: MessageKey,
  ...values: string[]
): Required<Pick<BriefingErrorOptions, "userText" | "says">> {
  const says = (language: InterfaceLanguage) => message(language, key, ...values);
  return { userText: says("en"), says };
}

export function isBriefingError(value: unknown): value is BriefingError {
  return value instanceof BriefingError;
}
