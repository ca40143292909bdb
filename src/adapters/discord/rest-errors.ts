import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";
import { BriefingError } from "../../core/errors.ts";

function rateLimitWait(error: RateLimitError): number | undefined {
  const wait = error.retryAfter > 0 ? error.retryAfter : error.timeToReset;
  return wait > 0 ? Math.ceil(wait) : undefined;
}

/**
 * A failed Discord call as a BriefingError: 429 → PLATFORM_RATE_LIMITED (with Discord's wait), 5xx and network
 * failures → PLATFORM_UNAVAILABLE, other 4xx (unknown channel, missing access, expired interaction token) →
 * PLATFORM_REJECTED. Messages name the action, never the URL (interaction tokens are part of it).
 */
export function discordError(error: unknown, action: string): BriefingError {
  if (error instanceof RateLimitError) {
    return new BriefingError("PLATFORM_RATE_LIMITED", `Discord rate-limited ${action}`, {
      cause: error,
      retryAfterMs: rateLimitWait(error),
    });
  }
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    const code = error instanceof DiscordAPIError ? `, code ${error.code}` : "";
    const detail = `${error.message} (HTTP ${error.status}${code})`;
    if (error.status >= 500 || error.status === 408) {
      return new BriefingError("PLATFORM_UNAVAILABLE", `Discord failed to ${action}: ${detail}`, {
        cause: error,
      });
    }
    return new BriefingError("PLATFORM_REJECTED", `Discord refused to ${action}: ${detail}`, {
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new BriefingError("PLATFORM_UNAVAILABLE", `Could not reach Discord to ${action}: ${reason}`, {
    cause: error,
  });
}
