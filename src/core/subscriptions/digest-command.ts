import { BriefingError } from "../errors.ts";
import { canonicalTimeZone } from "./local-time.ts";
import type { DigestDays, DigestSchedule } from "./types.ts";

export type DigestCommand =
  | { kind: "subscribe"; schedule: DigestSchedule; topic?: string; quiet: boolean }
  | { kind: "off" }
  | { kind: "now" }
  | { kind: "status" };

export const DIGEST_USAGE =
  "Use `digest daily 08:00 Europe/Amsterdam [topic words] [--quiet]`, `digest weekdays …`, `digest now`, `digest status` or `digest off`.";

const MAX_TOPIC_LENGTH = 200;
const TIME = /^(\d{1,2})[:.h](\d{2})$/iu;

function usage(message: string): BriefingError {
  return new BriefingError("USAGE", `${message} ${DIGEST_USAGE}`, { userText: true });
}

function parseTime(word: string | undefined): string {
  const match = word === undefined ? null : TIME.exec(word);
  if (!match) throw usage(`"${word ?? ""}" is not a time: write it as HH:MM, 24-hour (08:00, 17:30).`);
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) {
    throw usage(`"${word}" is not a time of day: hours go from 00 to 23 and minutes from 00 to 59.`);
  }
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

function parseTimeZone(word: string | undefined): string {
  if (word === undefined) {
    throw usage("The time zone is missing: add an IANA name such as Europe/Amsterdam or UTC.");
  }
  const zone = canonicalTimeZone(word);
  if (!zone) {
    throw usage(
      `"${word}" is not a time zone I know: use an IANA name such as Europe/Amsterdam, America/New_York or UTC.`,
    );
  }
  return zone;
}

/** The words after `digest`: subscribe with a schedule, or off / now / status. Errors name what was wrong. */
export function parseDigestCommand(text: string): DigestCommand {
  const words = text.trim().split(/\s+/u).filter(Boolean);
  const [first, ...rest] = words;
  const keyword = first?.toLowerCase();
  if (keyword === undefined) throw usage("Say what to do with the digest.");
  if (keyword === "off" || keyword === "now" || keyword === "status") {
    if (rest.length > 0) throw usage(`\`digest ${keyword}\` takes nothing after it.`);
    return { kind: keyword };
  }
  if (keyword !== "daily" && keyword !== "weekdays") {
    throw usage(`"${first}" is not a digest command.`);
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
    throw usage(`The topic is ${topic.length} characters long; keep it under ${MAX_TOPIC_LENGTH}.`);
  }
  const days: DigestDays = keyword;
  return { kind: "subscribe", schedule: { days, time, timeZone }, quiet, ...(topic ? { topic } : {}) };
}
