import { describe, expect, it } from "vitest";
import { validateQuestion } from "../../src/core/answer/question.ts";
import { BriefingError, ERROR_CODES, type ErrorCode } from "../../src/core/errors.ts";
import { parseDigestCommand } from "../../src/core/subscriptions/index.ts";

const CODES = Object.keys(ERROR_CODES) as ErrorCode[];
const INTERNAL_TEXT = "ECONNRESET 10.1.2.3:6379 read failed at redis://cache.internal";

function thrown(action: () => unknown): BriefingError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(BriefingError);
    return error as BriefingError;
  }
  throw new Error("expected a BriefingError");
}

describe("BriefingError", () => {
  it("is named after its code, in stack traces too", () => {
    const error = new BriefingError("STORE_UNAVAILABLE", "Redis is not reachable");
    expect(error.name).toBe("BriefingError[STORE_UNAVAILABLE]");
    expect(String(error)).toBe("BriefingError[STORE_UNAVAILABLE]: Redis is not reachable");
    expect(error.stack?.split("\n")[0]).toBe("BriefingError[STORE_UNAVAILABLE]: Redis is not reachable");
  });

  it("keeps code, retryable, location, retryAfterMs and the full message", () => {
    const error = new BriefingError("PLATFORM_RATE_LIMITED", INTERNAL_TEXT, {
      location: "chat.postMessage",
      retryAfterMs: 1_500,
    });
    expect(error).toMatchObject({
      code: "PLATFORM_RATE_LIMITED",
      retryable: true,
      location: "chat.postMessage",
      retryAfterMs: 1_500,
      message: INTERNAL_TEXT,
    });
    expect(error.detailedMessage()).toBe(`${INTERNAL_TEXT} (chat.postMessage)`);
  });

  it.each(CODES)("tells the user only the short text of %s, never the internal message", (code) => {
    const error = new BriefingError(code, INTERNAL_TEXT);
    expect(error.userMessage()).toBe(ERROR_CODES[code].user);
    expect(error.userMessage()).not.toMatch(/ECONNRESET|10\.1\.2\.3|redis:/u);
  });

  it("adds the location for input errors only", () => {
    const input = new BriefingError("MALFORMED_INPUT", `Not JSON: ${INTERNAL_TEXT}`, {
      location: "feed.jsonl:3",
    });
    expect(input.userMessage()).toBe("The input could not be parsed (feed.jsonl:3).");
    const store = new BriefingError("STORE_CORRUPT", "bad record", { location: "{briefbot}:delivery:job-1" });
    expect(store.userMessage()).toBe(ERROR_CODES.STORE_CORRUPT.user);
  });

  it("shows a text marked as written for the user, as a sentence", () => {
    const marked = new BriefingError("EMPTY_INPUT", "The content is empty", {
      location: "a.txt",
      userText: true,
    });
    expect(marked.userMessage()).toBe("The content is empty (a.txt).");
    const separate = new BriefingError("BUSY", `Lock held by ${INTERNAL_TEXT}`, {
      userText: "Another digest for this channel is being posted",
    });
    expect(separate.userMessage()).toBe("Another digest for this channel is being posted.");
    expect(separate.message).toContain(INTERNAL_TEXT);
  });

  it("passes the deliberate texts of question and digest-command checks to the user", () => {
    const empty = thrown(() => validateQuestion("   "));
    expect(empty.userMessage()).toBe(
      'The question is empty: ask something like "What will Trend Micro provide?"',
    );
    const long = thrown(() => validateQuestion("x".repeat(1_200)));
    expect(long.userMessage()).toBe("The question is 1,200 characters long; keep it under 1,000.");
    const command = thrown(() => parseDigestCommand("daily 25:00 UTC"));
    expect(command.userMessage()).toContain('"25:00" is not a time of day');
    expect(command.userMessage()).toContain("digest daily 08:00 Europe/Amsterdam");
  });
});
