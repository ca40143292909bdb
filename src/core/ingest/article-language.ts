import {
  detectLanguage,
  isKnownLanguage,
  languageName,
  languageTagCode,
  STEMMED_LANGUAGES,
} from "../text/language.ts";
import { type LanguageCode, UNDETERMINED_LANGUAGE } from "../types.ts";
import type { IngestWarning } from "./draft.ts";

/** The stated language if any, else the detected one, else the page's hint, else "und". */
export function articleLanguage(text: string, stated: LanguageCode | undefined, hint: string | undefined): LanguageCode {
  if (stated !== undefined && stated !== UNDETERMINED_LANGUAGE) return stated;
  const detected = detectLanguage(text);
  if (detected !== UNDETERMINED_LANGUAGE) return detected;
  const hinted = hint === undefined ? undefined : languageTagCode(hint);
  return hinted !== undefined && isKnownLanguage(hinted) ? hinted : UNDETERMINED_LANGUAGE;
}

/** Tells the user when an article will be indexed without language-specific stemming. */
export function languageWarning(language: LanguageCode, location: string): IngestWarning | undefined {
  if (STEMMED_LANGUAGES.has(language)) return undefined;
  const message =
    language === UNDETERMINED_LANGUAGE
      ? "The language could not be determined: the article is indexed with the neutral analyzer"
      : `No stemmer for ${languageName(language)} (${language}): the article is indexed with the neutral analyzer`;
  return { location, message };
}
