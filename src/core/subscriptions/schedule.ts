import { type InterfaceLanguage, message } from "../i18n/messages.ts";
import { localTime } from "./local-time.ts";
import type { DigestSchedule } from "./types.ts";

/** The cron pattern (minute hour day month weekday) of a schedule, read in the schedule's time zone. */
export function cronPattern(schedule: DigestSchedule): string {
  const [hour, minute] = schedule.time.split(":").map(Number);
  return `${minute} ${hour} * * ${schedule.days === "weekdays" ? "1-5" : "*"}`;
}

/**
 * Whether an instant is one of the schedule's own runs: its local time is the schedule's time on a scheduled
 * day. A scheduler run at any other moment (an early first run, a run of a replaced schedule) is not.
 */
export function isScheduledRun(instant: number, schedule: DigestSchedule): boolean {
  const local = localTime(instant, schedule.timeZone);
  if (local.time !== schedule.time) return false;
  return schedule.days === "daily" || (local.weekday >= 1 && local.weekday <= 5);
}

/** "daily at 08:00 (Europe/Amsterdam)", in `language`. */
export function describeSchedule(schedule: DigestSchedule, language: InterfaceLanguage = "en"): string {
  const key = schedule.days === "weekdays" ? "scheduleWeekdays" : "scheduleDaily";
  return message(language, key, schedule.time, schedule.timeZone);
}
