import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  PROMPT_PLACEHOLDERS,
  type PromptTemplates,
  templatePlaceholders,
} from "../../core/answer/model/index.ts";
import { BriefingError } from "../../core/errors.ts";

/** The prompts shipped with Briefbot: prompts/ at the repository root. */
export const PROMPTS_DIRECTORY = fileURLToPath(new URL("../../../prompts/", import.meta.url));

/** The file each template is read from, inside the prompts directory. */
export const PROMPT_FILES: Readonly<Record<keyof PromptTemplates, string>> = {
  answerSystem: "answer-system.md",
  answerUser: "answer-user.md",
  storySystem: "story-system.md",
  storyUser: "story-user.md",
};

const cache = new Map<string, PromptTemplates>();

function readTemplate(directory: string, name: keyof PromptTemplates): string {
  const path = join(directory, PROMPT_FILES[name]);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "is missing" : "cannot be read";
    throw new BriefingError("CONFIG_INVALID", `The prompt template ${path} ${reason}.`, {
      cause: error,
      location: path,
    });
  }
  const used = templatePlaceholders(text);
  const expected: readonly string[] = PROMPT_PLACEHOLDERS[name];
  const unknown = used.filter((placeholder) => !expected.includes(placeholder));
  const absent = expected.filter((placeholder) => !used.includes(placeholder));
  if (unknown.length > 0 || absent.length > 0) {
    const problems = [
      ...unknown.map((placeholder) => `{{${placeholder}}} is not filled by Briefbot`),
      ...absent.map((placeholder) => `{{${placeholder}}} is missing`),
    ];
    throw new BriefingError(
      "CONFIG_INVALID",
      `The prompt template ${path} is not valid: ${problems.join(", ")}.`,
      {
        location: path,
      },
    );
  }
  return text.trim();
}

/**
 * The prompts from `directory` (default: the bundled prompts/), read once per directory and checked:
 * a missing file or a placeholder the code does not fill is a CONFIG_INVALID BriefingError naming the file.
 */
export function loadPromptTemplates(directory: string = PROMPTS_DIRECTORY): PromptTemplates {
  const cached = cache.get(directory);
  if (cached) return cached;
  const templates: PromptTemplates = {
    answerSystem: readTemplate(directory, "answerSystem"),
    answerUser: readTemplate(directory, "answerUser"),
    storySystem: readTemplate(directory, "storySystem"),
    storyUser: readTemplate(directory, "storyUser"),
  };
  cache.set(directory, templates);
  return templates;
}
