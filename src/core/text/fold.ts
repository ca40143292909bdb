const NON_ASCII = /\P{ASCII}/u;
const COMBINING_MARKS = /\p{M}+/gu;
/** Letters that carry no combining mark after NFD but still have a plain Latin spelling. */
const LETTER_SPELLINGS: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  ł: "l",
  ŀ: "l",
  þ: "th",
  ı: "i",
  ħ: "h",
};
const SPELLED_LETTERS = new RegExp(`[${Object.keys(LETTER_SPELLINGS).join("")}]`, "gu");
/** A digit group separated by a no-break or thin space, as in French "3 000". */
const SPACED_THOUSANDS = /(?<=\d)[\u00a0\u202f\u2009](?=\d{3}(?!\d))/g;

export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** Unicode NFKC (ligatures, full-width forms, compatibility characters), keeping French "3 000" one number. */
export function normalizeText(text: string): string {
  if (isAscii(text)) return text;
  return text.replace(SPACED_THOUSANDS, "").normalize("NFKC");
}

/** Removes accents from a lower-case word: "économie" → "economie", "straße" → "strasse". */
export function foldAccents(word: string): string {
  if (isAscii(word)) return word;
  const stripped = word.normalize("NFD").replace(COMBINING_MARKS, "");
  return stripped.replace(SPELLED_LETTERS, (letter) => LETTER_SPELLINGS[letter] ?? letter);
}
