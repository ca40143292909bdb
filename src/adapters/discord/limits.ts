/** Discord's documented message and embed limits (characters; we count UTF-16 units, which is never fewer). */
export const DISCORD_LIMITS = {
  content: 2_000,
  embedTitle: 256,
  embedDescription: 4_096,
  fieldName: 256,
  fieldValue: 1_024,
  fieldsPerEmbed: 25,
  embedsPerMessage: 10,
  /** Title, description, field names and values, footer and author text of all embeds of one message. */
  embedCharactersPerMessage: 6_000,
  /** `nonce` is an integer or a string of at most 25 characters. */
  nonce: 25,
} as const;
