/** `<@U123>`, `<@U123|name>`, `<#C123|general>`, `<!here>`, `<https://x|label>`, `<mailto:a@b.c>` */
const SLACK_ENTITY = /<([^<>|]*)(?:\|([^<>]*))?>/gu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}

function readableEntity(target: string, label: string | undefined): string {
  const sigil = target.startsWith("@") || target.startsWith("#") ? target.charAt(0) : "";
  if (label) return sigil && !label.startsWith(sigil) ? `${sigil}${label}` : label;
  if (target.startsWith("!")) return `@${target.slice(1).split("^")[0] ?? ""}`;
  return target;
}

/**
 * The plain question in a message or command as Slack sends it: the bot's own mention removed, other
 * mentions, channels and links turned into their readable form, `&amp;` `&lt;` `&gt;` decoded.
 */
export function plainTextFromSlack(text: string, botUserId?: string): string {
  const withoutBot = botUserId
    ? text.replace(new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, "gu"), " ")
    : text;
  return withoutBot
    .replace(SLACK_ENTITY, (_match, target: string, label: string | undefined) =>
      readableEntity(target, label),
    )
    .replace(/&lt;/gu, "<")
    .replace(/&gt;/gu, ">")
    .replace(/&amp;/gu, "&");
}
