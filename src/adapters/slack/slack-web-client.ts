import { WebClient, type WebClientOptions } from "@slack/web-api";

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
