/**
 * Strips what a chat question carries besides its content: mentions, links, emoji, greetings, thanks,
 * sign-offs and filler words, in English, Dutch and French. "Hey <@U1|bob>, what will X provide exactly?
 * thanks bob" → "what will X provide?".
 */

/** Slack `<@U1|bob>`, `<#C1|general>`, `<!channel>`, `<https://x|label>`; Discord `<@!1>`, `<@&1>`, `<:smile:1>`. */
const CHAT_MARKUP = /<[@#!:][^<>\s]*>|<a?:\w+:\d+>/gu;
const SLACK_LINK = /<(?:https?|mailto):[^<>]*>/giu;
const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
const EMAIL = /\b[\w.+-]+@[\w-]+\.[\w.-]+\b/gu;
/** `@everyone`, `@bob`: an at-sign opening a word. */
const AT_MENTION = /(?<![\w@])@[\p{L}\p{N}_.-]+/gu;
/** `:thumbsup:` shortcodes and pictographic emoji with their modifiers. */
const EMOJI_SHORTCODE = /:[a-z0-9_+-]+:/giu;
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D}|\u{20E3}/gu;
/** Emoticons written with punctuation: ":)", ";-)", ":D", "xD". */
const EMOTICON = /(?<!\S)(?:[:;=8][-']?[)(\][dDpPoO/\\|*]+|[xX][dD]|<3)(?!\S)/gu;

/** Words that greet the reader when they open the question. */
const GREETINGS = new Set([
  "hi",
  "hello",
  "hey",
  "heya",
  "hiya",
  "yo",
  "howdy",
  "greetings",
  "dear",
  "hoi",
  "hallo",
  "hai",
  "hee",
  "beste",
  "dag",
  "goedemorgen",
  "goedemiddag",
  "goedenavond",
  "goeiemorgen",
  "goeiedag",
  "bonjour",
  "bonsoir",
  "salut",
  "coucou",
  "cher",
  "chere",
  "allo",
]);

/** Words that open a closing clause: thanks, sign-offs. What follows them (a name, "in advance") goes too. */
const CLOSINGS = new Set([
  "thanks",
  "thank",
  "thx",
  "thnx",
  "ty",
  "tia",
  "cheers",
  "regards",
  "best",
  "cordially",
  "bedankt",
  "dank",
  "dankje",
  "dankjewel",
  "dankuwel",
  "groeten",
  "groetjes",
  "mvg",
  "merci",
  "cordialement",
  "amicalement",
  "bises",
  "salutations",
]);

/** Words that soften or stress a question without adding to what it asks. */
const FILLERS = new Set([
  "please",
  "pls",
  "plz",
  "kindly",
  "exactly",
  "precisely",
  "just",
  "actually",
  "basically",
  "really",
  "btw",
  "anyway",
  "alsjeblieft",
  "alstublieft",
  "aub",
  "svp",
  "stp",
  "precies",
  "eigenlijk",
  "even",
  "nou",
  "graag",
  "exactement",
  "precisement",
  "vraiment",
  "juste",
  "donc",
  "svp",
]);

/** "Good morning" and its kind greet like "hello". */
const GREETING_PHRASES =
  /^(?:good (?:morning|afternoon|evening|day)|goede(?:n)? (?:morgen|middag|avond|dag))\b/iu;

/** Multi-word polite phrases, matched before single words. */
const PHRASES = [
  /\bs[''’]il (?:vous|te) pla[iî]t\b/giu,
  /\bcould you (?:please )?tell me\b/giu,
  /\bcan you (?:please )?tell me\b/giu,
  /\bi (?:would like|want) to know\b/giu,
];

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;
/** A clause ends at sentence punctuation or a comma. */
const CLAUSE_END = /[?!.,;:\n]/u;
/** A closing clause ("thanks in advance, Bob!") is dropped only when short: longer text may be content. */
const MAX_CLOSING_WORDS = 5;
/** A vocative after a greeting ("Hi Bob, …") is at most this many words. */
const MAX_VOCATIVE_WORDS = 2;

function fold(word: string): string {
  return word.toLocaleLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/['’]/gu, "");
}

/** A word in capitals ("JUST", "BEST") is a name or an acronym, not filler. */
function isAcronym(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(WORD)].map((match) => ({
    word: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** Whether only spaces and clause punctuation lie between two offsets, with a clause end among them. */
function clauseBreakBetween(text: string, from: number, to: number): boolean {
  return CLAUSE_END.test(text.slice(from, to));
}

/** Drops a greeting that opens the text, with a short vocative after it: "Hey bob, …", "Bonjour Marie : …". */
function dropGreeting(text: string): string {
  const words = tokens(text);
  let index = 0;
  while (index < words.length && GREETINGS.has(fold(words[index]?.word ?? ""))) index++;
  if (index === 0) return text;
  const afterGreeting = words[index - 1]?.end ?? 0;
  const next = words[index];
  if (next === undefined) return "";
  if (clauseBreakBetween(text, afterGreeting, next.start)) return text.slice(next.start);
  // "Hi Bob, what …": up to two words, then a clause break.
  for (let vocative = 1; vocative <= MAX_VOCATIVE_WORDS; vocative++) {
    const last = words[index + vocative - 1];
    const following = words[index + vocative];
    if (last === undefined || following === undefined) break;
    if (clauseBreakBetween(text, last.end, following.start)) return text.slice(following.start);
  }
  // "Hey what will …": the greeting alone, when the text goes on without a break.
  return text.slice(next.start);
}

/** Where the clause holding word `index` starts: the word after the last clause break before it. */
function clauseStart(text: string, words: readonly Token[], index: number): number {
  let start = index;
  while (start > 0) {
    const before = words[start - 1];
    const current = words[start];
    if (before === undefined || current === undefined || clauseBreakBetween(text, before.end, current.start))
      break;
    start--;
  }
  return start;
}

/** "thanks to the rain" is not a closing. */
const NOT_CLOSING_AFTER = new Set(["to", "for", "aan"]);

/**
 * Drops closing clauses: "… provide? thanks bob", "… provide? Alvast bedankt, Jan". A closing word must be
 * one of the first two words of its clause. A closing that opens the text ("Thanks! What …", "Thank you for
 * that, who …") is dropped up to the next clause break; one later on is dropped to the end when that is short.
 */
function dropClosings(text: string): string {
  const words = tokens(text);
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    if (word === undefined || !CLOSINGS.has(fold(word.word)) || isAcronym(word.word)) continue;
    const start = clauseStart(text, words, index);
    if (index - start > 1) continue;
    const first = words[start];
    if (first === undefined) continue;
    if (start === 0) {
      const following = words.slice(index + 1).find((later, offset) => {
        const before = words[index + offset];
        return before !== undefined && clauseBreakBetween(text, before.end, later.start);
      });
      if (following === undefined || NOT_CLOSING_AFTER.has(fold(words[index + 1]?.word ?? ""))) continue;
      return dropClosings(text.slice(following.start));
    }
    if (words.length - start <= MAX_CLOSING_WORDS) {
      const previous = words[start - 1];
      const kept = previous === undefined ? 0 : previous.end;
      const punctuation = text
        .slice(kept, first.start)
        .replace(/[,;:\s]+$/u, "")
        .trim();
      return text.slice(0, kept) + punctuation;
    }
  }
  return text;
}

/** Drops filler words that are not written in capitals. */
function dropFillers(text: string): string {
  return text.replace(WORD, (word) => (FILLERS.has(fold(word)) && !isAcronym(word) ? "" : word));
}

/** The question's content: mentions, links, emoji, greetings, thanks, sign-offs and filler words removed. */
export function cleanQuestion(question: string): string {
  let text = question
    .replace(SLACK_LINK, " ")
    .replace(CHAT_MARKUP, " ")
    .replace(URL, " ")
    .replace(EMAIL, " ")
    .replace(AT_MENTION, " ")
    .replace(EMOJI_SHORTCODE, " ")
    .replace(EMOJI, " ")
    .replace(EMOTICON, " ");
  for (const phrase of PHRASES) text = text.replace(phrase, " ");
  text = dropClosings(dropGreeting(text.trim().replace(GREETING_PHRASES, "hello")));
  return dropFillers(text)
    .replace(/\s+([?!.,;:])/gu, "$1")
    .replace(/^[\s,;:!.]+/u, "")
    .replace(/\s+/gu, " ")
    .trim();
}
