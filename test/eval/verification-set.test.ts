import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { paragraphArticles } from "../../eval/qa.ts";
import { readSquadFormat } from "../../eval/squad-format.ts";
import {
  buildLabelledSet,
  CASE_KINDS,
  type CaseKind,
  type LabelledCase,
  seedArticles,
  type VerificationSource,
  verifyCase,
} from "../../eval/verification.ts";

/** Two stories, two paragraphs each: material for every kind (leading phrases, attributions, numbers, names). */
const FIXTURE = paragraphArticles(
  [
    {
      id: "harbour-1",
      title: "Rotterdam harbour",
      text: "In 2019, the Rotterdam harbour handled 469 million tonnes of cargo from 12 countries. The port authority said the new container terminal would open in March 2021. According to the harbour master Jan Visser, the storm closed the Maasvlakte terminal for 3 days, which cost the operators about 40 million euros.",
    },
    {
      id: "harbour-2",
      title: "Rotterdam harbour",
      text: "The Rotterdam harbour employs about 385,000 people in the wider region of South Holland. Most of the containers arrive from Shanghai and Singapore on ships that are longer than 300 metres.",
    },
    {
      id: "election-1",
      title: "Utrecht council election",
      text: "During the campaign, Mayor Ahmed Aboutaleb promised to build 18,000 new homes in the city before 2030. The council approved the budget in a vote of 28 to 17 after a debate that lasted until midnight.",
    },
    {
      id: "election-2",
      title: "Utrecht council election",
      text: "Voters in Utrecht elected a new council on Wednesday, with turnout rising to 57 percent. The Green party won 11 seats in the council, making it the largest group since 1994.",
    },
  ],
  "en",
);

const EXACT: ReadonlyMap<CaseKind, string> = new Map([
  ["unknown_passage", "unknown_passage"],
  ["quote_altered", "quote_not_found"],
  ["mention", "mention"],
]);

const squash = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ");

function checkSet(cases: readonly LabelledCase[]): void {
  const kinds = new Set(cases.map((labelled) => labelled.kind));
  expect(CASE_KINDS.map(({ kind }) => kind).filter((kind) => !kinds.has(kind))).toEqual([]);
  for (const labelled of cases) {
    const outcome = verifyCase(labelled);
    const expected = EXACT.get(labelled.kind);
    if (expected !== undefined)
      expect({ kind: labelled.kind, ...outcome }).toMatchObject({ kept: false, reason: expected });
    if (labelled.faithful) {
      // A faithful bullet cites its own passage with a verbatim quote of it.
      const citation = labelled.bullet.citations[0];
      expect(citation?.passage).toBe(labelled.correctPassage);
      const passage = labelled.passages.get(citation?.passage ?? "");
      expect(squash(passage?.text ?? "")).toContain(squash(citation?.quote ?? "-"));
    }
  }
}

describe("the labelled verification set", () => {
  it("builds every kind, the same way every time, and the exact rules drop every case of theirs", async () => {
    const sources: VerificationSource[] = [
      { name: "fixture", articles: FIXTURE },
      { name: "seeds", articles: await seedArticles(), oneStory: true },
    ];
    const cases = buildLabelledSet(sources, { perKind: 20 });
    checkSet(cases);
    expect(JSON.stringify(buildLabelledSet(sources, { perKind: 20 }).map((c) => c.bullet))).toBe(
      JSON.stringify(cases.map((c) => c.bullet)),
    );
    expect(cases.some((c) => c.source === "seeds" && c.kind.startsWith("unsupported"))).toBe(false);
    const unknown = cases.filter((c) => c.kind === "unknown_passage");
    for (const c of unknown) expect(c.passages.has(c.bullet.citations[0]?.passage ?? "")).toBe(false);
  });

  it("keeps the plain faithful sentence of the fixture and drops its corrupted number", () => {
    const cases = buildLabelledSet([{ name: "fixture", articles: FIXTURE }], { perKind: 50 });
    const sentences = cases.filter((c) => c.kind === "faithful_sentence");
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.every((c) => verifyCase(c).kept)).toBe(true);
    const changed = cases.filter((c) => c.kind === "number_changed");
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((c) => !verifyCase(c).kept)).toBe(true);
  });

  const evalDirectory =
    process.env.BRIEFBOT_EVAL_DIR ?? fileURLToPath(new URL("../../../shared/eval", import.meta.url));
  it.skipIf(!existsSync(join(evalDirectory, "piaf-v1.0.json")))(
    "builds every kind from SQuAD and PIAF, as the eval does",
    () => {
      const source = (name: string, file: string, language: "en" | "fr"): VerificationSource => ({
        name,
        articles: paragraphArticles(readSquadFormat(join(evalDirectory, file)).paragraphs, language),
      });
      const cases = buildLabelledSet(
        [source("SQuAD", "squad-v1.1-dev-part1.json", "en"), source("PIAF", "piaf-v1.0.json", "fr")],
        { perKind: 30 },
      );
      checkSet(cases);
    },
  );
});
