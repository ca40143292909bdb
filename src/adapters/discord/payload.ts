/** One Discord message as the REST API takes it (snake_case JSON), without the routing fields. */
export interface DiscordMessagePayload {
  content?: string;
  embeds?: DiscordEmbed[];
  /** Rows of buttons (👍/👎 under an answer). */
  components?: DiscordActionRow[];
  allowed_mentions: NoMentions;
}

/** A row of buttons: type 1 holds buttons of type 2 (style 2 is grey, secondary). */
export interface DiscordActionRow {
  type: 1;
  components: Array<{ type: 2; style: 2; custom_id: string; label: string; emoji: { name: string } }>;
}

export interface DiscordEmbed {
  title?: string;
  description?: string;
  color?: number;
  fields?: DiscordEmbedField[];
  footer?: { text: string };
}

export interface DiscordEmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface NoMentions {
  parse: [];
  replied_user?: false;
}

/** Nothing in a Briefbot message may ping anyone, not even the person it replies to. */
export const NO_MENTIONS: NoMentions = { parse: [], replied_user: false };

export function embedCharacters(embed: DiscordEmbed): number {
  let total =
    (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}
