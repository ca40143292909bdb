import { APIConnectionError, APIError, APIUserAbortError } from "openai";
import { BriefingError, isBriefingError } from "../core/errors.ts";

export type ModelRole = "language model" | "embedding model";

const MAX_SERVER_MESSAGE = 200;
/** Anything that looks like a credential: "sk-…", "key_…", or a long opaque token. */
const SECRET_LIKE = /\b(?:sk|pk|key|api|token)[-_][\w*-]{8,}|[\w*-]{32,}/giu;

/** How long a 429 asked us to wait: `retry-after-ms` (OpenAI's), else `retry-after` in seconds or as a date. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const milliseconds = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return Math.ceil(milliseconds);
  const retryAfter = headers?.get("retry-after")?.trim();
  if (!retryAfter) return undefined;
  if (/^\d+(?:\.\d+)?$/u.test(retryAfter)) return Math.ceil(Number.parseFloat(retryAfter) * 1_000);
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The server's own explanation ("The model `x` does not exist"), cut short and with anything key-like hidden. */
function serverMessage(error: APIError): string | undefined {
  const body = error.error as { message?: unknown } | undefined;
  if (typeof body?.message !== "string" || body.message.trim() === "") return undefined;
  const redacted = body.message.replace(SECRET_LIKE, "[redacted]").trim();
  return redacted.length > MAX_SERVER_MESSAGE ? `${redacted.slice(0, MAX_SERVER_MESSAGE)}…` : redacted;
}

function httpReason(status: number, error: APIError): string {
  // Auth failures are where servers echo the key back, so their explanation is left out altogether.
  const explanation = status === 401 || status === 403 ? undefined : serverMessage(error);
  return explanation ? `HTTP ${status} (${explanation})` : `HTTP ${status}`;
}

/** "Connection error. (ECONNREFUSED)": the system error code buried in the fetch failure's causes. */
function connectionReason(error: APIConnectionError): string {
  let cause: unknown = error.cause;
  for (let depth = 0; depth < 5 && cause instanceof Error; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string") return `${error.message} (${code})`;
    cause = cause.cause;
  }
  return error.message;
}

/** The deadline of a whole call passed: the server accepted it but did not finish in time. */
export function deadlineError(action: string, timeoutMs: number, role: ModelRole = "language model") {
  return new BriefingError(
    "MODEL_UNAVAILABLE",
    `The ${role} did not answer within ${timeoutMs} ms when asked to ${action}`,
  );
}

/**
 * A failed model call as a BriefingError the queue understands: rate limits (with the wait the server asked
 * for) and outages are retried, requests the server refuses (bad key, unknown model, bad request) are not.
 * `action` completes "failed to …", e.g. "write the answer".
 */
export function modelError(
  error: unknown,
  action: string,
  role: ModelRole = "language model",
): BriefingError {
  if (isBriefingError(error)) return error;
  const failed = (code: "MODEL_UNAVAILABLE" | "MODEL_REJECTED", reason: string) =>
    new BriefingError(code, `The ${role} failed to ${action}: ${reason}`, { cause: error });

  if (error instanceof APIUserAbortError) return failed("MODEL_UNAVAILABLE", "the request was aborted");
  if (error instanceof APIConnectionError) return failed("MODEL_UNAVAILABLE", connectionReason(error));
  if (error instanceof APIError && typeof error.status === "number") {
    const status = error.status;
    if (status === 429) {
      // A spent quota is not a rate limit: waiting will not help, a person has to pay or raise it.
      if (error.code === "insufficient_quota") return failed("MODEL_REJECTED", httpReason(status, error));
      const wait = retryAfterMs(error.headers);
      return new BriefingError("MODEL_RATE_LIMITED", `The ${role} failed to ${action}: HTTP 429`, {
        cause: error,
        ...(wait === undefined ? {} : { retryAfterMs: wait }),
      });
    }
    if (status >= 500 || status === 408) return failed("MODEL_UNAVAILABLE", `HTTP ${status}`);
    if (status >= 400) return failed("MODEL_REJECTED", httpReason(status, error));
    return failed("MODEL_UNAVAILABLE", `HTTP ${status}`);
  }
  if (error instanceof APIError) return failed("MODEL_UNAVAILABLE", serverMessage(error) ?? "stream error");
  return failed("MODEL_UNAVAILABLE", error instanceof Error ? error.message : String(error));
}
