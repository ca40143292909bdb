import { REST } from "discord.js";

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
export function createWorkerRest(options: DiscordRestOptions): REST {
  return new REST({
    ...(options.apiUrl ? { api: options.apiUrl } : {}),
    retries: 0,
    rejectOnRateLimit: () => true,
    offset: 0,
    timeout: options.timeoutMs ?? 15_000,
  }).setToken(options.token);
}
