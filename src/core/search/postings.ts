import { ensureUint32 } from "./growable.ts";

const MAX_FREQUENCY = 0xffff;
const NO_POSTINGS = new Uint32Array(0);

/**
 * Posting lists of every term, one Uint32Array per term: each posting is a document number followed by the
 * term's frequency in each field, two 16-bit frequencies to a word. No object per posting, none per term.
 */
export class PostingStore {
  readonly fieldCount: number;
  /** Words per posting: the document number, then the packed field frequencies. */
  readonly stride: number;
  private lists: Uint32Array<ArrayBuffer>[] = [];
  private lengths = new Uint32Array(64);
  /** Live postings per term: the document frequency once removed documents are discounted. */
  private live = new Uint32Array(64);
  /** Ids of terms left without postings by compaction, handed out again by addTerm. */
  private freeTerms: number[] = [];

  constructor(fieldCount: number) {
    this.fieldCount = fieldCount;
    this.stride = 1 + Math.ceil(fieldCount / 2);
  }

  /** Adds a term with no postings and returns its id. */
  addTerm(): number {
    const reused = this.freeTerms.pop();
    if (reused !== undefined) return reused;
    const id = this.lists.length;
    this.lists.push(NO_POSTINGS);
    this.lengths = ensureUint32(this.lengths, id + 1);
    this.live = ensureUint32(this.live, id + 1);
    return id;
  }

  /** Appends a posting; documents must be appended in increasing number. */
  append(term: number, document: number, frequencies: ArrayLike<number>, offset = 0): void {
    const length = this.lengths[term] ?? 0;
    const base = length * this.stride;
    let list = this.lists[term] ?? NO_POSTINGS;
    if (base + this.stride > list.length) {
      list = ensureUint32(list, base + this.stride);
      this.lists[term] = list;
    }
    list[base] = document;
    for (let field = 0; field < this.fieldCount; field++) {
      const frequency = Math.min(frequencies[offset + field] ?? 0, MAX_FREQUENCY);
      const word = base + 1 + (field >> 1);
      list[word] = field & 1 ? ((list[word] ?? 0) | (frequency << 16)) >>> 0 : frequency;
    }
    this.lengths[term] = length + 1;
    this.live[term] = (this.live[term] ?? 0) + 1;
  }

  /** Records that one document holding the term was removed; its posting stays until `compact`. */
  discount(term: number): void {
    this.live[term] = (this.live[term] ?? 1) - 1;
  }

  documentFrequency(term: number): number {
    return this.live[term] ?? 0;
  }

  /** The raw list and its posting count, for scoring loops. */
  list(term: number): { data: Uint32Array; length: number } {
    return { data: this.lists[term] ?? NO_POSTINGS, length: this.lengths[term] ?? 0 };
  }

  /**
   * Drops postings of removed documents and renumbers the rest with `renumber` (-1 = removed). Returns the
   * terms left without postings; their ids will be reused.
   */
  compact(renumber: Int32Array): number[] {
    const stride = this.stride;
    const emptied: number[] = [];
    const alreadyFree = new Set(this.freeTerms);
    for (let term = 0; term < this.lists.length; term++) {
      const list = this.lists[term];
      if (list === undefined || alreadyFree.has(term)) continue;
      const length = this.lengths[term] ?? 0;
      let kept = 0;
      for (let posting = 0; posting < length; posting++) {
        const from = posting * stride;
        const document = renumber[list[from] ?? 0] ?? -1;
        if (document < 0) continue;
        const to = kept * stride;
        list.copyWithin(to, from, from + stride);
        list[to] = document;
        kept++;
      }
      this.lengths[term] = kept;
      this.live[term] = kept;
      if (kept === 0) {
        this.lists[term] = NO_POSTINGS;
        emptied.push(term);
      } else if (kept * stride < list.length / 2) {
        this.lists[term] = list.slice(0, kept * stride);
      }
    }
    this.freeTerms.push(...emptied);
    return emptied;
  }
}

/** Reads the frequency of `field` from the posting starting at `base`. */
export function fieldFrequency(list: Uint32Array, base: number, field: number): number {
  const word = list[base + 1 + (field >> 1)] ?? 0;
  return field & 1 ? word >>> 16 : word & MAX_FREQUENCY;
}
