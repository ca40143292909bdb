import { DISCORD_LIMITS } from "./limits.ts";
import { type DiscordEmbed, type DiscordEmbedField, embedCharacters } from "./payload.ts";

/** Joins lines into as few chunks of at most `max` characters as possible; every line must fit on its own. */
export function chunkLines(lines: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const line of lines) {
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length <= max) {
      current = joined;
      continue;
    }
    if (current) chunks.push(current);
    current = line;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Splits text at spaces into pieces of at most `max` characters (a longer word is cut). */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const space = rest.lastIndexOf(" ", max);
    const cut = space > 0 ? space : max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** Puts fields into embeds of at most 25 fields and 6,000 characters; only the first embed gets the title. */
export function embedsForFields(
  title: string,
  fields: readonly DiscordEmbedField[],
  color: number,
): DiscordEmbed[] {
  const embeds: DiscordEmbed[] = [];
  let current: DiscordEmbed = { title, color, fields: [] };
  for (const field of fields) {
    const currentFields = current.fields ?? [];
    const fieldSize = field.name.length + field.value.length;
    const full =
      currentFields.length >= DISCORD_LIMITS.fieldsPerEmbed ||
      embedCharacters(current) + fieldSize > DISCORD_LIMITS.embedCharactersPerMessage;
    if (full && currentFields.length > 0) {
      embeds.push(current);
      current = { color, fields: [] };
    }
    (current.fields ?? []).push(field);
  }
  if ((current.fields ?? []).length > 0) embeds.push(current);
  return embeds;
}

/** Groups embeds, in order, into messages of at most 10 embeds and 6,000 embed characters. */
export function groupIntoMessages(embeds: readonly DiscordEmbed[]): DiscordEmbed[][] {
  const messages: DiscordEmbed[][] = [];
  let current: DiscordEmbed[] = [];
  let characters = 0;
  for (const embed of embeds) {
    const size = embedCharacters(embed);
    const full =
      current.length >= DISCORD_LIMITS.embedsPerMessage ||
      characters + size > DISCORD_LIMITS.embedCharactersPerMessage;
    if (full && current.length > 0) {
      messages.push(current);
      current = [];
      characters = 0;
    }
    current.push(embed);
    characters += size;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}
