import type { LanguageCode } from "../../types.ts";

/**
 * Numbers a bullet states must be in the passage it cites: as digits, as number words (one to twenty, in
 * English, Dutch and French), and as calendar words (months and weekdays), all mapped to one key on both
 * sides so that "three years", "drie jaar" and "3 years" agree, and "Tuesday" does not pass for "Monday".
 */

/** One to twenty; "-" marks a word left out because it also means "a" ("un", "een"). */
const NUMBER_WORDS: Readonly<Record<string, string>> = {
  en: "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty",
  nl: "- twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien twintig",
  fr: "- deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf vingt",
};

/** Dutch "één" (one) folds to "een" (a): it is recognised by its accents before folding. */
const ACCENTED_ONES: Readonly<Record<string, readonly string[]>> = { nl: ["één", "eén"] };
/** Words that also mean "a": they prove "one" in a passage but never make a claim say "one". */
const ARTICLE_ONES: Readonly<Record<string, readonly string[]>> = { nl: ["een"], fr: ["un", "une"] };

const MONTHS: Readonly<Record<string, string>> = {
  en: "january february march april may june july august september october november december",
  nl: "januari februari maart april mei juni juli augustus september oktober november december",
  fr: "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
};
const WEEKDAYS: Readonly<Record<string, string>> = {
  en: "monday tuesday wednesday thursday friday saturday sunday",
  nl: "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
  fr: "lundi mardi mercredi jeudi vendredi samedi dimanche",
};
/** English months and weekdays only count capitalised: "may", "march" and "sun" are ordinary words. */
const CAPITALISED_ONLY = new Set(["en"]);

function fold(word: string): string {
  return word.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
}

function indexWords(
  lists: Readonly<Record<string, string>>,
  prefix: string,
): Map<string, Map<string, string>> {
  const byLanguage = new Map<string, Map<string, string>>();
  for (const [language, list] of Object.entries(lists)) {
    const words = new Map<string, string>();
    list.split(/\s+/u).forEach((word, index) => {
      if (word !== "-") words.set(fold(word), `${prefix}${index + 1}`);
    });
    byLanguage.set(language, words);
  }
  return byLanguage;
}

const NUMBER_KEYS = indexWords(NUMBER_WORDS, "");
const MONTH_KEYS = indexWords(MONTHS, "month:");
const WEEKDAY_KEYS = indexWords(WEEKDAYS, "day:");
const ALL_LANGUAGES = Object.keys(NUMBER_WORDS);

const DIGITS = /\d+(?:[.,]\d+)*/gu;
const THOUSANDS = /^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/u;
const SPACED_THOUSANDS = /(?<=\d)[\u00a0\u202f\u2009 ](?=\d{3}(?!\d))/gu;
const WORDS = /\p{L}+(?:-\p{L}+)*/gu;
/** Dutch writes numbers into compounds: "driejarige" (three-year), "tienduizend". */
const MIN_COMPOUND_REST = 3;

/** "3,000" and "3.000" → "3000"; "1,5" → "1.5"; "06" → "6". */
function numberKey(raw: string): string {
  const joined = THOUSANDS.test(raw) ? raw.replace(/[.,]/gu, "") : raw.replace(/,/gu, ".");
  return joined.replace(/^0+(?=\d)/u, "");
}

function languagesOf(language: LanguageCode): readonly string[] {
  return NUMBER_KEYS.has(language) ? [language] : ALL_LANGUAGES;
}

/**
 * The number and calendar keys a text states. With `asEvidence`, the reading is generous (what a passage may
 * prove): "un"/"une"/"een" count as one and Dutch compounds count their leading number word. Without it, the
 * reading is what a claim asserts.
 */
export function numberKeys(text: string, language: LanguageCode, asEvidence: boolean): Set<string> {
  const keys = new Set<string>();
  const spaced = text.replace(SPACED_THOUSANDS, "");
  for (const match of spaced.matchAll(DIGITS)) keys.add(numberKey(match[0]));
  const languages = languagesOf(language);
  for (const match of spaced.matchAll(WORDS)) {
    const word = match[0];
    const folded = fold(word);
    for (const code of languages) {
      const numbers = NUMBER_KEYS.get(code);
      const whole = ACCENTED_ONES[code]?.includes(word.toLowerCase().normalize("NFC"))
        ? "1"
        : numbers?.get(folded);
      if (whole !== undefined) keys.add(whole);
      else if (folded.includes("-"))
        for (const part of folded.split("-")) {
          const key = numbers?.get(part);
          if (key !== undefined) keys.add(key);
        }
      if (asEvidence) {
        if (ARTICLE_ONES[code]?.includes(folded)) keys.add("1");
        if (code === "nl" && whole === undefined) addCompoundNumber(folded, numbers, keys);
      }
      const calendarWord = !CAPITALISED_ONLY.has(code) || /^\p{Lu}/u.test(word);
      if (!calendarWord) continue;
      const calendar = MONTH_KEYS.get(code)?.get(folded) ?? WEEKDAY_KEYS.get(code)?.get(folded);
      if (calendar !== undefined) keys.add(calendar);
    }
  }
  return keys;
}

function addCompoundNumber(
  folded: string,
  numbers: ReadonlyMap<string, string> | undefined,
  keys: Set<string>,
): void {
  for (const [word, key] of numbers ?? []) {
    if (folded.length >= word.length + MIN_COMPOUND_REST && folded.startsWith(word)) keys.add(key);
  }
}
