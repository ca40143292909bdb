/**
 * The project's deterministic test embedder: feature hashing, no model, no server. NOT a semantic model: two
 * texts are close when they share words or spellings (names, numbers, cognates such as "terminals" /
 * "terminaux"), never because they mean the same thing in other words. Tests and `npm run eval` use it to
 * exercise the vector code paths with repeatable vectors.
 *
 * A text's words are folded the language-neutral way (NFKC, lower case, accents folded, elisions split; no
 * stems, since the language of an arbitrary text is not known here), the stopwords of every supported
 * language are dropped, and each word adds its own feature plus the character 4-grams of "<word>" to a
 * 256-dimension vector by signed hashing (the sign halves the bias of colliding features); the vector is
 * L2-normalized.
 */
import type { Embedder } from "../ports.ts";
import { analyze, SUPPORTED_LANGUAGES } from "../text/analyze.ts";
import { stopwordsFor } from "../text/stopwords.ts";
import { UNDETERMINED_LANGUAGE } from "../types.ts";

export const HASHING_DIMENSIONS = 256;
const GRAM = 4;
const WORD_WEIGHT = 1;
/**
 * A word of n letters has n - 1 padded 4-grams; at half a word's weight each, a long word's spelling counts
 * for more than its exact form, which is what lets inflections and cognates meet.
 */
const GRAM_WEIGHT = 0.5;
const WORD_SEED = 0x9e3779b9;
const GRAM_SEED = 0x85ebca6b;

const STOPWORDS: ReadonlySet<string> = new Set(
  SUPPORTED_LANGUAGES.flatMap((language) => [...stopwordsFor(language)]),
);

/** FNV-1a over UTF-16 code units from `seed`, then murmur3's finalizer so the low bits mix well. */
function hash(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < text.length; index++) {
    h ^= text.charCodeAt(index);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function addFeature(vector: Float32Array, feature: string, seed: number, weight: number): void {
  const h = hash(feature, seed);
  const slot = h % vector.length;
  vector[slot] = (vector[slot] ?? 0) + (h & 0x80000000 ? -weight : weight);
}

/** The hashed vector of one text (L2-normalized; all zeros for a text without words). */
export function hashingVector(text: string, dimensions = HASHING_DIMENSIONS): Float32Array {
  const vector = new Float32Array(dimensions);
  for (const word of analyze(text, UNDETERMINED_LANGUAGE)) {
    if (STOPWORDS.has(word)) continue;
    addFeature(vector, word, WORD_SEED, WORD_WEIGHT);
    const padded = `<${word}>`;
    for (let start = 0; start + GRAM <= padded.length; start++) {
      addFeature(vector, padded.slice(start, start + GRAM), GRAM_SEED, GRAM_WEIGHT);
    }
  }
  let sum = 0;
  for (const value of vector) sum += value * value;
  if (sum > 0) {
    const scale = 1 / Math.sqrt(sum);
    for (let index = 0; index < vector.length; index++) vector[index] = (vector[index] ?? 0) * scale;
  }
  return vector;
}

export class HashingEmbedder implements Embedder {
  readonly name = `hashing-${HASHING_DIMENSIONS}`;

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((text) => hashingVector(text));
  }
}
