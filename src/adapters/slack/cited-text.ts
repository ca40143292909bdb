import { citationMarker, citationMarkers, sourceFacts } from "../../core/source-line.ts";
import type { AnswerBullet, Source } from "../../core/types.ts";
import { SLACK_LIMITS } from "./limits.ts";
import { safeLine, slackLinkUrl } from "./slack-text.ts";

/** Above this, a bullet's citation markers lose their links (each link repeats its URL), then get cut. */
const MAX_MARKERS = 1_000;

export type SourceUrls = ReadonlyMap<number, string | undefined>;

/** Each source's link target by its number; undefined where it has no URL Slack can link. */
export function sourceUrls(sources: readonly Source[]): SourceUrls {
  return new Map(sources.map((source) => [source.n, slackLinkUrl(source.url)]));
}

/** A linked title or marker: `<url|text>`, or the text alone when there is no URL. */
export function slackLink(text: string, url: string | undefined): string {
  return url ? `<${url}|${text}>` : text;
}

function linkedMarkers(bullet: AnswerBullet, urls: SourceUrls): string {
  const linked = bullet.citations.map((n) => slackLink(citationMarker(n), urls.get(n))).join("");
  if (linked.length <= MAX_MARKERS) return linked;
  const plain = citationMarkers(bullet.citations);
  return plain.length <= MAX_MARKERS ? plain : `${plain.slice(0, plain.lastIndexOf("[", MAX_MARKERS - 1))}…`;
}

/** "• text [1][2]", escaped, the markers linked to their articles, within one section. */
export function bulletLine(bullet: AnswerBullet, urls: SourceUrls): string {
  const markers = linkedMarkers(bullet, urls);
  const room = SLACK_LIMITS.sectionText - "• ".length - markers.length - 1;
  return `• ${safeLine(bullet.text, room)}${markers ? ` ${markers}` : ""}`;
}

/** A source's facts, escaped, each at most `factLength` characters. */
export function slackSourceFacts(source: Source, factLength: number): string[] {
  return sourceFacts(source).map((fact) => safeLine(fact, factLength));
}

/** A source's title, escaped and linked to its article when it has a URL. */
export function slackSourceTitle(source: Source, titleLength: number): string {
  const title = safeLine(source.title, titleLength) || safeLine(source.articleId, titleLength);
  return slackLink(title, slackLinkUrl(source.url));
}
