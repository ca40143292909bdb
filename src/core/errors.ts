/** The closed set of failure kinds Briefbot reports. */
export const ERROR_CODES = {
  EMPTY_INPUT: { retryable: false, user: "The input is empty." },
  BINARY_INPUT: { retryable: false, user: "The file looks binary, not text." },
  INPUT_TOO_LARGE: { retryable: false, user: "The input is larger than the allowed size." },
  MALFORMED_INPUT: { retryable: false, user: "The input could not be parsed." },
  UNSUPPORTED_FORMAT: { retryable: false, user: "This file type is not supported." },
  INVALID_QUESTION: { retryable: false, user: "The question is not valid." },
  USAGE: { retryable: false, user: "The command was not used correctly." },
  NOT_FOUND: { retryable: false, user: "Not found." },
  CONFIG_INVALID: { retryable: false, user: "The configuration is not valid." },
  STORE_UNAVAILABLE: { retryable: true, user: "The article store is not reachable right now." },
  QUEUE_UNAVAILABLE: { retryable: true, user: "The question queue is not reachable right now." },
  PLATFORM_RATE_LIMITED: { retryable: true, user: "The chat platform asked us to slow down." },
  PLATFORM_UNAVAILABLE: { retryable: true, user: "The chat platform is not answering right now." },
  PLATFORM_REJECTED: { retryable: false, user: "The chat platform refused the message." },
  MODEL_RATE_LIMITED: { retryable: true, user: "The language model asked us to slow down." },
  MODEL_UNAVAILABLE: { retryable: true, user: "The language model is not answering right now." },
  MODEL_OUTPUT_INVALID: { retryable: true, user: "The language model's reply could not be used." },
  MODEL_REJECTED: { retryable: false, user: "The language model refused the request." },
  MODEL_BUDGET_SPENT: { retryable: false, user: "Today's language-model budget is spent." },
  BUSY: { retryable: true, user: "Briefbot is busy with this channel and will try again shortly." },
  INTERNAL: { retryable: false, user: "Something went wrong inside Briefbot." },
} as const satisfies Record<string, { retryable: boolean; user: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface BriefingErrorOptions {
  cause?: unknown;
  /** Where the problem is: a file path, "file.jsonl:12", a config key. */
  location?: string;
  /** For rate limits: how long the platform asked us to wait. */
  retryAfterMs?: number;
}

export class BriefingError extends Error {
  override readonly name = "BriefingError";
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly location: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(code: ErrorCode, message: string, options: BriefingErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = ERROR_CODES[code].retryable;
    this.location = options.location;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** A message safe to show an end user: no stack, no internals. */
  userMessage(): string {
    const where = this.location ? ` (${this.location})` : "";
    return `${this.message}${where}`;
  }
}

export function isBriefingError(value: unknown): value is BriefingError {
  return value instanceof BriefingError;
}
