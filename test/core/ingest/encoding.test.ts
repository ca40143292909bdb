import { describe, expect, it } from "vitest";
import { decodeWithNotes } from "../../../src/core/ingest/decode.ts";
import { parseDocument } from "../../../src/core/ingest/index.ts";

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

describe("bytes that are not valid UTF-8", () => {
  it("reads confident windows-1252 text (Dutch, French, typographic quotes) and says so", () => {
    const french = Uint8Array.from([
      ...ascii("Le mus"),
      0xe9,
      ...ascii("e a ouvert "),
      0x93,
      ...ascii("la salle"),
      0x94,
      ...ascii(" ; il co"),
      0xfb,
      ...ascii("te 5 "),
      0x80,
      ...ascii("."),
    ]);
    const decoded = decodeWithNotes(french, "musee.txt");
    expect(decoded.text).toBe("Le musée a ouvert “la salle” ; il coûte 5 €.");
    expect(decoded.warning).toMatch(/windows-1252/);
    const dutch = Uint8Array.from([...ascii("Het co"), 0xf6, ...ascii("rdinatiecentrum is geopend.")]);
    expect(decodeWithNotes(dutch, "nl.txt").text).toBe("Het coördinatiecentrum is geopend.");
  });

  it("never stores mojibake silently: unrecognisable bytes are replaced and reported per file", () => {
    const corrupted = Uint8Array.from([
      ...ascii("Trend Micro "),
      0xff,
      0xfe,
      0xc3,
      0x28,
      ...ascii(" will provide "),
      0xa1,
      ...ascii(" training to the police."),
    ]);
    const parsed = parseDocument({ name: "notes.txt", content: corrupted });
    const text = parsed.articles[0]?.article.text ?? "";
    expect(text).not.toMatch(/[ÿþÃ¡]/u);
    expect(text).toContain("\uFFFD");
    expect(text).toContain("will provide");
    expect(parsed.warnings).toEqual([
      expect.objectContaining({ location: "notes.txt", message: expect.stringMatching(/not valid UTF-8/) }),
    ]);
  });

  it("refuses windows-1252 when a byte it leaves undefined occurs", () => {
    const bytes = Uint8Array.from([
      ...ascii("Caf"),
      0xe9,
      0x81,
      ...ascii(" au lait, bien s"),
      0xfb,
      ...ascii("r."),
    ]);
    const decoded = decodeWithNotes(bytes, "cafe.txt");
    expect(decoded.text).toContain("\uFFFD");
    expect(decoded.warning).toMatch(/replaced/);
  });

  it("leaves valid UTF-8 alone, without a warning", () => {
    const decoded = decodeWithNotes(new TextEncoder().encode("Één coördinator à Paris."), "ok.txt");
    expect(decoded).toEqual({ text: "Één coördinator à Paris." });
  });
});
