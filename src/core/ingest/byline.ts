import { findDates } from "./dates.ts";
import { endsLikeSentence, wordCount } from "./lines.ts";

export interface Byline {
  author?: string;
  published?: string;
}

const MAX_BYLINE_CHARS = 120;
/** A dateline is a date plus a few words ("Published", a weekday, a time, "Media release"). */
const MAX_DATELINE_EXTRA_WORDS = 4;
const BY_PREFIX =
  /^(?:(?:written|posted|reported|words|text|story|geschreven|rédigé|écrit|publié)\s+)?(?:by|door|par|von|por)\s+/i;
const AUTHOR_LABEL = /^(?:authors?|auteurs?|autor(?:in|en)?|reporter|journalist|tekst|texte)\s*:\s*/i;
const PUBLISHED_LABEL =
  /^(?:published|posted|updated|date|gepubliceerd|geplaatst|publié|mis à jour|veröffentlicht|publicado)\b/i;
const PART_SEPARATOR = /\s+[-–—|·•]\s+|\s*[|·•]\s*/;
const NAME_JOINER = /\s+(?:and|en|et|und|y|e)\s+|\s*&\s*|,\s+/;
const NAME_TOKEN = /^\p{Lu}[\p{L}'’.-]*$/u;
const PARTICLES = new Set("van de der den von le la du des di da dos del ten ter bin al el zu 't".split(" "));
const ROLE_WORDS =
  /\b(?:editor|contributor|reporter|correspondent|writer|journalist|columnist|analyst|staff|redacteur|redactie|rédacteur|rédaction|journaliste|correspondant|redakteur|redaktion|news|desk|team)\b/i;

/**
 * Reads a byline or dateline: "Written by Leon Spencer, Contributor", "Door Jan de Vries",
 * "Wouter Hoeffnagel - 30 september 2014", "24 juin 2013 - Media release", "Published: 2014-09-30".
 * Undefined when the line is something else.
 */
export function readByline(line: string): Byline | undefined {
  if (line.length > MAX_BYLINE_CHARS) return undefined;
  const labeled = AUTHOR_LABEL.test(line) ? line.replace(AUTHOR_LABEL, "") : undefined;
  const prefixed = BY_PREFIX.test(line) ? line.replace(BY_PREFIX, "") : undefined;
  const rest = labeled ?? prefixed;
  if (rest !== undefined) {
    const author = readNames(rest);
    if (author !== undefined) return withDate({ author }, rest);
    // "By Staff Writer - June 3, 2014": no person to name, but still a byline with a date.
    const dated = withDate({}, rest);
    return dated.published === undefined ? undefined : dated;
  }
  return readNameAndDate(line) ?? readDateline(line);
}

/** "Name - date" or "date | Name": a full name (not a place in capitals) beside a date. */
function readNameAndDate(line: string): Byline | undefined {
  const parts = line.split(PART_SEPARATOR);
  if (parts.length < 2 || findDates(line).length === 0) return undefined;
  const author = parts.find(
    (part) =>
      part.includes(" ") && part !== part.toUpperCase() && findDates(part).length === 0 && isPersonName(part),
  );
  return author === undefined ? undefined : withDate({ author }, line);
}

/** A short line that is mostly a date: "24 juin 2013 - Media release", "Updated 2014-09-30 10:12". */
function readDateline(line: string): Byline | undefined {
  if (line.length > 100 || (endsLikeSentence(line) && !PUBLISHED_LABEL.test(line))) return undefined;
  const dates = findDates(line);
  if (dates.length === 0) return undefined;
  const dateWords = dates.reduce(
    (sum, date) => sum + wordCount(line.slice(date.index, date.index + date.length)),
    0,
  );
  return wordCount(line) - dateWords <= MAX_DATELINE_EXTRA_WORDS ? withDate({}, line) : undefined;
}

function withDate(byline: Byline, text: string): Byline {
  const earliest = findDates(text)
    .map((date) => date.iso)
    .sort()[0];
  return earliest === undefined ? byline : { ...byline, published: earliest };
}

/** "Leon Spencer", "Jan de Vries en Anna Bakker"; stops at a role ("…, Contributor") or a date. */
export function readNames(text: string): string | undefined {
  const head = text.split(/\s+[-–—|·•(]\s*|\s*[|·•]\s*/)[0] ?? "";
  const names: string[] = [];
  for (const candidate of head.split(NAME_JOINER)) {
    const name = candidate.trim();
    const plausible = isPersonName(name) && (names.length === 0 || name.includes(" "));
    if (!plausible) break;
    names.push(name);
  }
  return names.length > 0 ? names.join(", ") : undefined;
}

function isPersonName(text: string): boolean {
  const tokens = text.split(/\s+/);
  if (tokens.length > 5 || text.length > 60 || ROLE_WORDS.test(text)) return false;
  const first = tokens[0] ?? "";
  const last = tokens.at(-1) ?? "";
  return (
    NAME_TOKEN.test(first) &&
    NAME_TOKEN.test(last) &&
    tokens.every((token) => NAME_TOKEN.test(token) || PARTICLES.has(token.toLowerCase()))
  );
}
