/**
 * Whether bytes that are not valid UTF-8 read as windows-1252 text with confidence: every non-ASCII byte
 * decodes to a letter used in Western European languages (é, ë, ç, œ …) written inside a word that has
 * ASCII letters too, or to typographic punctuation (’ “ ” – … € «). Random or corrupted bytes ("ÿþÃ(") fail.
 */
const WESTERN_LETTER = /[À-ÖØ-öø-ÿŒœŠšŽžŸ]/u;
const TYPOGRAPHY = /[‘’‚“”„–—…•€«»°§£¢¥©®™ ·×]/u;
const ASCII_LETTER = /[A-Za-z]/u;
/** Bytes windows-1252 leaves undefined: their presence rules it out. */
const UNDEFINED_BYTES = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

const windows1252 = new TextDecoder("windows-1252");

export function readsAsWindows1252(bytes: Uint8Array): string | undefined {
  for (const byte of bytes) if (UNDEFINED_BYTES.has(byte)) return undefined;
  const text = windows1252.decode(bytes);
  const words = text.split(/[\s\p{P}\p{S}\d]+/u);
  const lettersInWords = new Set<string>();
  for (const word of words) {
    if (![...word].some((char) => char.charCodeAt(0) > 0x7f)) continue;
    if (!ASCII_LETTER.test(word)) return undefined;
    for (const char of word) if (char.charCodeAt(0) > 0x7f) lettersInWords.add(char);
  }
  for (const char of text) {
    if (char.charCodeAt(0) <= 0x7f) continue;
    if (TYPOGRAPHY.test(char)) continue;
    if (!WESTERN_LETTER.test(char) || !lettersInWords.has(char)) return undefined;
  }
  return text;
}
