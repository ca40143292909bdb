import { BriefingError } from "../errors.ts";
import { type InterfaceLanguage, type MessageKey, message } from "../i18n/messages.ts";
import { canonicalTimeZone } from "./local-time.ts";
import type { DigestDays, DigestSchedule } from "./types.ts";

export type DigestCommand =
  | { kind: "subscribe"; schedule: DigestSchedule; topic?: string; quiet: boolean }
  | { kind: "off" }
  | { kind: "now" }
  | { kind: "status" };

export const DIGEST_USAGE = message("en", "digestUsage");

const MAX_TOPIC_LENGTH = 200;
const TIME = /^(\d{1,2})[:.h](\d{2})$/iu;

/** What was wrong, then how to use `digest`: in the asker's language where it is known. */
function usage(key: MessageKey, ...values: string[]): BriefingError {
  const says = (language: InterfaceLanguage) =>
    `${message(language, key, ...values)} ${message(language, "digestUsage")}`;
  return new BriefingError("USAGE", says("en"), { userText: true, says });
}

function parseTime(word: string | undefined): string {
  const match = word === undefined ? null : TIME.exec(word);
  if (!match) throw usage("digestNotATime", word ?? "");
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) {
    throw usage("digestNotATimeOfDay", word ?? "");
  }
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

function parseTimeZone(word: string | undefined): string {
  if (word === undefined) {
    throw usage("digestZoneMissing");
  }
  const zone = canonicalTimeZone(word);
  if (!zone) {
    throw usage("digestUnknownZone", word);
  }
  return zone;
}

/** The words after `digest`: subscribe with a schedule, or off / now / status. Errors name what was wrong. */
export function parseDigestCommand(text: string): DigestCommand {
  const words = text.trim().split(/\s+/u).filter(Boolean);
  const [first, ...rest] = words;
  const keyword = first?.toLowerCase();
  if (keyword === undefined) throw usage("digestSayWhat");
  if (keyword === "off" || keyword === "now" || keyword === "status") {
    if (rest.length > 0) throw usage("digestTakesNothing", keyword);
    return { kind: keyword };
  }
  if (keyword !== "daily" && keyword !== "weekdays") {
    throw usage("digestNotACommand", first ?? "");
  }
  const time = parseTime(rest[0]);
  const timeZone = parseTimeZone(rest[1]);
  const quiet = rest.slice(2).some((word) => word.toLowerCase() === "--quiet");
  const topic = rest
    .slice(2)
    .filter((word) => word.toLowerCase() !== "--quiet")
    .join(" ")
    .trim();
  if (topic.length > MAX_TOPIC_LENGTH) {
    throw usage("topicTooLong", String(topic.length), String(MAX_TOPIC_LENGTH));
  }
  const days: DigestDays = keyword;
  return { kind: "subscribe", schedule: { days, time, timeZone }, quiet, ...(topic ? { topic } : {}) };
}
