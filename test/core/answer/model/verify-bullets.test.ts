import { describe, expect, it } from "vitest";
import {
  bulletSupport,
  hasMentionSyntax,
  type ProposedBullet,
  type VerifiablePassage,
  verificationTools,
  verifyBullets,
} from "../../../../src/core/answer/model/index.ts";
import { PASSAGES } from "./fixtures/support-cases.ts";

const passages = new Map<string, VerifiablePassage>([
  ["P1", PASSAGES.harbour],
  ["P2", PASSAGES.cyberAlert],
  ["P3", PASSAGES.frAlert],
  ["P4", PASSAGES.deliverTraining],
]);
const tools = verificationTools("en");

const bullet = (text: string, ...citations: Array<[string, string]>): ProposedBullet => ({
  text,
  citations: citations.map(([passage, quote]) => ({ passage, quote })),
});

const STORM = "The Rotterdam harbour closed on Monday because of a storm";

describe("verifyBullets", () => {
  it("keeps a supported bullet with its quote as written in the passage", () => {
    const { kept, dropped } = verifyBullets(
      [bullet("The Rotterdam harbour closed on Monday because of a storm.", ["P1", STORM.toLowerCase()])],
      passages,
      tools,
    );
    expect(dropped).toEqual([]);
    expect(kept).toEqual([
      {
        text: "The Rotterdam harbour closed on Monday because of a storm.",
        citations: [{ passage: "P1", quote: STORM, span: { start: 0, end: STORM.length } }],
      },
    ]);
  });

  it("drops a bullet citing an id that was not given", () => {
    const { kept, dropped } = verifyBullets(
      [bullet("The Rotterdam harbour closed on Monday because of a storm.", ["P9", STORM])],
      passages,
      tools,
    );
    expect(kept).toEqual([]);
    expect(dropped).toEqual([
      { text: "The Rotterdam harbour closed on Monday because of a storm.", reason: "unknown_passage" },
    ]);
  });

  it("accepts the id written loosely: p1, [P1]", () => {
    const { kept } = verifyBullets(
      [bullet("The Rotterdam harbour closed on Monday because of a storm.", ["p1", STORM], ["[P1]", STORM])],
      passages,
      tools,
    );
    expect(kept[0]?.citations.map((citation) => citation.passage)).toEqual(["P1"]);
  });

  it("drops a bullet whose quote is not in its passage, or too short to prove anything", () => {
    const { dropped } = verifyBullets(
      [
        bullet("The Rotterdam harbour closed on Monday because of a storm.", [
          "P1",
          "The harbour closed because of a flood",
        ]),
        bullet("The Rotterdam harbour closed on Monday because of a storm.", ["P1", "storm"]),
        bullet("The Rotterdam harbour closed on Monday because of a storm.", ["P1", "a storm"]),
      ],
      passages,
      tools,
    );
    expect(dropped.map((drop) => drop.reason)).toEqual([
      "quote_not_found",
      "quote_not_found",
      "quote_not_found",
    ]);
  });

  it("drops a real quote attached to a claim the passage does not make", () => {
    const { kept, dropped } = verifyBullets(
      [bullet("The harbour reopened on Tuesday", ["P1", STORM])],
      passages,
      tools,
    );
    expect(kept).toEqual([]);
    expect(dropped).toEqual([{ text: "The harbour reopened on Tuesday", reason: "unsupported" }]);
  });

  it("drops an invented number", () => {
    const { dropped } = verifyBullets(
      [
        bullet("The Rotterdam harbour closed on Monday because of a storm with winds of 150 km/h.", [
          "P1",
          "with winds of 120 km/h",
        ]),
      ],
      passages,
      tools,
    );
    expect(dropped.map((drop) => drop.reason)).toEqual(["unsupported"]);
    expect(
      bulletSupport(
        "A storm with winds of 150 km/h closed the Rotterdam harbour on Monday.",
        "en",
        PASSAGES.harbour,
      ).failed,
    ).toBe("number");
  });

  it("removes only the citations that fail, and drops a bullet with the first failure", () => {
    const { kept, dropped } = verifyBullets(
      [
        bullet(
          "Trend Micro will provide expert cyber threat analysis for an Interpol cyber alert at the IGCI in Singapore.",
          ["P9", "anything at all here"],
          ["P4", "Trend Micro will deliver training programmes"],
          ["P2", "providing expert cyber threat analysis"],
        ),
        bullet(
          "Trend Micro will open an office in Lyon next year.",
          ["P7", "x y z"],
          ["P2", "not in the passage at all"],
        ),
      ],
      passages,
      tools,
    );
    expect(kept.map((kept) => kept.citations.map((citation) => citation.passage))).toEqual([["P2"]]);
    expect(dropped).toEqual([
      { text: "Trend Micro will open an office in Lyon next year.", reason: "unknown_passage" },
    ]);
  });

  it("a bullet without citations is unsupported; one with mentions is dropped; one too short is empty", () => {
    const { dropped } = verifyBullets(
      [
        { text: "The Rotterdam harbour closed on Monday.", citations: [] },
        bullet("<!channel> @everyone <@U123> <#C1|general> <!subteam^S1|@team> reply", ["P1", STORM]),
        bullet("Harbour closed.", ["P1", STORM]),
      ],
      passages,
      tools,
    );
    expect(dropped.map((drop) => drop.reason)).toEqual(["unsupported", "mention", "empty"]);
    expect(dropped.every((drop) => !hasMentionSyntax(drop.text))).toBe(true);
  });

  it("drops a bullet holding mention syntax even when its words are true: the model followed the article", () => {
    const { kept, dropped } = verifyBullets(
      [
        bullet(
          "<!channel> @everyone The Rotterdam harbour closed on Monday because of a storm <@123456789012345678>.",
          ["P1", STORM],
        ),
      ],
      passages,
      tools,
    );
    expect(kept).toEqual([]);
    expect(dropped).toEqual([
      { text: "The Rotterdam harbour closed on Monday because of a storm.", reason: "mention" },
    ]);
  });

  it("checks a bullet in another language than its passage by shared names, numbers and words", () => {
    const { kept } = verifyBullets(
      [
        bullet(
          "Trend Micro will help set up an INTERPOL cybercrime alert by analysing cyber threats at INTERPOL's complex in Singapore, which opens in 2014.",
          ["P3", "la mise en place d’une alerte INTERPOL sur la cybercriminalité"],
          ["P2", "an Interpol cyber alert"],
        ),
      ],
      passages,
      tools,
    );
    expect(kept[0]?.citations.map((citation) => citation.passage)).toEqual(["P3", "P2"]);
  });
});
