/**
 * The citation verifier (src/core/answer/model/verify-bullets.ts) measured on its own, without a model: a
 * labelled set of model-like bullets is built, deterministically, from real passages (SQuAD, PIAF, the seeds),
 * faithful ones and corrupted ones of known kinds, and verifyBullets is run on each with the passages a model
 * would have been given. Reports, per kind, the share kept (faithful: false drops; corrupted: catch rate) and
 * the precision of the citations it keeps. Nothing here tunes the verifier: it is measured as it is.
 * Run alone: node eval/verification.ts
 */
import { fileURLToPath } from "node:url";
import { loadPaths } from "../src/adapters/files/load-paths.ts";
import {
  type DropReason,
  type ProposedBullet,
  type VerifiablePassage,
  verificationTools,
  verifyBullets,
} from "../src/core/answer/model/index.ts";
import type { Library } from "../src/core/library.ts";
import type { IngestedArticle, LanguageCode } from "../src/core/types.ts";
import { paragraphArticles } from "./qa.ts";
import { share } from "./qa-metrics.ts";
import { seededRandom, shuffled } from "./seeded-random.ts";
import { readSquadFormat } from "./squad-format.ts";

export const VERIFICATION_SEED = 20_251_123;
/** Cases of each kind drawn from each corpus at most. */
export const CASES_PER_KIND = 150;
/** Passages given with each bullet: its own, one of the same article when there is one, others. */
const PASSAGES_PER_CASE = 4;
const MIN_SENTENCE_WORDS = 8;
const MAX_SENTENCE_WORDS = 45;
const MIN_QUOTE_WORDS = 6;
const MAX_QUOTE_WORDS = 12;
/** A rewritten bullet keeps at least this many words. */
const MIN_REWRITE_WORDS = 6;

export const CASE_KINDS = [
  { kind: "faithful_sentence", faithful: true, exact: false, label: "a sentence of the passage" },
  {
    kind: "faithful_leading_clause",
    faithful: true,
    exact: false,
    label: "leading time/linking phrase dropped",
  },
  {
    kind: "faithful_trailing_clause",
    faithful: true,
    exact: false,
    label: "trailing ', which/who/including…' dropped",
  },
  {
    kind: "faithful_attribution",
    faithful: true,
    exact: false,
    label: "'X said Y' / 'According to X, Y' reordered",
  },
  { kind: "faithful_number_word", faithful: true, exact: false, label: "a number 2-20 written as a word" },
  { kind: "unknown_passage", faithful: false, exact: true, label: "cites a passage id not given" },
  { kind: "quote_altered", faithful: false, exact: true, label: "quote with one word changed" },
  { kind: "quote_other_passage", faithful: false, exact: false, label: "quote from another given passage" },
  { kind: "number_changed", faithful: false, exact: false, label: "a number in the bullet changed" },
  { kind: "name_swapped", faithful: false, exact: false, label: "a name swapped for one of the corpus" },
  {
    kind: "names_exchanged",
    faithful: false,
    exact: false,
    label: "two names of the sentence exchanged",
  },
  {
    kind: "numbers_exchanged",
    faithful: false,
    exact: false,
    label: "two numbers of the sentence exchanged",
  },
  {
    kind: "unsupported_other_article",
    faithful: false,
    exact: false,
    label: "sentence of another article's passage",
  },
  {
    kind: "unsupported_same_article",
    faithful: false,
    exact: false,
    label: "sentence of another passage, same article",
  },
  { kind: "mention", faithful: false, exact: true, label: "mention syntax injected" },
] as const;

export type CaseKind = (typeof CASE_KINDS)[number]["kind"];

/** Every reason verifyBullets drops a bullet for, in the order reports list them. */
export const DROP_REASONS: readonly DropReason[] = [
  "unknown_passage",
  "quote_not_found",
  "mention",
  "empty",
  "unsupported",
];

export interface VerificationSource {
  /** "SQuAD", "PIAF", "seeds". */
  name: string;
  articles: readonly IngestedArticle[];
  /**
   * Its articles all report one story (the seeds): a sentence of one may well be stated by another, so no
   * "unsupported" cases are built from it.
   */
  oneStory?: boolean;
}

const UNSUPPORTED_KINDS: ReadonlySet<CaseKind> = new Set([
  "unsupported_other_article",
  "unsupported_same_article",
]);

export interface LabelledCase {
  source: string;
  kind: CaseKind;
  faithful: boolean;
  /** The answer language: the cited passage's. */
  language: LanguageCode;
  bullet: ProposedBullet;
  /** The passages given with the bullet, P1…Pn. */
  passages: ReadonlyMap<string, VerifiablePassage>;
  /** Faithful cases: the passage that states the bullet (a kept citation of it is correct). */
  correctPassage: string | undefined;
}

