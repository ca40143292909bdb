import { guessQuestionLanguage } from "../answer/question-language.ts";
import { detectLanguage } from "../text/language.ts";
import type { LanguageCode } from "../types.ts";
import { INTERFACE_LANGUAGES, type InterfaceLanguage } from "./messages.ts";

function isInterfaceLanguage(code: string | undefined): code is InterfaceLanguage {
  return (INTERFACE_LANGUAGES as readonly string[]).includes(code ?? "");
}

/** The interface language for a language code ("nl", "fr-CA" → "fr"), English for any other. */
export function interfaceLanguageOf(code: LanguageCode | undefined): InterfaceLanguage {
  const primary = code?.toLowerCase().split(/[-_]/u)[0];
  return isInterfaceLanguage(primary) ? primary : "en";
}

/**
 * The language to speak to someone in: the language of what they wrote (by its function words, then a
 * detector), else `hint` (a Discord interaction's locale) when the text is too short to tell, else English.
 */
export function interfaceLanguage(text: string, hint?: string): InterfaceLanguage {
  const guessed =
    text.trim() === "" ? undefined : guessQuestionLanguage(text, INTERFACE_LANGUAGES, detectLanguage);
  if (isInterfaceLanguage(guessed)) return guessed;
  return interfaceLanguageOf(hint);
}
