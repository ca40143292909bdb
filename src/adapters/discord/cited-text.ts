import { citationMarker, citationMarkers, sourceFacts } from "../../core/source-line.ts";
import type { AnswerBullet, Source } from "../../core/types.ts";
import { DISCORD_LIMITS } from "./limits.ts";
import { escapeMarkdown, linkableUrl, safeText } from "./safe-text.ts";

/** Above this, a bullet's citation markers lose their links (each link repeats a URL). */
const MAX_LINKED_MARKERS = 1_200;

export type SourceUrls = ReadonlyMap<number, string | undefined>;

/** Each source's link target by its number; undefined where it has no URL a markdown link can hold. */
export function sourceUrls(sources: readonly Source[]): SourceUrls {
  return new Map(sources.map((source) => [source.n, linkableUrl(source.url)]));
}

/** A linked title or marker: `[text](url)`, or the text alone when there is no URL. */
export function discordLink(text: string, url: string | undefined): string {
  return url ? `[${text}](${url})` : text;
}

function linkedMarkers(bullet: AnswerBullet, urls: SourceUrls): string {
  const linked = bullet.citations
    .map((n) => discordLink(escapeMarkdown(citationMarker(n)), urls.get(n)))
    .join("");
  return linked.length <= MAX_LINKED_MARKERS ? linked : escapeMarkdown(citationMarkers(bullet.citations));
}

/** "• text \[1\]\[2\]", made safe, the markers linked to their articles, within one embed description. */
export function bulletLine(bullet: AnswerBullet, urls: SourceUrls): string {
  const markers = linkedMarkers(bullet, urls);
  const room = DISCORD_LIMITS.embedDescription - markers.length - "• ".length - 1;
  return `• ${safeText(bullet.text, room)}${markers ? ` ${markers}` : ""}`;
}

/** A source's facts, each made safe and at most `factLength` characters. */
export function discordSourceFacts(source: Source, factLength: number): string[] {
  return sourceFacts(source).map((fact) => safeText(fact, factLength));
}
