import {
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
} from "@slack/web-api";
import { BriefingError, isBriefingError } from "../../core/errors.ts";

/** Slack API error strings that mean "Slack is having trouble", not "Slack refuses this". */
const TRANSIENT_ERRORS = new Set(["fatal_error", "internal_error", "service_unavailable", "request_timeout"]);

export function rateLimited(method: string, retryAfterSeconds: number | undefined, cause?: unknown) {
  return new BriefingError("PLATFORM_RATE_LIMITED", `Slack rate-limited ${method}`, {
    cause,
    location: method,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterMs: retryAfterSeconds * 1_000 }),
  });
}

export function unavailable(method: string, reason: string, cause?: unknown) {
  return new BriefingError("PLATFORM_UNAVAILABLE", `Slack did not answer ${method}: ${reason}`, {
    cause,
    location: method,
  });
}

export function rejected(method: string, reason: string, cause?: unknown) {
  return new BriefingError("PLATFORM_REJECTED", `Slack refused ${method}: ${reason}`, {
    cause,
    location: method,
  });
}

/** The Slack error code of a failed Web API call ("not_in_channel", "invalid_auth", …), if it has one. */
export function slackErrorCode(error: unknown): string | undefined {
  return error instanceof WebAPIPlatformError ? error.data.error : undefined;
}

/**
 * A failed Web API call as a BriefingError the queue understands: rate limits and outages are retried (after
 * Slack's Retry-After when it gave one), anything Slack refuses is not.
 */
export function slackError(error: unknown, method: string): BriefingError {
  if (isBriefingError(error)) return error;
  if (error instanceof WebAPIRateLimitedError) return rateLimited(method, error.retryAfter, error);
  if (error instanceof WebAPIPlatformError) {
    const code = error.data.error;
    if (code === "ratelimited" || code === "rate_limited") {
      return rateLimited(method, error.data.response_metadata?.retryAfter, error);
    }
    if (TRANSIENT_ERRORS.has(code)) return unavailable(method, code, error);
    return rejected(method, code, error);
  }
  if (error instanceof WebAPIHTTPError) {
    if (error.statusCode >= 500) return unavailable(method, `HTTP ${error.statusCode}`, error);
    return rejected(method, `HTTP ${error.statusCode}`, error);
  }
  if (error instanceof WebAPIRequestError) return unavailable(method, error.original.message, error);
  const reason = error instanceof Error ? error.message : String(error);
  return unavailable(method, reason, error);
}
