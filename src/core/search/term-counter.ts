import { ensureUint32 } from "./growable.ts";

/** Counts term occurrences per field for one document at a time, reusing its buffers between documents. */
export class TermCounter {
  private readonly fieldCount: number;
  private generation = 0;
  private stamps = new Uint32Array(1024);
  private slots = new Uint32Array(1024);
  /** Distinct term ids of the current document, in first-seen order. */
  readonly terms: number[] = [];
  /** counts[slot * fieldCount + field] */
  readonly counts: number[] = [];

  constructor(fieldCount: number) {
    this.fieldCount = fieldCount;
  }

  start(): void {
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
    this.terms.length = 0;
    this.counts.length = 0;
  }

  count(term: number, field: number): void {
    this.stamps = ensureUint32(this.stamps, term + 1);
    this.slots = ensureUint32(this.slots, term + 1);
    let slot: number;
    if (this.stamps[term] === this.generation) {
      slot = this.slots[term] ?? 0;
    } else {
      slot = this.terms.length;
      this.stamps[term] = this.generation;
      this.slots[term] = slot;
      this.terms.push(term);
      for (let each = 0; each < this.fieldCount; each++) this.counts.push(0);
    }
    const position = slot * this.fieldCount + field;
    this.counts[position] = (this.counts[position] ?? 0) + 1;
  }
}
