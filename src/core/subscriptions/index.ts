export { DIGEST_USAGE, type DigestCommand, parseDigestCommand } from "./digest-command.ts";
export { canonicalTimeZone, describeInstant, isTimeZone, type LocalTime, localTime } from "./local-time.ts";
export { cronPattern, describeSchedule, isScheduledRun } from "./schedule.ts";
export type { DigestDays, DigestSchedule, Subscription, SubscriptionProgress } from "./types.ts";
