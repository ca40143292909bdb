export const REDACTED = "[redacted]";

/** Characters that end a token or a URL inside free text, JSON or a header. */
const STOP = String.raw`\s"'<>\\,;)\]}`;

/** Credentials recognised by their shape, whether configured here or not. */
const SECRET_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  // URL user-info (`redis://user:password@host`, `https://user:password@host`): keep the user.
  [new RegExp(String.raw`\b([a-z][a-z0-9+.-]*://[^:/@${STOP}]*:)[^@/${STOP}]+@`, "giu"), `$1${REDACTED}@`],
  // Authorization header values.
  [/\b(Bearer|bearer|BEARER|Basic)\s+[A-Za-z0-9._~+/=-]+/gu, `$1 ${REDACTED}`],
  [/\bBot\s+[A-Za-z0-9._-]{20,}/gu, `Bot ${REDACTED}`],
  // Slack's incoming webhooks and response_urls: any path on hooks.slack.com.
  [new RegExp(String.raw`\b(https?://hooks\.slack\.com)/[^${STOP}]*`, "giu"), `$1/${REDACTED}`],
  // A response_url on any host (slash commands, interactivity): keep the host, redact the path.
  [
    new RegExp(
      String.raw`\b(https?://[^/${STOP}]+)(?:/[^${STOP}]*?)?/(?:commands|actions)/[^${STOP}]*`,
      "giu",
    ),
    `$1/${REDACTED}`,
  ],
  // Discord webhook and interaction tokens in URLs.
  [new RegExp(`(/webhooks/[^/${STOP}]+/)[^/?#${STOP}]+`, "gu"), `$1${REDACTED}`],
  [new RegExp(`(/interactions/[^/${STOP}]+/)[^/?#${STOP}]+`, "gu"), `$1${REDACTED}`],
  // Slack tokens: bot, user, app-level, configuration, refresh.
  [/\b(xox[abposre])-[A-Za-z0-9-]+/gu, `$1-${REDACTED}`],
  [/\bxapp-[A-Za-z0-9-]+/gu, `xapp-${REDACTED}`],
  // OpenAI-style keys (`sk-…`, `sk-proj-…`).
  [/\bsk-[A-Za-z0-9_-]{6,}/gu, `sk-${REDACTED}`],
  // A Discord bot token on its own: three base64url parts separated by dots.
  [/\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}/gu, REDACTED],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}

/** How a secret may be spelled in a line: as is, URL-encoded, form-encoded, JSON-escaped. */
function spellings(secret: string): string[] {
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
  ]);
  forms.add(JSON.stringify(secret).slice(1, -1));
  return [...forms];
}

/**
 * Replaces, in any text, the configured secrets (in each spelling) with `[redacted]`, then every credential
 * recognised by its shape (Slack and OpenAI tokens, response_urls, Discord webhook and interaction tokens,
 * Authorization values, passwords in URLs).
 */
export function secretRedactor(secrets: readonly string[]): (text: string) => string {
  const known = [...new Set(secrets.filter((secret) => secret !== "").flatMap(spellings))].sort(
    (a, b) => b.length - a.length,
  );
  const configured = known.length > 0 ? new RegExp(known.map(escapeRegExp).join("|"), "gu") : undefined;
  return (text) => {
    let redacted = configured ? text.replace(configured, REDACTED) : text;
    for (const [pattern, replacement] of SECRET_PATTERNS) redacted = redacted.replace(pattern, replacement);
    return redacted;
  };
}
