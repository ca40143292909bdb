import { describe, expect, it } from "vitest";
import { validateQuestion } from "../../../src/core/answer/question.ts";
import { BriefingError, ERROR_CODES } from "../../../src/core/errors.ts";
import { interfaceLanguage, interfaceLanguageOf } from "../../../src/core/i18n/interface-language.ts";
import { INTERFACE_LANGUAGES, MESSAGES, message } from "../../../src/core/i18n/messages.ts";
import { seedLibrary } from "../../support/seed-library.ts";

describe("the message catalogue", () => {
  it("has every message in English, Dutch and French, each filled in and taking the same values", () => {
    for (const [key, texts] of Object.entries(MESSAGES)) {
      const shapes = INTERFACE_LANGUAGES.map((language) => {
        const text = (texts as Record<string, unknown>)[language];
        expect(text, `${key}.${language}`).toBeDefined();
        if (typeof text === "function") {
          const marks = ["⟨1⟩", "⟨2⟩", "⟨3⟩"];
          const filled = String(text(...marks));
          expect(filled.trim().length, `${key}.${language}`).toBeGreaterThan(0);
          return marks.filter((mark) => filled.includes(mark)).join(",");
        }
        expect(String(text).trim().length, `${key}.${language}`).toBeGreaterThan(0);
        return "";
      });
      expect(new Set(shapes).size, `${key} takes the same values in every language`).toBe(1);
    }
  });
});

describe("error texts", () => {
  it("has each error code's short text in English, Dutch and French; an English text written for users follows it", () => {
    for (const [code, kind] of Object.entries(ERROR_CODES)) {
      for (const text of [kind.user, kind.nl, kind.fr]) expect(text.trim().length, code).toBeGreaterThan(0);
    }
    const generic = new BriefingError("QUEUE_UNAVAILABLE", "redis at 10.0.0.5 refused");
    expect(generic.userMessage()).toBe("The question queue is not reachable right now.");
    expect(generic.userMessage("nl")).toBe("De wachtrij voor vragen is nu niet bereikbaar.");
    expect(generic.userMessage("fr")).not.toContain("10.0.0.5");
    const written = new BriefingError("USAGE", "Say which feed to follow", { userText: true });
    expect(written.userMessage()).toBe("Say which feed to follow.");
    expect(written.userMessage("fr")).toBe(
      "La commande n'a pas été utilisée correctement. Say which feed to follow.",
    );
  });
});

describe("the language Briefbot speaks to someone in", () => {
  it("follows the question's language, then a locale hint, then English", () => {
    expect(interfaceLanguage("Wanneer opent het IGCI?")).toBe("nl");
    expect(interfaceLanguage("Quelles formations Trend Micro va-t-il organiser ?")).toBe("fr");
    expect(interfaceLanguage("What will Trend Micro provide?")).toBe("en");
    expect(interfaceLanguage("IGCI", "fr")).toBe("fr");
    expect(interfaceLanguage("", "nl")).toBe("nl");
    expect(interfaceLanguageOf("fr-CA")).toBe("fr");
  });
});

describe("answers that say the articles do not hold the answer, in the question's language", () => {
  it("says it in Dutch, French and English", async () => {
    const library = await seedLibrary();
    const dutch = library.ask(validateQuestion("Wat was de omzet van Trend Micro in 2013?"));
    expect(dutch.status).toBe("no_evidence");
    expect(dutch.message).toContain(message("nl", "noAnswer"));
    expect(dutch.message).toMatch(/5 artikelen/);
    const french = library.ask(validateQuestion("Trend Micro a-t-il signé un accord avec Europol ?"));
    expect(french.message).toContain(message("fr", "noAnswer"));
    expect(french.message).toContain('"Europol"');
    const english = library.ask(validateQuestion("What did Microsoft announce about Windows licensing?"));
    expect(english.message).toMatch(/^The articles don't answer this\. I searched 5 articles/);
  });
});
