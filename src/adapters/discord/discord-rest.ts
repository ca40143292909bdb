import { REST, RESTEvents } from "discord.js";

export interface DiscordRestOptions {
  token: string;
  /** Discord's REST base URL without the version, default https://discord.com/api. */
  apiUrl?: string;
  timeoutMs?: number;
}

/**
 * A REST client for the workers: no retries and no waiting out rate limits. A 5xx, a timeout or a 429 fails
 * the call at once, and the queue, the one retry layer, schedules the job again (honouring Retry-After).
 */
export function createWorkerRest(options: DiscordRestOptions, log?: RateLimitLog): REST {
  return new REST({
    ...(options.apiUrl ? { api: options.apiUrl } : {}),
    retries: 0,
    // Called for a 429 and for a bucket known to be empty: either way the call is rate-limited.
    rejectOnRateLimit: (limit) => {
      log?.("platform_rate_limited", { platform: "discord", route: limit.route, global: limit.global });
      return true;
    },
    offset: 0,
    timeout: options.timeoutMs ?? 15_000,
  }).setToken(options.token);
}

type RateLimitLog = (event: string, fields: Record<string, unknown>) => void;

/** The gateway client's REST waits rate limits out by itself: each 429 it gets is logged for the metrics. */
export function logRateLimits(rest: REST, log: RateLimitLog): void {
  rest.on(RESTEvents.Response, (request, response) => {
    if (response.status === 429) log("platform_rate_limited", { platform: "discord", route: request.route });
  });
}
