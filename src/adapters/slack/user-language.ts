import type { WebClient } from "@slack/web-api";
import { interfaceLanguageOf } from "../../core/i18n/interface-language.ts";
import type { InterfaceLanguage } from "../../core/i18n/messages.ts";
import { errorText, type SlackLog } from "./log.ts";

/** Users whose language is kept; past it the oldest is forgotten (asked again when next needed). */
const REMEMBERED_USERS = 1_000;

/**
 * The language to greet a Slack user in, before they have written anything: their Slack locale ("nl-NL" →
 * Dutch), from users.info with include_locale (the users:read scope), asked once per user. English when the
 * locale is not one Briefbot speaks, or Slack cannot be asked (then asked again next time).
 */
export class SlackUserLanguages {
  readonly #known = new Map<string, InterfaceLanguage>();
  readonly #log: SlackLog;

  constructor(log: SlackLog) {
    this.#log = log;
  }

  async of(client: WebClient, userId: string | undefined): Promise<InterfaceLanguage> {
    if (!userId) return "en";
    const known = this.#known.get(userId);
    if (known) return known;
    try {
      const info = await client.users.info({ user: userId, include_locale: true });
      const language = interfaceLanguageOf(info.user?.locale);
      if (this.#known.size >= REMEMBERED_USERS) {
        const oldest = this.#known.keys().next().value;
        if (oldest !== undefined) this.#known.delete(oldest);
      }
      this.#known.set(userId, language);
      return language;
    } catch (error) {
      this.#log("slack_user_locale_failed", { userId, error: errorText(error) });
      return "en";
    }
  }
}
