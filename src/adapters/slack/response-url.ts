import type { BriefingError } from "../../core/errors.ts";
import type { SlackMessage } from "./blocks.ts";
import { rateLimited, rejected, unavailable } from "./slack-errors.ts";

const METHOD = "response_url";

export interface ResponseUrlMessage extends SlackMessage {
  /** "in_channel": everyone in the channel sees it; "ephemeral": only the person who typed the command. */
  response_type: "in_channel" | "ephemeral";
}

function retryAfterSeconds(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number.parseInt(header, 10);
  return Number.isNaN(seconds) ? undefined : seconds;
}

/** Slack answers a response_url with "ok", `{"ok":true}` or `{"ok":false,"error":"…"}`. */
function bodyError(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === "object" && parsed !== null && "ok" in parsed && parsed.ok === false) {
      return "error" in parsed && typeof parsed.error === "string" ? parsed.error : "not ok";
    }
  } catch {
    // A plain "ok" body.
  }
  return undefined;
}

function failure(status: number, body: string, retryAfter: string | null): BriefingError | undefined {
  const error = bodyError(body);
  if (status === 429 || error === "ratelimited") return rateLimited(METHOD, retryAfterSeconds(retryAfter));
  if (status >= 500) return unavailable(METHOD, `HTTP ${status}`);
  if (status >= 300) return rejected(METHOD, `HTTP ${status} ${body.slice(0, 100)}`.trim());
  if (error) return rejected(METHOD, error);
  return undefined;
}

/**
 * Posts through a slash command's response_url (5 uses in 30 minutes): how the bot answers where it is not a
 * member, and how it tells the asker about a failure. Throws BriefingErrors like the Web API calls do.
 */
export async function postToResponseUrl(
  url: string,
  message: ResponseUrlMessage,
  timeoutMs: number,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json; charset=utf-8" },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw unavailable(METHOD, error instanceof Error ? error.message : String(error), error);
  }
  const body = await response.text().catch(() => "");
  const error = failure(response.status, body, response.headers.get("retry-after"));
  if (error) throw error;
}