// ---- Text helpers (deliberately independent of the verifier's own normalisation) ----

const wordsOf = (text: string): string[] => text.split(/\s+/u).filter((word) => word.length > 0);
const squash = (text: string): string => text.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
const tokenSet = (text: string): Set<string> =>
  new Set(
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );
const capitalize = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1);
const balanced = (text: string): boolean =>
  (text.match(/\(/gu) ?? []).length === (text.match(/\)/gu) ?? []).length &&
  (text.match(/"/gu) ?? []).length % 2 === 0 &&
  (text.match(/«/gu) ?? []).length === (text.match(/»/gu) ?? []).length;

const MONTHS_AND_DAYS = new Set(
  (
    "january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday " +
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche " +
    "januari februari maart mei juni juli augustus oktober maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"
  ).split(" "),
);

const NUMBER_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split(
    " ",
  ),
  fr: "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf vingt".split(
    " ",
  ),
  nl: "twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien twintig".split(
    " ",
  ),
};
/** The word for 2…20 in the language, or undefined. */
const numberWord = (value: number, language: string): string | undefined =>
  NUMBER_WORDS[language]?.[value - 2];

/** Phrases that only place a statement in time or link it to the previous one: dropping them keeps it true. */
const LEADING: Readonly<Record<string, RegExp>> = {
  en: /^(?:(?:However|Meanwhile|Additionally|Furthermore|Moreover|Nevertheless|Nonetheless|Consequently|Subsequently|Eventually|Ultimately|Later|Today|Thus|Therefore|Instead|In addition|As a result|At the time|In the end|Since then)|(?:During|After|Following|Before|Throughout|In (?:the )?(?:early |late |mid-)?\d{3,4}s?|In (?:January|February|March|April|May|June|July|August|September|October|November|December))(?=[\s,])[^,]{0,60}), (?=\p{L})(.+)$/u,
  fr: /^(?:(?:Cependant|Toutefois|Néanmoins|Par ailleurs|De plus|En outre|Aujourd'hui|Aujourd’hui|Ensuite|Enfin|Finalement|Par conséquent|Ainsi|En effet)|(?:Pendant|Durant|Après|Avant|Lors d|Depuis|Dès|En \d{3,4}|Dans les années|En (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre))(?=[\s,'’])[^,]{0,60}), (?=\p{L})(.+)$/u,
};

/** A non-restrictive clause ending the sentence (no comma in it): dropping it keeps the rest true. */
const TRAILING: Readonly<Record<string, RegExp>> = {
  en: /^(.+[\p{L}\p{N})]), (?:which|who|whose|whom|where|including|making|becoming|leaving|giving|bringing|followed by)\s[^,;:]+([.!?])$/u,
  fr: /^(.+[\p{L}\p{N})]), (?:qui|dont|où|notamment|ce qui|lequel|laquelle|lesquels|lesquelles)\s[^,;:]+([.!?])$/u,
};

