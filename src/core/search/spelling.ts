/**
 * Typo tolerance for query words the index does not know: "Complx" finds "complex", "Inovation" finds
 * "innovation". Terms are compared as the index holds them (analyzed: folded, stemmed), within an edit budget
 * set by the length of the word as typed, as search engines do: none up to 4 letters, one up to 7, two beyond;
 * like Lucene's spell checker, a suggestion keeps the word's first letter. Candidates come from a character-trigram index of the vocabulary (built lazily, extended as the
 * vocabulary grows), filtered by the q-gram lemma and checked by a bounded Damerau-Levenshtein distance.
 */
import type { QueryTerm } from "../text/query.ts";

export interface SpellingVocabulary {
  /** Every term the index has had, in the order first seen; only grows (a forgotten term may be ""). */
  terms(): readonly string[];
  /** Documents holding the term; 0 when none. */
  documentFrequency(term: string): number;
}

/** Weight of a corrected word relative to the word as typed: a guess counts a little less than a match. */
export const CORRECTED_WEIGHT = 0.8;
/**
 * A suggestion for a word of up to 7 letters must occur in at least this many documents: short words have
 * many real-word neighbours, a word seen once is as likely a slip itself, and in a small library an unknown
 * short word is more often a real word the articles lack than a typo ("omzet" is not "opzet").
 */
const MIN_SUGGESTED_FREQUENCY = 2;
/** Languages that write compounds as one word: an unknown long word may be a known word with more after it. */
const COMPOUNDING = new Set(["nl", "de", "af", "da", "sv", "nb", "nn", "no", "is", "fi"]);
/** Only words this long are taken apart, and only into a head this long and this large a share of the word. */
const MIN_COMPOUND = 9;
const MIN_HEAD = 5;
const MIN_HEAD_SHARE = 0.4;
const GRAM = 3;
const PAD = "\u0001".repeat(GRAM - 1);
const DIGIT = /\p{N}/u;

/** Edits allowed for a word of this many letters as typed. */
export function editBudget(typedLength: number): number {
  if (typedLength <= 4) return 0;
  if (typedLength <= 7) return 1;
  return 2;
}

/** The term's padded trigrams, each keyed with the term's first letter: suggestions keep the first letter. */
function grams(term: string): string[] {
  const padded = `${PAD}${term}${PAD}`;
  const first = term[0] ?? "";
  const result: string[] = [];
  for (let index = 0; index + GRAM <= padded.length; index++)
    result.push(first + padded.slice(index, index + GRAM));
  return result;
}

const KEYBOARD_ROWS = [
  ["qwertyuiop", "asdfghjkl", "zxcvbnm"],
  ["azertyuiop", "qsdfghjklm", "wxcvbn"],
];
const VOWELS = new Set("aeiouy");

/** Letter pairs one slip of a finger apart on a QWERTY or AZERTY keyboard (neighbours in a row or the row below). */
const NEIGHBOUR_KEYS = new Set<string>();
for (const rows of KEYBOARD_ROWS) {
  rows.forEach((row, rowIndex) => {
    const below = rows[rowIndex + 1] ?? "";
    [...row].forEach((key, index) => {
      for (const other of [row[index + 1], below[index - 1], below[index]]) {
        if (other === undefined) continue;
        NEIGHBOUR_KEYS.add(key + other);
        NEIGHBOUR_KEYS.add(other + key);
      }
    });
  });
}

/**
 * What replacing one letter by another costs: 1 for a neighbouring key or one vowel for another (the slips
 * and misspellings people make), 2 otherwise, as much as leaving one out and adding the other. So "omzet"
 * is not one typo away from "opzet".
 */
function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  return NEIGHBOUR_KEYS.has(a + b) || (VOWELS.has(a) && VOWELS.has(b)) ? 1 : 2;
}

/**
 * Optimal-string-alignment distance (insertions, deletions and swaps of adjacent letters cost 1, substitutions
 * as `substitutionCost`), or `limit + 1` as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, index) => index);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = substitutionCost(a[i - 1] ?? "", b[j - 1] ?? "");
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? limit + 1;
}

/** The closest known terms to unknown query words. */
export class SpellingCorrector {
  readonly #vocabulary: SpellingVocabulary;
  readonly #postings = new Map<string, number[]>();
  #indexed = 0;
  #counts = new Uint16Array(0);

  constructor(vocabulary: SpellingVocabulary) {
    this.#vocabulary = vocabulary;
  }

