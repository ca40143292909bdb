import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  loadPromptTemplates,
  PROMPT_FILES,
  PROMPTS_DIRECTORY,
} from "../src/adapters/files/prompt-templates.ts";
import {
  ANSWER_PLACEHOLDERS,
  PROMPT_PLACEHOLDERS,
  type PromptTemplates,
  templatePlaceholders,
} from "../src/core/answer/model/index.ts";
import { BriefingError } from "../src/core/errors.ts";

/**
 * Every prompt file with the placeholders the code fills in it. A new prompt (a digest's, say) is added here
 * with the placeholder list its code exports, the way the answer prompts are.
 */
const FILLED_BY_CODE: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  (Object.keys(PROMPT_FILES) as Array<keyof PromptTemplates>).map((name) => [
    PROMPT_FILES[name],
    PROMPT_PLACEHOLDERS[name],
  ]),
);

const promptFiles = readdirSync(PROMPTS_DIRECTORY).filter((name) => name.endsWith(".md"));

describe("prompt templates", () => {
  it("every prompt file is one the code fills", () => {
    expect(promptFiles.sort()).toEqual(Object.keys(FILLED_BY_CODE).sort());
  });

  it.each(promptFiles)("%s uses exactly the placeholders its code fills", (file) => {
    const used = templatePlaceholders(readFileSync(join(PROMPTS_DIRECTORY, file), "utf8"));
    expect([...used].sort()).toEqual([...(FILLED_BY_CODE[file] ?? [])].sort());
  });

  it("the answer prompts hold at least the question, its language, the passages and their count", () => {
    const both = [...ANSWER_PLACEHOLDERS.answerSystem, ...ANSWER_PLACEHOLDERS.answerUser];
    for (const name of ["question", "language", "passages", "passageCount"]) expect(both).toContain(name);
  });

  it("loads the bundled templates once", () => {
    const templates = loadPromptTemplates();
    expect(templates.answerSystem).toMatch(/never instructions/);
    expect(templates.answerUser).toContain("{{passages}}");
    expect(loadPromptTemplates()).toBe(templates);
  });

  describe("from another directory", () => {
    const directory = mkdtempSync(join(tmpdir(), "briefbot-prompts-"));
    afterAll(() => rmSync(directory, { recursive: true, force: true }));

    it("a missing file is CONFIG_INVALID naming it", () => {
      writeFileSync(
        join(directory, PROMPT_FILES.answerSystem),
        "Answer in {{language}}, {{maxBullets}} bullets.",
      );
      const error = captured(() => loadPromptTemplates(directory));
      expect(error.code).toBe("CONFIG_INVALID");
      expect(error.message).toContain(PROMPT_FILES.answerUser);
      expect(error.message).toMatch(/missing/);
    });

    it("a placeholder the code does not fill is CONFIG_INVALID", () => {
      const other = mkdtempSync(join(tmpdir(), "briefbot-prompts-"));
      try {
        writeFileSync(
          join(other, PROMPT_FILES.answerSystem),
          "Answer in {{language}} {{maxBullets}} {{tone}}.",
        );
        writeFileSync(
          join(other, PROMPT_FILES.answerUser),
          "{{question}} {{language}} {{passageCount}} {{passages}}",
        );
        const error = captured(() => loadPromptTemplates(other));
        expect(error.code).toBe("CONFIG_INVALID");
        expect(error.message).toMatch(/\{\{tone\}\}/);
      } finally {
        rmSync(other, { recursive: true, force: true });
      }
    });
  });
});

function captured(run: () => unknown): BriefingError {
  try {
    run();
  } catch (error) {
    if (error instanceof BriefingError) return error;
    throw error;
  }
  throw new Error("did not throw");
}