const ACCORDING: Readonly<Record<string, RegExp>> = {
  en: /^(According to) ([^,]{2,60}), (.+)([.!?])$/u,
  fr: /^(Selon|D'après|D’après) ([^,]{2,60}), (.+)([.!?])$/u,
};
/** "X said Y": said/says/stated take a reported clause; announced/reported only with "that" (else an object). */
const SAID =
  /^((?:The |A |An )?\p{Lu}[^,;:]{1,50}?) (?:(said|says|stated) (?:that )?|(announced|reported) that )(\p{L}.+)([.!?])$/u;
const NOT_A_SPEAKER_END = /\s(?:is|was|are|were|be|been|being|has|have|had|it)$/u;
/** The reordered claim must open a main clause, not continue a phrase or a subordinate clause. */
const CLAIM_START: Readonly<Record<string, RegExp>> = {
  en: /^(?:(?:the|a|an|it|he|she|they|we|this|these|those|there|its|his|her|their|some|most|many)\s|\p{Lu})/u,
  fr: /^(?:(?:le|la|les|un|une|des|il|elle|ils|elles|on|ce|cette|ces|son|sa|ses|leur|leurs|plus|près)\s|l['’]|\p{Lu})/u,
};
const NOT_A_CLAIM_START =
  /^(?:that|to|in|on|by|at|of|for|with|from|as|when|if|while|whereas|although|lorsque|lorsqu|quand|si|bien|à|au|aux|dans|en|de|du|pour|par|sans|avec|sur)[\s'’]/iu;

/**
 * A standalone 2…20: not part of a larger number (also not "9 000", thousands grouped by spaces), a date, an
 * ordinal, an amount or a percentage.
 */
const SMALL_NUMBER =
  /(?<![\p{L}\p{N}.,:/$€£#§\-–—−]|\p{N}[\s\u00a0\u202f])(1\d|20|[2-9])(?![\p{L}\p{N}%]|[.,:/\-–—−]\p{N}|[\s\u00a0\u202f]\p{N})/u;
/** A plain integer of up to 4 digits, not part of a larger number ("9 000") or of a word ("CYP27B1", "1920s"). */
const INTEGER =
  /(?<![\p{L}\p{N}.,]|\p{N}[\s\u00a0\u202f])\d{1,4}(?![\p{L}\p{N}]|[.,]\p{N}|[\s\u00a0\u202f]\d{3}(?!\d))/gu;
const NAME = /^(\P{L}*)(\p{Lu}\p{Ll}{2,})(\P{L}*)$/u;

/** A claim that can stand first in a sentence: long enough, balanced, opening a main clause. */
function opensClause(claim: string, language: string): boolean {
  return (
    wordsOf(claim).length >= MIN_REWRITE_WORDS &&
    balanced(claim) &&
    (CLAIM_START[language]?.test(claim) ?? false) &&
    !NOT_A_CLAIM_START.test(claim)
  );
}

/** Words that join two items symmetrically ("between 2 and 3", "A et B"): exchanging those says the same. */
const onlyJoined = (between: readonly string[]): boolean =>
  between.every((word) => /^(?:and|or|et|ou|en|of|-|–|,|&)$/iu.test(word));

/** Whether the word at `index` is past its sentence's first word (after « or a dash too) and no clause start. */
/** The words of a sentence that are names (capitalized past its start, not a month or weekday), with their place. */
function namePositions(words: readonly string[]): Array<{ match: RegExpExecArray | null; index: number }> {
  return words
    .map((word, index) => ({ match: NAME.exec(word), index }))
    .filter(
      ({ match, index }) =>
        match !== null && midSentence(words, index) && !MONTHS_AND_DAYS.has((match[2] ?? "").toLowerCase()),
    );
}

function midSentence(words: readonly string[], index: number): boolean {
  const previous = words[index - 1];
  const firstWord = words.findIndex((word) => /[\p{L}\p{N}]/u.test(word));
  return (
    previous !== undefined &&
    index > firstWord &&
    /[\p{L}\p{N}]/u.test(previous) &&
    !/[.!?:«“"]$/u.test(previous)
  );
}

const MENTIONS = ["<!channel>", "@everyone", "<@U024BE7LH>", "@here", "<!here>", "<@&123456789012345678>"];

/** Sentences of a passage that can stand alone as a bullet. */
function usableSentences(ingested: IngestedArticle, passageIndex: number): string[] {
  const passage = ingested.passages[passageIndex];
  if (!passage) return [];
  return passage.sentences
    .map((span) => ingested.article.text.slice(span.start, span.end).replace(/\s+/gu, " ").trim())
    .filter((sentence) => {
      const count = wordsOf(sentence).length;
      return (
        count >= MIN_SENTENCE_WORDS &&
        count <= MAX_SENTENCE_WORDS &&
        /^[\p{Lu}\p{N}"«“]/u.test(sentence) &&
        /[.!?]["'”»)]?$/u.test(sentence) &&
        !/[<>@‹›]/u.test(sentence)
      );
    });
}

interface PoolPassage {
  id: string;
  articleId: string;
  title: string;
  language: LanguageCode;
  text: string;
  sentences: string[];
  tokens: Set<string>;
}

interface Draw {
  random: () => number;
  pick<T>(items: readonly T[]): T | undefined;
  int(below: number): number;
}

function draw(seed: number): Draw {
  const random = seededRandom(seed);
  return {
    random,
    pick: (items) => (items.length === 0 ? undefined : items[Math.floor(random() * items.length)]),
    int: (below) => Math.floor(random() * below),
  };
}

/** A verbatim run of 6-12 words of the text, or undefined when it is shorter. */
function quoteOf(text: string, rng: Draw): string | undefined {
  const words = wordsOf(text);
  if (words.length < MIN_QUOTE_WORDS) return undefined;
  const length = Math.min(words.length, MIN_QUOTE_WORDS + rng.int(MAX_QUOTE_WORDS - MIN_QUOTE_WORDS + 1));
  const start = rng.int(words.length - length + 1);
  return words.slice(start, start + length).join(" ");
}

interface CaseContext {
  target: PoolPassage;
  /** Given passages in prompt order, with their ids. */
  given: Array<{ id: string; passage: PoolPassage }>;
  targetId: string;
  sameArticle: PoolPassage | undefined;
  otherArticles: PoolPassage[];
  names: readonly string[];
  rng: Draw;
}

interface Built {
  text: string;
  citations: Array<{ passage: string; quote: string }>;
}

const citeTarget = (context: CaseContext, text: string, quote: string | undefined): Built | undefined =>
  quote === undefined ? undefined : { text, citations: [{ passage: context.targetId, quote }] };

function sentenceMatching(context: CaseContext, pattern: RegExp | undefined): RegExpMatchArray | undefined {
  if (!pattern) return undefined;
  for (const sentence of shuffled(context.target.sentences, context.rng.random)) {
    const match = pattern.exec(sentence);
    if (match) return match;
  }
  return undefined;
}

/** Each kind's builder: undefined when the passage offers nothing to build it from. */
const BUILDERS: Readonly<Record<CaseKind, (context: CaseContext) => Built | undefined>> = {
  faithful_sentence(context) {
    const sentence = context.rng.pick(context.target.sentences);
    return sentence === undefined ? undefined : citeTarget(context, sentence, quoteOf(sentence, context.rng));
  },
  faithful_leading_clause(context) {
    const rest = sentenceMatching(context, LEADING[context.target.language])?.[1];
    if (rest === undefined || wordsOf(rest).length < MIN_REWRITE_WORDS) return undefined;
    return citeTarget(context, capitalize(rest), quoteOf(rest, context.rng));
  },
  faithful_trailing_clause(context) {
    const match = sentenceMatching(context, TRAILING[context.target.language]);
    const head = match?.[1];
    if (head === undefined || wordsOf(head).length < MIN_REWRITE_WORDS || !balanced(head)) return undefined;
    return citeTarget(context, `${head}${match?.[2] ?? "."}`, quoteOf(head, context.rng));
  },
  faithful_attribution(context) {
    const language = context.target.language;
    const according = sentenceMatching(context, ACCORDING[language]);
    if (according) {
      const [sentence, opener = "", who = "", claim = "", end = "."] = according;
      if (!opensClause(claim, language)) return undefined;
      const text = `${capitalize(claim)}, ${opener.charAt(0).toLowerCase()}${opener.slice(1)} ${who}${end}`;
      return citeTarget(context, text, quoteOf(sentence, context.rng));
    }
    if (language !== "en") return undefined;
    const said = sentenceMatching(context, SAID);
    if (!said) return undefined;
    const [sentence, who = "", speech, announced, claim = "", end = "."] = said;
    const verb = speech ?? announced ?? "said";
    if (NOT_A_SPEAKER_END.test(who) || !opensClause(claim, language)) return undefined;
    const speaker = who.replace(/^(The|A|An) /u, (article) => article.toLowerCase());
    return citeTarget(
      context,
      `${capitalize(claim)}, ${speaker} ${verb}${end}`,
      quoteOf(sentence, context.rng),
    );
  },
  faithful_number_word(context) {
    for (const sentence of shuffled(context.target.sentences, context.rng.random)) {
      const match = SMALL_NUMBER.exec(sentence);
      const word = match ? numberWord(Number(match[1]), context.target.language) : undefined;
      // A sentence opening with a digit is usually a split formula or list ("O2" cut after the O); a day of
      // the month and a formula's term are not written out.
      if (!match || word === undefined || match.index === 0) continue;
      const before = wordsOf(sentence.slice(0, match.index)).at(-1) ?? "";
      const after = wordsOf(sentence.slice(match.index + match[0].length)).at(0) ?? "";
      const month = (word: string) => MONTHS_AND_DAYS.has(word.replace(/\P{L}/gu, "").toLowerCase());
      if (month(before) || month(after) || /[=+×*^<>]$/u.test(before)) continue;
      const text = `${sentence.slice(0, match.index)}${word}${sentence.slice(match.index + match[0].length)}`;
      return citeTarget(context, text, quoteOf(sentence, context.rng));
    }
    return undefined;
  },
  unknown_passage(context) {
    const sentence = context.rng.pick(context.target.sentences);
    const quote = sentence === undefined ? undefined : quoteOf(sentence, context.rng);
    if (sentence === undefined || quote === undefined) return undefined;
    const missing = `P${context.given.length + 1 + context.rng.int(3)}`;
    return { text: sentence, citations: [{ passage: missing, quote }] };
  },
  quote_altered(context) {
    const sentence = context.rng.pick(context.target.sentences);
    const quote = sentence === undefined ? undefined : quoteOf(sentence, context.rng);
    if (sentence === undefined || quote === undefined) return undefined;
    const words = wordsOf(quote);
    const positions = words
      .map((word, index) => ({ word, index }))
      .filter(({ word, index }) => index > 0 && index < words.length - 1 && /^\p{L}{3,}$/u.test(word));
    const chosen = context.rng.pick(positions);
    const donors = context.given
      .filter(({ passage }) => passage !== context.target)
      .flatMap(({ passage }) => wordsOf(passage.text))
      .filter((word) => /^\p{L}{4,}$/u.test(word) && !context.target.tokens.has(word.toLowerCase()));
    const replacement = context.rng.pick(donors);
    if (!chosen || replacement === undefined) return undefined;
    const cased = /^\p{Lu}/u.test(chosen.word)
      ? capitalize(replacement.toLowerCase())
      : replacement.toLowerCase();
    words[chosen.index] = cased;
    const altered = words.join(" ");
    if (squash(context.target.text).includes(squash(altered))) return undefined;
    return citeTarget(context, sentence, altered);
  },
  quote_other_passage(context) {
    const sentence = context.rng.pick(context.target.sentences);
    const donor = context.rng.pick(
      context.given.filter(({ passage }) => passage !== context.target && passage.sentences.length > 0),
    );
    const donorSentence = donor ? context.rng.pick(donor.passage.sentences) : undefined;
    const quote = donorSentence === undefined ? undefined : quoteOf(donorSentence, context.rng);
    if (sentence === undefined || quote === undefined) return undefined;
    if (squash(context.target.text).includes(squash(quote))) return undefined;
    return citeTarget(context, sentence, quote);
  },
  number_changed(context) {
    const stated = new Set(
      [...`${context.target.text} ${context.target.title}`.matchAll(/\d+(?:[.,]\d{3})*/gu)].map((match) =>
        match[0].replace(/[.,](?=\d{3})/gu, ""),
      ),
    );
    for (const sentence of shuffled(context.target.sentences, context.rng.random)) {
      const found = [...sentence.matchAll(INTEGER)];
      const match = context.rng.pick(found);
      if (!match) continue;
      const value = Number(match[0]);
      const step = 1 + context.rng.int(9);
      const changed =
        value >= 1000 && value <= 2100 && context.rng.random() < 0.5 ? value - step : value + step;
      const word = numberWord(changed, context.target.language);
      if (stated.has(String(changed)) || (word !== undefined && context.target.tokens.has(word))) continue;
      const text = `${sentence.slice(0, match.index)}${changed}${sentence.slice(match.index + match[0].length)}`;
      return citeTarget(context, text, quoteOf(sentence, context.rng));
    }
    return undefined;
  },
  name_swapped(context) {
    const known = new Set([...context.target.tokens, ...tokenSet(context.target.title)]);
    for (const sentence of shuffled(context.target.sentences, context.rng.random)) {
      const words = wordsOf(sentence);
      const positions = namePositions(words);
      const chosen = context.rng.pick(positions);
      if (!chosen?.match) continue;
      for (let tries = 0; tries < 20; tries++) {
        const name = context.rng.pick(context.names);
        if (name === undefined || known.has(name.toLowerCase())) continue;
        words[chosen.index] = `${chosen.match[1] ?? ""}${name}${chosen.match[3] ?? ""}`;
        return citeTarget(context, words.join(" "), quoteOf(sentence, context.rng));
      }
    }
    return undefined;
  },
  names_exchanged(context) {
    for (const sentence of shuffled(context.target.sentences, context.rng.random)) {
      const words = wordsOf(sentence);
      const names = namePositions(words);
      const pairs = names.flatMap((a, position) =>
        names.slice(position + 1).flatMap((b) => {
          const [nameA, nameB] = [a.match?.[2] ?? "", b.match?.[2] ?? ""];
          if (nameA.toLowerCase() === nameB.toLowerCase() || b.index - a.index < 2) return [];
          if (onlyJoined(words.slice(a.index + 1, b.index))) return [];
          return [{ a, b, nameA, nameB }];
        }),
      );
      const pair = context.rng.pick(pairs);
      if (!pair) continue;
      words[pair.a.index] = `${pair.a.match?.[1] ?? ""}${pair.nameB}${pair.a.match?.[3] ?? ""}`;
      words[pair.b.index] = `${pair.b.match?.[1] ?? ""}${pair.nameA}${pair.b.match?.[3] ?? ""}`;
      return citeTarget(context, words.join(" "), quoteOf(sentence, context.rng));
    }
    return undefined;
  },
  numbers_exchanged(context) {
    for (const sentence of shuffled(context.target.sentences, context.rng.random)) {
      const found = [...sentence.matchAll(INTEGER)];
      const pairs = found.flatMap((a, position) =>
        found.slice(position + 1).flatMap((b) => {
          const between = sentence.slice((a.index ?? 0) + a[0].length, b.index);
          if (Number(a[0]) === Number(b[0]) || onlyJoined(wordsOf(between))) return [];
          return [{ a, b }];
        }),
      );
      const pair = context.rng.pick(pairs);
      if (!pair) continue;
      const { a, b } = pair;
      const aEnd = a.index + a[0].length;
      const text = `${sentence.slice(0, a.index)}${b[0]}${sentence.slice(aEnd, b.index)}${a[0]}${sentence.slice(b.index + b[0].length)}`;
      return citeTarget(context, text, quoteOf(sentence, context.rng));
    }
    return undefined;
  },
  unsupported_other_article(context) {
    return unsupportedFrom(context, context.rng.pick(context.otherArticles));
  },
  unsupported_same_article(context) {
    return unsupportedFrom(context, context.sameArticle);
  },
  mention(context) {
    const sentence = context.rng.pick(context.target.sentences);
    const mention = context.rng.pick(MENTIONS) ?? "@everyone";
    if (sentence === undefined) return undefined;
    const text = context.rng.random() < 0.5 ? `${mention} ${sentence}` : `${sentence} ${mention}`;
    return citeTarget(context, text, quoteOf(sentence, context.rng));
  },
};

/** A sentence of another passage as the bullet, citing the target with a real quote of the target. */
function unsupportedFrom(context: CaseContext, other: PoolPassage | undefined): Built | undefined {
  const sentence = other ? context.rng.pick(other.sentences) : undefined;
  const own = context.rng.pick(context.target.sentences);
  if (sentence === undefined || own === undefined) return undefined;
  if (squash(context.target.text).includes(squash(sentence))) return undefined;
  return citeTarget(context, sentence, quoteOf(own, context.rng));
}

function poolOf(source: VerificationSource): PoolPassage[] {
  return source.articles.flatMap((ingested) =>
    ingested.passages.flatMap((passage, index) => {
      const sentences = usableSentences(ingested, index);
      if (sentences.length === 0) return [];
      return [
        {
          id: passage.id,
          articleId: ingested.article.id,
          title: ingested.article.title,
          language: passage.language,
          text: passage.text,
          sentences,
          tokens: tokenSet(passage.text),
        },
      ];
    }),
  );
}

/** Capitalised words past a sentence's first, by language: the names a swap draws from. */
function namesOf(pool: readonly PoolPassage[]): Map<string, string[]> {
  const byLanguage = new Map<string, Set<string>>();
  for (const passage of pool) {
    const names = byLanguage.get(passage.language) ?? new Set<string>();
    for (const sentence of passage.sentences) {
      const words = wordsOf(sentence);
      words.forEach((word, index) => {
        const name = NAME.exec(word)?.[2];
        if (name === undefined || !midSentence(words, index)) return;
        if (!MONTHS_AND_DAYS.has(name.toLowerCase())) names.add(name);
      });
    }
    byLanguage.set(passage.language, names);
  }
  return new Map([...byLanguage].map(([language, names]) => [language, [...names].sort()]));
}

function contextFor(
  target: PoolPassage,
  pool: readonly PoolPassage[],
  byTitle: ReadonlyMap<string, PoolPassage[]>,
  names: readonly string[],
  rng: Draw,
): CaseContext {
  const sameArticle = rng.pick((byTitle.get(target.title) ?? []).filter((passage) => passage !== target));
  const otherArticles: PoolPassage[] = [];
  const wanted = PASSAGES_PER_CASE - 1 - (sameArticle ? 1 : 0);
  for (let tries = 0; otherArticles.length < wanted && tries < 50; tries++) {
    const other = rng.pick(pool);
    if (other && other.title !== target.title && !otherArticles.includes(other)) otherArticles.push(other);
  }
  const order = shuffled([target, ...(sameArticle ? [sameArticle] : []), ...otherArticles], rng.random);
  const given = order.map((passage, index) => ({ id: `P${index + 1}`, passage }));
  const targetId = given.find(({ passage }) => passage === target)?.id ?? "P1";
  return { target, given, targetId, sameArticle, otherArticles, names, rng };
}

/**
 * The labelled set: for each corpus, its passages in a seeded order, each one the target of every kind that
 * still needs cases (at most `perKind` of each) and that the passage offers material for.
 */
export function buildLabelledSet(
  sources: readonly VerificationSource[],
  options: { seed?: number; perKind?: number } = {},
): LabelledCase[] {
  const seed = options.seed ?? VERIFICATION_SEED;
  const perKind = options.perKind ?? CASES_PER_KIND;
  const cases: LabelledCase[] = [];
  sources.forEach((source, sourceIndex) => {
    const rng = draw(seed + sourceIndex);
    const pool = poolOf(source);
    const byTitle = new Map<string, PoolPassage[]>();
    for (const passage of pool) byTitle.set(passage.title, [...(byTitle.get(passage.title) ?? []), passage]);
    const names = namesOf(pool);
    const counts = new Map<CaseKind, number>();
    for (const target of shuffled(pool, rng.random)) {
      const full = (kind: CaseKind) =>
        (counts.get(kind) ?? 0) >= perKind || (source.oneStory === true && UNSUPPORTED_KINDS.has(kind));
      if (CASE_KINDS.every(({ kind }) => full(kind))) break;
      const context = contextFor(target, pool, byTitle, names.get(target.language) ?? [], rng);
      const passages = new Map<string, VerifiablePassage>(
        context.given.map(({ id, passage }) => [
          id,
          { text: passage.text, language: passage.language, title: passage.title },
        ]),
      );
      for (const { kind, faithful } of CASE_KINDS) {
        if (full(kind)) continue;
        const built = BUILDERS[kind](context);
        if (!built) continue;
        counts.set(kind, (counts.get(kind) ?? 0) + 1);
        cases.push({
          source: source.name,
          kind,
          faithful,
          language: target.language,
          bullet: built,
          passages,
          correctPassage: faithful ? context.targetId : undefined,
        });
      }
    }
  });
  return cases;
}

export interface CaseOutcome {
  kept: boolean;
  reason: DropReason | undefined;
  /** Kept citations, and those that cite the passage stating the bullet (faithful cases only). */
  keptCitations: number;
  correctCitations: number;
}

export function verifyCase(labelled: LabelledCase): CaseOutcome {
  const { kept, dropped } = verifyBullets(
    [labelled.bullet],
    labelled.passages,
    verificationTools(labelled.language),
  );
  const citations = kept[0]?.citations ?? [];
  return {
    kept: kept.length > 0,
    reason: dropped[0]?.reason,
    keptCitations: citations.length,
    correctCitations: labelled.faithful
      ? citations.filter((citation) => citation.passage === labelled.correctPassage).length
      : 0,
  };
}

export interface KindTally {
  cases: number;
  kept: number;
  reasons: Map<DropReason, number>;
  keptCitations: number;
  /** Kept citations of faithful bullets that cite the passage stating them. */
  correctCitations: number;
}

export interface VerificationMeasurement {
  sources: string[];
  cases: number;
  /** Per kind, per source ("all" for the total). */
  byKind: Map<CaseKind, Map<string, KindTally>>;
  ms: number;
}

export function measureVerification(cases: readonly LabelledCase[]): VerificationMeasurement {
  const started = performance.now();
  const sources = [...new Set(cases.map((labelled) => labelled.source))];
  const byKind = new Map<CaseKind, Map<string, KindTally>>();
  for (const labelled of cases) {
    const outcome = verifyCase(labelled);
    const tallies = byKind.get(labelled.kind) ?? new Map<string, KindTally>();
    byKind.set(labelled.kind, tallies);
    for (const key of [labelled.source, "all"]) {
      const tally = tallies.get(key) ?? {
        cases: 0,
        kept: 0,
        reasons: new Map<DropReason, number>(),
        keptCitations: 0,
        correctCitations: 0,
      };
      tallies.set(key, tally);
      tally.cases++;
      if (outcome.kept) tally.kept++;
      else if (outcome.reason)
        tally.reasons.set(outcome.reason, (tally.reasons.get(outcome.reason) ?? 0) + 1);
      tally.keptCitations += outcome.keptCitations;
      tally.correctCitations += outcome.correctCitations;
    }
  }
  return { sources, cases: cases.length, byKind, ms: performance.now() - started };
}

/** Correct kept citations of `column` ("all" or a source) over the kinds that pass `include`. */
export function citationPrecision(
  measured: VerificationMeasurement,
  column: string,
  include: (kind: CaseKind) => boolean = () => true,
): { correct: number; kept: number } {
  let correct = 0;
  let kept = 0;
  for (const [kind, tallies] of measured.byKind) {
    const tally = tallies.get(column);
    if (!tally || !include(kind)) continue;
    correct += tally.correctCitations;
    kept += tally.keptCitations;
  }
  return { correct, kept };
}

/** Kinds built from the passage's own words only: no lexical check can tell them from faithful bullets. */
export const SAME_WORDS_KINDS: ReadonlySet<CaseKind> = new Set(["names_exchanged", "numbers_exchanged"]);

// ---- Corpora ----

// ---- Report ----

export function articlesOf(library: Library): IngestedArticle[] {
  return library
    .articles()
    .map((article) => ({ article, passages: [...library.articlePassages(article.id)] }));
}

export async function seedArticles(): Promise<IngestedArticle[]> {
  return (await loadPaths([fileURLToPath(new URL("../seeds", import.meta.url))])).articles;
}

/** Prints the section "== Citation verification on labelled bullets". */
export function printVerificationEvaluation(sources: readonly VerificationSource[]): VerificationMeasurement {
  console.log("\n== Citation verification on labelled bullets");
  const buildStarted = performance.now();
  const cases = buildLabelledSet(sources);
  const buildMs = performance.now() - buildStarted;
  const measured = measureVerification(cases);
  const faithful = cases.filter((labelled) => labelled.faithful).length;
  console.log(
    `verifyBullets on ${cases.length} model-like bullets built from real passages (seed ${VERIFICATION_SEED}, at most ${CASES_PER_KIND} per kind and corpus): ${faithful} faithful, ${cases.length - faithful} corrupted. Each bullet is given ${PASSAGES_PER_CASE} passages (its own at a random place, one of the same article when there is one, others) and cites its own with a real ${MIN_QUOTE_WORDS}-${MAX_QUOTE_WORDS} word quote unless its kind says otherwise.`,
  );
  console.log(
    "Faithful kinds are mechanical rewrites that keep the passage's words, so their false-drop rate is a floor for a model's freer paraphrases; 'same article' bullets are labelled unsupported unchecked (a few may in fact be stated by the cited passage).",
  );
  const columns = [...measured.sources, "all"];
  console.log(
    `${"kind".padEnd(44)} ${"label".padEnd(9)} ${columns.map((column) => `${column} kept`.padStart(11)).join(" ")}   measure`,
  );
  let empty = 0;
  for (const { kind, faithful: isFaithful, exact, label } of CASE_KINDS) {
    const tallies = measured.byKind.get(kind);
    const all = tallies?.get("all");
    if (!all) empty++;
    const cells = columns.map((column) => {
      const tally = tallies?.get(column);
      return (tally ? `${share(tally.kept, tally.cases)} /${tally.cases}` : "-").padStart(11);
    });
    const dropped = all ? all.cases - all.kept : 0;
    const reasons = all
      ? DROP_REASONS.filter((reason) => all.reasons.has(reason))
          .map((reason) => `${reason} ${all.reasons.get(reason)}`)
          .join(", ")
      : "";
    const rate = all
      ? `${isFaithful ? "false drops" : "caught"} ${share(dropped, all.cases)}${reasons ? ` (${reasons})` : ""}`
      : "NO CASES BUILT";
    const exactNote = exact && all && dropped < all.cases ? "  EXACT RULE MISSED" : "";
    console.log(
      `${`${label}${exact ? " [exact rule]" : ""}`.padEnd(44)} ${(isFaithful ? "faithful" : "corrupt").padEnd(9)} ${cells.join(" ")}   ${rate}${exactNote}`,
    );
  }
  const precisionOf = (column: string, include?: (kind: CaseKind) => boolean) => {
    const { correct, kept } = citationPrecision(measured, column, include);
    return `${column} ${share(correct, kept)} of ${kept}`;
  };
  console.log(
    `Precision of kept citations (correct: the bullet is faithful and cites the passage stating it): ${columns.map((column) => precisionOf(column)).join(", ")}`,
  );
  console.log(
    `  without the two "exchanged" kinds (the passage's own names or numbers, reordered: no lexical check sees them): ${columns.map((column) => precisionOf(column, (kind) => !SAME_WORDS_KINDS.has(kind))).join(", ")}`,
  );
  const faithfulKept = cases.filter((labelled) => labelled.faithful).length;
  const keptFaithful = CASE_KINDS.filter((entry) => entry.faithful).reduce(
    (sum, entry) => sum + (measured.byKind.get(entry.kind)?.get("all")?.kept ?? 0),
    0,
  );
  const keptCorrupt = CASE_KINDS.filter((entry) => !entry.faithful).reduce(
    (sum, entry) => sum + (measured.byKind.get(entry.kind)?.get("all")?.kept ?? 0),
    0,
  );
  console.log(
    `Faithful bullets kept ${share(keptFaithful, faithfulKept)}, corrupted bullets caught ${share(cases.length - faithfulKept - keptCorrupt, cases.length - faithfulKept)}; built in ${buildMs.toFixed(0)} ms, verified in ${measured.ms.toFixed(0)} ms${empty > 0 ? `; ${empty} kind(s) had NO cases` : ""}`,
  );
  return measured;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { evalFile } = await import("./eval-data.ts");
  const articles = (file: string, language: LanguageCode) =>
    paragraphArticles(readSquadFormat(evalFile(file)).paragraphs, language);
  printVerificationEvaluation([
    { name: "SQuAD", articles: articles("squad-v1.1-dev-part1.json", "en") },
    { name: "PIAF", articles: articles("piaf-v1.0.json", "fr") },
    { name: "seeds", articles: await seedArticles(), oneStory: true },
  ]);
}
