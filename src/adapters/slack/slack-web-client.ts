import { WebClient, WebClientEvent, type WebClientOptions } from "@slack/web-api";

export const DEFAULT_SLACK_API_URL = "https://slack.com/api/";
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * WebClient settings for Briefbot: no retries and rate-limited calls rejected at once, because the question
 * queue is the one retry layer (it waits Slack's Retry-After); a timeout so a hung call fails the job.
 */
export function slackClientOptions(apiUrl: string | undefined): WebClientOptions {
  return {
    slackApiUrl: apiUrl ?? DEFAULT_SLACK_API_URL,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: REQUEST_TIMEOUT_MS,
  };
}

export function createSlackWebClient(token: string, apiUrl: string | undefined): WebClient {
  return new WebClient(token, slackClientOptions(apiUrl));
}

/** Each call Slack answers with 429 is logged for the metrics (the call itself fails as PLATFORM_RATE_LIMITED). */
export function logRateLimits(
  client: WebClient,
  log: (event: string, fields: Record<string, unknown>) => void,
): void {
  client.on(WebClientEvent.RATE_LIMITED, (retryAfterSeconds: number) =>
    log("platform_rate_limited", { platform: "slack", retryAfterSeconds }),
  );
}
