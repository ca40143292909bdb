import { BriefingError } from "../../errors.ts";
import type { ModelRequest } from "../../ports.ts";
import { languageName } from "../../text/language.ts";
import { type LanguageCode, UNDETERMINED_LANGUAGE } from "../../types.ts";
import { MODEL_ANSWER_FORMAT } from "./model-answer-schema.ts";
import type { ModelPassage } from "./model-passages.ts";

/** The prompt texts (prompts/*.md), given by the caller: core reads no files. */
export interface PromptTemplates {
  answerSystem: string;
  answerUser: string;
  /** A digest story's (and a topic summary's) summary. */
  storySystem: string;
  storyUser: string;
}

/** The placeholders the code fills in each template; test/prompts.test.ts checks the files use exactly these. */
export const ANSWER_PLACEHOLDERS = {
  answerSystem: ["language", "maxBullets"],
  answerUser: ["question", "language", "passageCount", "passages"],
} as const;

export const STORY_PLACEHOLDERS = {
  storySystem: ["language", "maxBullets"],
  storyUser: ["headline", "language", "passageCount", "passages"],
} as const;

export const PROMPT_PLACEHOLDERS = {
  ...ANSWER_PLACEHOLDERS,
  ...STORY_PLACEHOLDERS,
} as const satisfies Record<keyof PromptTemplates, readonly string[]>;

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/gu;

/** The distinct {{placeholder}} names of a template, in order of first use. */
export function templatePlaceholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ""))];
}

/**
 * Replaces every {{name}} with its value, in one pass (a value containing "{{x}}" stays as it is). Throws
 * when the template has a placeholder the values lack, or the values a key the template lacks: a prompt file
 * and the code that fills it must agree.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  const used = templatePlaceholders(template);
  const missing = used.filter((name) => !Object.hasOwn(values, name));
  const unused = Object.keys(values).filter((name) => !used.includes(name));
  if (missing.length > 0 || unused.length > 0) {
    const problems = [
      ...missing.map((name) => `{{${name}}} has no value`),
      ...unused.map((name) => `{{${name}}} is not in the template`),
    ];
    throw new BriefingError(
      "CONFIG_INVALID",
      `The prompt template does not match its values: ${problems.join(", ")}.`,
    );
  }
  return template.replace(PLACEHOLDER, (_whole, name: string) => String(values[name]));
}

/** Control characters other than tab, line feed and carriage return. */
const CONTROL_CHARACTERS = /[^\P{Cc}\t\n\r]/gu;
const MAX_ATTRIBUTE_CHARACTERS = 200;

/**
 * Article text as the model sees it: no "<" or ">" at all (they become "‹" and "›", which quote matching
 * reads back as "<" and ">"), so no passage can close its delimiter, open another, or fake one.
 */
export function defuseText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "").replaceAll("<", "‹").replaceAll(">", "›");
}

/** An attribute value: one line, no double quote (it would end the value), no angle brackets, bounded. */
export function attributeValue(value: string | null | undefined): string {
  const line = defuseText(value ?? "")
    .replace(/\s+/gu, " ")
    .replaceAll('"', "'")
    .trim();
  return line.length > MAX_ATTRIBUTE_CHARACTERS ? `${line.slice(0, MAX_ATTRIBUTE_CHARACTERS - 1)}…` : line;
}

/** `<passage id="P1" title="…" source="…" published="…" language="fr">…</passage>`, one per passage. */
export function renderPassages(passages: readonly ModelPassage[]): string {
  return passages
    .map(({ id, passage, article }) => {
      const attributes = [
        `id="${attributeValue(id)}"`,
        `title="${attributeValue(article.title)}"`,
        `source="${attributeValue(article.source)}"`,
        `published="${attributeValue(article.published)}"`,
        `language="${attributeValue(passage.language)}"`,
      ].join(" ");
      return `<passage ${attributes}>\n${defuseText(passage.text.trim())}\n</passage>`;
    })
    .join("\n\n");
}

/** "French", or a description the model can act on when the language is unknown. */
export function answerLanguageName(language: LanguageCode): string {
  if (language === UNDETERMINED_LANGUAGE) return "the language the question is written in";
  return languageName(language);
}

export interface AnswerPromptInput {
  question: string;
  language: LanguageCode;
  passages: readonly ModelPassage[];
  maxBullets: number;
  maxOutputTokens: number;
}

/** The model request for one question: system and user turns from the templates, and the reply's schema. */
export function answerRequest(input: AnswerPromptInput, templates: PromptTemplates): ModelRequest {
  const language = answerLanguageName(input.language);
  return {
    system: fillTemplate(templates.answerSystem, { language, maxBullets: input.maxBullets }),
    user: fillTemplate(templates.answerUser, {
      question: defuseText(input.question),
      language,
      passageCount: input.passages.length,
      passages: renderPassages(input.passages),
    }),
    json: MODEL_ANSWER_FORMAT,
    maxTokens: input.maxOutputTokens,
  };
}
