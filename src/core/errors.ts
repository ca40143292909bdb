interface ErrorKind {
  retryable: boolean;
  /** Safe for anyone to read: shown when the error carries no text written for the end user. */
  user: string;
  /** About something the user gave (a file, a line): its location is shown with the text. */
  input?: true;
}

/** The closed set of failure kinds Briefbot reports. */
export const ERROR_CODES = {
  EMPTY_INPUT: { retryable: false, input: true, user: "The input is empty." },
  BINARY_INPUT: { retryable: false, input: true, user: "The file looks binary, not text." },
  INPUT_TOO_LARGE: { retryable: false, input: true, user: "The input is larger than the allowed size." },
  MALFORMED_INPUT: { retryable: false, input: true, user: "The input could not be parsed." },
  UNSUPPORTED_FORMAT: { retryable: false, input: true, user: "This file type is not supported." },
  INVALID_QUESTION: { retryable: false, user: "The question is not valid." },
  USAGE: { retryable: false, user: "The command was not used correctly." },
  NOT_FOUND: { retryable: false, input: true, user: "Not found." },
  CONFIG_INVALID: { retryable: false, user: "The configuration is not valid." },
  STORE_UNAVAILABLE: { retryable: true, user: "The article store is not reachable right now." },
  STORE_CORRUPT: { retryable: false, user: "Some of Briefbot's stored data could not be read." },
  QUEUE_UNAVAILABLE: { retryable: true, user: "The question queue is not reachable right now." },
  PLATFORM_RATE_LIMITED: { retryable: true, user: "The chat platform asked us to slow down." },
  PLATFORM_UNAVAILABLE: { retryable: true, user: "The chat platform is not answering right now." },
  PLATFORM_REJECTED: { retryable: false, user: "The chat platform refused the message." },
  MODEL_RATE_LIMITED: { retryable: true, user: "The language model asked us to slow down." },
  MODEL_UNAVAILABLE: { retryable: true, user: "The language model is not answering right now." },
  MODEL_OUTPUT_INVALID: { retryable: true, user: "The language model's reply could not be used." },
  MODEL_REJECTED: { retryable: false, user: "The language model refused the request." },
  MODEL_BUDGET_SPENT: { retryable: false, user: "Today's language-model budget is spent." },
  FETCH_REFUSED: { retryable: false, user: "Briefbot does not fetch that address." },
  FETCH_FAILED: { retryable: true, user: "The site could not be reached right now." },
  FETCH_REJECTED: { retryable: false, user: "The site's response could not be used." },
  BUSY: { retryable: true, user: "Briefbot is busy with this channel and will try again shortly." },
  INTERNAL: { retryable: false, user: "Something went wrong inside Briefbot." },
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

  constructor(code: ErrorCode, message: string, options: BriefingErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = `BriefingError[${code}]`;
    this.code = code;
    this.retryable = ERROR_CODES[code].retryable;
    this.location = options.location;
    this.retryAfterMs = options.retryAfterMs;
    this.#userText = options.userText === true ? message : options.userText;
  }

  /**
   * What an end user (chat, CLI) may be shown, as a sentence: the text written for them, else the code's short
   * text; with the location for input errors. Never the internal message, which may hold hosts or raw
   * exception text.
   */
  userMessage(): string {
    const kind: ErrorKind = ERROR_CODES[this.code];
    return asSentence(this.#userText ?? kind.user, kind.input ? this.location : undefined);
  }

  /** The full internal message with its location, for operators: logs, and the CLI run on one's own machine. */
  detailedMessage(): string {
    return this.location ? `${this.message} (${this.location})` : this.message;
  }
}

export function isBriefingError(value: unknown): value is BriefingError {
  return value instanceof BriefingError;
}