  /**
   * The known term closest to `term` within `budget` edits, the most frequent among equally close ones;
   * undefined when there is none (or the term is known, or holds a digit: numbers are not misspelled words).
   */
  suggest(term: string, budget: number): string | undefined {
    if (budget <= 0 || DIGIT.test(term) || this.#vocabulary.documentFrequency(term) > 0) return undefined;
    const terms = this.#extend();
    const own = grams(term);
    const counts = this.#counts;
    const touched: number[] = [];
    for (const gram of new Set(own)) {
      for (const id of this.#postings.get(gram) ?? []) {
        if (counts[id] === 0) touched.push(id);
        counts[id] = (counts[id] ?? 0) + 1;
      }
    }
    let best: string | undefined;
    let bestDistance = budget + 1;
    let bestFrequency = 0;
    for (const id of touched) {
      const shared = counts[id] ?? 0;
      counts[id] = 0;
      const candidate = terms[id] ?? "";
      // q-gram lemma: an edit changes at most GRAM grams, a swap of two letters GRAM + 1.
      const needed = Math.max(term.length, candidate.length) + GRAM - 1 - budget * (GRAM + 1);
      if (shared < needed || candidate.length === 0 || DIGIT.test(candidate)) continue;
      const distance = editDistance(term, candidate, Math.min(budget, bestDistance));
      if (distance > budget || distance > bestDistance) continue;
      const frequency = this.#vocabulary.documentFrequency(candidate);
      if (frequency === 0 || (budget < 2 && frequency < MIN_SUGGESTED_FREQUENCY)) continue;
      if (distance < bestDistance || frequency > bestFrequency) {
        best = candidate;
        bestDistance = distance;
        bestFrequency = frequency;
      }
    }
    return best;
  }

  /**
   * Query words none of whose analyzed forms the index knows, with each form replaced by its closest known
   * term (within the budget of the word as typed) and the weight lowered to CORRECTED_WEIGHT. Words with no
   * close term, and known words, are returned as they are.
   */
  correct(query: readonly QueryTerm[]): QueryTerm[] {
    return query.map((term) => {
      if (term.variants.some((variant) => this.#vocabulary.documentFrequency(variant) > 0)) return term;
      const budget = editBudget([...term.surface].length);
      if (budget === 0) return term;
      const byLanguage = new Map<string, string>();
      let corrected = false;
      const lowerCase = !/^\p{Lu}/u.test(term.surface);
      for (const [language, variant] of term.byLanguage) {
        const suggestion =
          this.suggest(variant, budget) ??
          (lowerCase && COMPOUNDING.has(language) ? this.compoundHead(variant) : undefined);
        if (suggestion !== undefined) corrected = true;
        byLanguage.set(language, suggestion ?? variant);
      }
      if (!corrected) return term;
      return {
        surface: term.surface,
        byLanguage,
        variants: [...new Set(byLanguage.values())],
        weight: term.weight * CORRECTED_WEIGHT,
      };
    });
  }

  /**
   * For a word of a language that writes compounds as one word ("bekendgemaakt", "cybercriminaliteitsbestrijding")
   * that the index does not know: the longest known term it starts with, of at least MIN_HEAD letters and
   * MIN_HEAD_SHARE of the word (a head that long is seldom a chance match, so one document is enough).
   */
  compoundHead(term: string): string | undefined {
    if (term.length < MIN_COMPOUND || DIGIT.test(term)) return undefined;
    const shortest = Math.max(MIN_HEAD, Math.ceil(MIN_HEAD_SHARE * term.length));
    for (let length = term.length - 1; length >= shortest; length--) {
      const head = term.slice(0, length);
      if (this.#vocabulary.documentFrequency(head) > 0) return head;
    }
    return undefined;
  }

  /** Adds the terms the vocabulary gained since the last call to the trigram index. */
  #extend(): readonly string[] {
    const terms = this.#vocabulary.terms();
    if (this.#counts.length < terms.length) {
      const grown = new Uint16Array(Math.max(terms.length, this.#counts.length * 2));
      this.#counts = grown;
    }
    for (; this.#indexed < terms.length; this.#indexed++) {
      const term = terms[this.#indexed] ?? "";
      if (term.length === 0 || DIGIT.test(term)) continue;
      for (const gram of new Set(grams(term))) {
        const list = this.#postings.get(gram);
        if (list) list.push(this.#indexed);
        else this.#postings.set(gram, [this.#indexed]);
      }
    }
    return terms;
  }
}
