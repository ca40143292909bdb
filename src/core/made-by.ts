import type { Story } from "./digest/types.ts";
import { countOf, type InterfaceLanguage } from "./i18n/messages.ts";
import { UNDETERMINED_LANGUAGE } from "./types.ts";

/** How an answer was made, under its bullets: the model that wrote it, and the note on a fallback. */
export function madeByLines(made: { model?: string | undefined; note?: string | undefined }): string[] {
  return [
    made.model
      ? `Written by ${made.model} from the passages below; every quote was checked against them.`
      : "",
    made.note ?? "",
  ].filter(Boolean);
}

/** Among a digest story's facts: who wrote its summary, when a model did. */
export function storySummaryBy(model: string | undefined): string {
  return model ? `summary by ${model}, quotes checked` : "";
}

/**
 * "3 sources · en, fr · summary by gpt-x, quotes checked": the line under a story's headline in chat. The
 * summary-by part names a configured model, so it goes through the platform's `safe`.
 */
export function storyFacts(
  story: Pick<Story, "sourceCount" | "languages" | "model">,
  safe: (text: string) => string,
  language: InterfaceLanguage = "en",
): string {
  const languages = story.languages.filter((language) => language !== UNDETERMINED_LANGUAGE).join(", ");
  return [countOf(language, story.sourceCount, "source"), languages, safe(storySummaryBy(story.model))]
    .filter(Boolean)
    .join(" · ");
}
