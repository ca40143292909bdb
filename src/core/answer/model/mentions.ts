/**
 * Slack and Discord control sequences that ping, link or notify: `<!channel>`, `<!here>`, `<!everyone>`,
 * `<!subteam^…>`, `<@U…>`, `<#C…>`, and Discord's `<@123…>`, `<@!…>`, `<@&…>`, `<#…>`. Any `<!…>`, `<@…>` or
 * `<#…>` goes: none belongs in a bullet. The angle quotes are the form passages are shown to the model in.
 */
const ANGLE_MENTION = /[<‹]\s*[!@#][^<>‹›\n]{0,200}[>›]/gu;
const BARE_MENTION = /@+\s*(?:everyone|here|channel)\b/giu;
/** Zero-width and other format characters: "@\u200beveryone" must not survive as "@everyone" later. */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/** A word whose NFKC form ("＠everyone" → "@everyone") could ping: it is read in that form. */
const PING_CHARACTERS = /[<‹][!@#]|@/u;

function revealDisguisedMentions(text: string): string {
  return text.replace(/\S+/gu, (word) => {
    const plain = word.normalize("NFKC");
    return plain !== word && PING_CHARACTERS.test(plain) ? plain : word;
  });
}

/**
 * Removes every mention syntax from text (repeatedly, so removals cannot splice a new one together). Only words
 * that NFKC turns into mention syntax are normalized: other text keeps its characters ("5½" stays "5½").
 */
export function stripMentions(text: string): string {
  let current = revealDisguisedMentions(text.replace(FORMAT_CHARACTERS, ""));
  for (;;) {
    const next = current.replace(ANGLE_MENTION, " ").replace(BARE_MENTION, " ");
    if (next === current) return current;
    current = next;
  }
}

/** Whether text still holds anything that could ping on Slack or Discord. */
export function hasMentionSyntax(text: string): boolean {
  const normalized = text.replace(FORMAT_CHARACTERS, "").normalize("NFKC");
  return (
    new RegExp(ANGLE_MENTION.source, "u").test(normalized) ||
    new RegExp(BARE_MENTION.source, "iu").test(normalized)
  );
}
