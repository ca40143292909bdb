import { describe, expect, it } from "vitest";
import { BriefingError } from "../../../src/core/errors.ts";
import { parseDigestCommand } from "../../../src/core/subscriptions/index.ts";

function refusal(text: string): string {
  try {
    parseDigestCommand(text);
  } catch (error) {
    expect(error).toBeInstanceOf(BriefingError);
    expect((error as BriefingError).code).toBe("USAGE");
    return (error as BriefingError).message;
  }
  throw new Error(`"${text}" was accepted`);
}

describe("digest commands", () => {
  it("reads a daily subscription with a time zone, a topic and the quiet flag", () => {
    expect(parseDigestCommand("daily 08:00 Europe/Amsterdam")).toEqual({
      kind: "subscribe",
      schedule: { days: "daily", time: "08:00", timeZone: "Europe/Amsterdam" },
      quiet: false,
    });
    expect(parseDigestCommand("weekdays 7:30 america/new_york Trend Micro INTERPOL --quiet")).toEqual({
      kind: "subscribe",
      schedule: { days: "weekdays", time: "07:30", timeZone: "America/New_York" },
      topic: "Trend Micro INTERPOL",
      quiet: true,
    });
  });

  it("reads off, now and status", () => {
    expect(parseDigestCommand(" OFF ")).toEqual({ kind: "off" });
    expect(parseDigestCommand("now")).toEqual({ kind: "now" });
    expect(parseDigestCommand("status")).toEqual({ kind: "status" });
  });

  it("names what is wrong with a time", () => {
    expect(refusal("daily 25:00 Europe/Amsterdam")).toContain('"25:00" is not a time of day');
    expect(refusal("daily 08:61 UTC")).toContain('"08:61" is not a time of day');
    expect(refusal("daily eight UTC")).toContain('"eight" is not a time');
    expect(refusal("daily")).toContain("is not a time");
  });

  it("names what is wrong with a time zone", () => {
    expect(refusal("daily 08:00 Europe/Atlantis")).toContain('"Europe/Atlantis" is not a time zone');
    expect(refusal("daily 08:00")).toContain("time zone is missing");
    expect(refusal("daily 08:00 <!channel>")).toContain("is not a time zone");
  });

  it("refuses unknown words and extra words after off/now/status", () => {
    expect(refusal("hourly 08:00 UTC")).toContain('"hourly" is not a digest command');
    expect(refusal("off please")).toContain("takes nothing after it");
    expect(refusal("")).toContain("Say what to do");
    expect(refusal(`daily 08:00 UTC ${"x".repeat(300)}`)).toContain("keep it under");
  });
});
