import { describe, expect, it } from "vitest";
import { cronPattern, isScheduledRun, localTime } from "../../../src/core/subscriptions/index.ts";

const amsterdam = { days: "daily" as const, time: "08:00", timeZone: "Europe/Amsterdam" };

describe("digest schedules", () => {
  it("turns a schedule into a cron pattern read in its own zone", () => {
    expect(cronPattern(amsterdam)).toBe("0 8 * * *");
    expect(cronPattern({ days: "weekdays", time: "17:05", timeZone: "UTC" })).toBe("5 17 * * 1-5");
  });

  it("recognises the schedule's own runs on both sides of a daylight-saving change", () => {
    // Amsterdam moves from UTC+1 to UTC+2 on 2027-03-28: 08:00 local is 07:00Z before, 06:00Z after.
    expect(isScheduledRun(Date.parse("2027-03-27T07:00:00Z"), amsterdam)).toBe(true);
    expect(isScheduledRun(Date.parse("2027-03-28T06:00:00Z"), amsterdam)).toBe(true);
    expect(isScheduledRun(Date.parse("2027-03-28T07:00:00Z"), amsterdam)).toBe(false);
    expect(localTime(Date.parse("2027-03-28T06:00:00Z"), "Europe/Amsterdam")).toMatchObject({
      date: "2027-03-28",
      time: "08:00",
    });
  });

  it("skips weekends for weekday schedules", () => {
    const weekdays = { ...amsterdam, days: "weekdays" as const };
    expect(isScheduledRun(Date.parse("2027-03-27T07:00:00Z"), weekdays)).toBe(false); // a Saturday
    expect(isScheduledRun(Date.parse("2027-03-29T06:00:00Z"), weekdays)).toBe(true); // a Monday
  });
});
