import { describe, expect, it } from "vitest";
import { detectLanguage, isKnownLanguage, languageTagCode } from "../../../src/core/text/language.ts";
import { parseText } from "./helpers.ts";

describe("language", () => {
  it("detects common languages and gives up on short or unclear text", () => {
    expect(detectLanguage("The police signed an agreement with the security company on Monday.")).toBe("en");
    expect(
      detectLanguage("De politie heeft maandag een overeenkomst gesloten met het beveiligingsbedrijf."),
    ).toBe("nl");
    expect(detectLanguage("La police a signé lundi un accord avec l'entreprise de sécurité.")).toBe("fr");
    expect(
      detectLanguage("Die Polizei hat am Montag einen Vertrag mit der Sicherheitsfirma unterzeichnet."),
    ).toBe("de");
    expect(detectLanguage("Hola")).toBe("und");
    expect(detectLanguage("12345 67890 !!!")).toBe("und");
    expect(detectLanguage("qwxz vbnm kjhg zxcv qwpo lkjh mnbv")).toBe("und");
  });

  it("reads language tags and knows real codes", () => {
    expect(languageTagCode("en-GB")).toBe("en");
    expect(languageTagCode("NL")).toBe("nl");
    expect(languageTagCode("pt_BR")).toBe("pt");
    expect(languageTagCode("klingon!!")).toBeUndefined();
    expect(isKnownLanguage("sw")).toBe(true);
    expect(isKnownLanguage("xx")).toBe(false);
  });
});

describe("articles in an undetectable language", () => {
  it("are ingested as 'und' with a warning", () => {
    const result = parseText("noise.txt", "Qwxz vbnm kjhg zxcv qwpo lkjh mnbv wqzx pflk.");
    expect(result.articles[0]?.article.language).toBe("und");
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(/could not be determined/),
    ]);
  });
});
