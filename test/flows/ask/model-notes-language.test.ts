import { describe, expect, it } from "vitest";
import { loadPaths } from "../../../src/adapters/files/load-paths.ts";
import { loadPromptTemplates } from "../../../src/adapters/files/prompt-templates.ts";
import { BriefingError } from "../../../src/core/errors.ts";
import { MemoryTokenBudget } from "../../../src/core/memory/memory-token-budget.ts";
import type { LanguageModel } from "../../../src/core/ports.ts";
import { AnswerEngine } from "../../../src/flows/ask/answer-engine.ts";
import { writeDigest } from "../../../src/flows/digest/digest-writer.ts";
import type { ModelAnswering } from "../../../src/flows/model/model-answering.ts";
import { fallbackNote } from "../../../src/flows/model/model-notes.ts";
import { SEEDS_DIRECTORY, seedLibrary } from "../../support/seed-library.ts";

function answering(model: LanguageModel, budget?: MemoryTokenBudget): ModelAnswering {
  return {
    model,
    templates: loadPromptTemplates(),
    passageTokenBudget: 1_000,
    maxOutputTokens: 500,
    attempts: 1,
    budget,
  };
}

const unreachable: LanguageModel = {
  name: "unreachable",
  complete: () => Promise.reject(new BriefingError("MODEL_UNAVAILABLE", "connect ECONNREFUSED")),
};
const unused: LanguageModel = { name: "unused", complete: () => Promise.reject(new Error("not called")) };

describe("the notes of an answer the model did not write, in the asker's language", () => {
  it("says a spent budget in Dutch to a Dutch question, in French to a French one, in English otherwise", async () => {
    const library = await seedLibrary();
    const engine = new AnswerEngine({
      library,
      modelAnswering: answering(unused, new MemoryTokenBudget(10)),
      log: () => {},
    });
    const nl = await engine.answer("Wat gaat Trend Micro met Interpol delen?", { attempt: 1 });
    const fr = await engine.answer("Que va partager Trend Micro avec Interpol ?", { attempt: 1 });
    const en = await engine.answer("What will Trend Micro share with Interpol?", { attempt: 1 });
    expect(nl.note).toContain(fallbackNote("budget", "answer", "nl"));
    expect(fr.note).toContain(fallbackNote("budget", "answer", "fr"));
    expect(en.note).toContain(fallbackNote("budget"));
    expect(en.note).toContain("Today's language-model budget is spent");
    expect(nl.note).toContain("Het budget van het taalmodel is voor vandaag op");
    expect(fr.note).toContain("Le budget du modèle de langue est épuisé");
  });

  it("says an unreachable model in the question's language, and tells a retry in it too", async () => {
    const library = await seedLibrary();
    const progress: string[] = [];
    const engine = new AnswerEngine({ library, modelAnswering: answering(unreachable), log: () => {} });
    const nl = await engine.answer("Wat gaat Trend Micro met Interpol delen?", {
      attempt: 1,
      onProgress: (text) => progress.push(text),
    });
    expect(nl.note).toContain("Het taalmodel antwoordt nu niet");
    const retrying = new AnswerEngine({
      library,
      modelAnswering: { ...answering(unreachable), attempts: 2 },
      log: () => {},
    });
    await expect(
      retrying.answer("Que va partager Trend Micro avec Interpol ?", {
        attempt: 1,
        onProgress: (text) => progress.push(text),
      }),
    ).rejects.toThrow(BriefingError);
    expect(progress.at(-1)).toBe(
      "Le modèle de langue n'a pas répondu ; nouvel essai dans quelques secondes…",
    );
  });

  it("says in French that no model-written bullet could be checked, for a French question", async () => {
    const library = await seedLibrary();
    const unsupported: LanguageModel = {
      name: "unsupported",
      complete: async () => ({
        text: JSON.stringify({
          answerable: true,
          bullets: [
            {
              text: "Trend Micro ouvrira un bureau à Lyon.",
              citations: [{ passage: "P99", quote: "un bureau à Lyon" }],
            },
          ],
        }),
        usage: { promptTokens: 10, completionTokens: 10 },
      }),
    };
    const engine = new AnswerEngine({ library, modelAnswering: answering(unsupported), log: () => {} });
    const fr = await engine.answer("Que va partager Trend Micro avec Interpol ?", { attempt: 1 });
    expect(fr.note).toContain("La réponse du modèle de langue n'a pas pu être vérifiée dans les articles");
  });
});

describe("a digest's note when the model did not write its summaries", () => {
  it("is in the digest's language", async () => {
    const articles = (await loadPaths([SEEDS_DIRECTORY])).articles;
    const nl = await writeDigest(articles, answering(unreachable), { attempt: 1, language: "nl" }, () => {});
    const en = await writeDigest(articles, answering(unreachable), { attempt: 1 }, () => {});
    expect(nl.note).toBe(fallbackNote("failed", "summaries", "nl"));
    expect(nl.note).toContain("Het taalmodel antwoordt nu niet");
    expect(en.note).toBe(fallbackNote("failed", "summaries"));
  });
});
