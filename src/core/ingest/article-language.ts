import { detectLanguage, isKnownLanguage, languageName, languageTagCode } from "../text/language.ts";
import { SUPPORTED_LANGUAGES } from "../text/language-profiles.ts";
import { type LanguageCode, UNDETERMINED_LANGUAGE } from "../types.ts";
import type { IngestWarning } from "./draft.ts";

/** The stated language if any, else the detected one, else the page's hint, else "und". */
export function articleLanguage(
  text: string,
  stated: LanguageCode | undefined,
  hint: string | undefined,
): LanguageCode {
  if (stated !== undefined && stated !== UNDETERMINED_LANGUAGE) return stated;
  const detected = detectLanguage(text);
  if (detected !== UNDETERMINED_LANGUAGE) return detected;
  const hinted = hint === undefined ? undefined : languageTagCode(hint);
  return hinted !== undefined && isKnownLanguage(hinted) ? hinted : UNDETERMINED_LANGUAGE;
}

/** Tells the user when an article will be indexed without a language-specific analyzer. */
export function languageWarning(language: LanguageCode, location: string): IngestWarning | undefined {
  if (SUPPORTED_LANGUAGES.includes(language)) return undefined;
  const message =
    language === UNDETERMINED_LANGUAGE
      ? "The language could not be determined: the article is indexed with the neutral analyzer"
      : `No analyzer for ${languageName(language)} (${language}): the article is indexed with the neutral analyzer`;
  return { location, message };
}
