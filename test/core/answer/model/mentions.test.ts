import { describe, expect, it } from "vitest";
import { cleanBulletText, hasMentionSyntax, stripMentions } from "../../../../src/core/answer/model/index.ts";

const PINGS = [
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<!subteam^S0123ABC|@security-team>",
  "<@U0123ABC>",
  "<@W0123ABC|alice>",
  "<#C0123ABC|general>",
  "@everyone",
  "@here",
  "@channel",
  "<@123456789012345678>",
  "<@!123456789012345678>",
  "<@&456789012345678901>",
  "<#123456789012345678>",
  "‹!channel›",
  "＠everyone",
  "@\u200beveryone",
  "<<!x>!channel>",
];

describe("mention syntax", () => {
  it.each(PINGS)("removes %s", (ping) => {
    const cleaned = stripMentions(`Before ${ping} after`);
    expect(hasMentionSyntax(cleaned)).toBe(false);
    expect(cleaned).not.toMatch(/[<‹][!@#]|@(?:everyone|here|channel)/iu);
    expect(cleaned.replace(/\s+/gu, " ")).toBe("Before after");
  });

  it("leaves ordinary text, e-mail addresses and comparisons alone", () => {
    expect(stripMentions("Write to press@example.com if 3 < 4 and 5 > 2.")).toBe(
      "Write to press@example.com if 3 < 4 and 5 > 2.",
    );
  });

  it("cleans a bullet: mentions, citation markers and list markers go, one line stays", () => {
    expect(cleanBulletText("- <!channel> The **harbour**  closed [P1] on Monday (P2, P3).\n")).toBe(
      "The harbour closed on Monday.",
    );
  });
});

describe("characters other than mentions", () => {
  it("are kept as written: fractions and ligatures are not rewritten by mention removal", () => {
    expect(stripMentions("The dam is 5½ metres high and ﬁne.")).toBe("The dam is 5½ metres high and ﬁne.");
  });
});
