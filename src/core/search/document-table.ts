import { ensureUint8, ensureUint32 } from "./growable.ts";

/** Per-document data in typed arrays indexed by document number; numbers are never reused until compaction. */
export class DocumentTable {
  readonly fieldCount: number;
  private ids: (string | undefined)[] = [];
  private numbers = new Map<string, number>();
  private alive = new Uint8Array(64);
  private languages = new Uint8Array(64);
  /** Each document's group (see SearchIndex: a filter by group is one array read per document). */
  private groupNumbers = new Uint32Array(64);
  private fieldLengths: Uint32Array<ArrayBuffer>;
  /** Distinct term ids of each document, to update document frequencies on removal. */
  private termPool = new Uint32Array(1024);
  private termPoolLength = 0;
  private termStarts = new Uint32Array(64);
  private termCounts = new Uint32Array(64);
  private lengthTotals: number[];

  constructor(fieldCount: number) {
    this.fieldCount = fieldCount;
    this.fieldLengths = new Uint32Array(64 * fieldCount);
    this.lengthTotals = new Array<number>(fieldCount).fill(0);
  }

  /** Live documents. */
  get size(): number {
    return this.numbers.size;
  }

  /** Document numbers handed out so far, removed ones included. */
  get capacity(): number {
    return this.ids.length;
  }

  get removedCount(): number {
    return this.ids.length - this.numbers.size;
  }

  numberOf(id: string): number | undefined {
    return this.numbers.get(id);
  }

  idOf(document: number): string {
    return this.ids[document] ?? "";
  }

  isAlive(document: number): boolean {
    return this.alive[document] === 1;
  }

  /** Raw views for scoring loops; valid until the next add. */
  get aliveFlags(): Uint8Array {
    return this.alive;
  }

  get languageIndexes(): Uint8Array {
    return this.languages;
  }

  get lengths(): Uint32Array {
    return this.fieldLengths;
  }

  get groups(): Uint32Array {
    return this.groupNumbers;
  }

  setGroup(document: number, group: number): void {
    this.groupNumbers[document] = group;
  }

  averageLength(field: number): number {
    return this.size === 0 ? 0 : (this.lengthTotals[field] ?? 0) / this.size;
  }

  add(id: string, language: number, lengths: readonly number[], terms: readonly number[], group = 0): number {
    const document = this.ids.length;
    this.ids.push(id);
    this.numbers.set(id, document);
    this.alive = ensureUint8(this.alive, document + 1);
    this.languages = ensureUint8(this.languages, document + 1);
    this.groupNumbers = ensureUint32(this.groupNumbers, document + 1);
    this.groupNumbers[document] = group;
    this.fieldLengths = ensureUint32(this.fieldLengths, (document + 1) * this.fieldCount);
    this.termStarts = ensureUint32(this.termStarts, document + 1);
    this.termCounts = ensureUint32(this.termCounts, document + 1);
    this.termPool = ensureUint32(this.termPool, this.termPoolLength + terms.length);
    this.alive[document] = 1;
    this.languages[document] = language;
    for (let field = 0; field < this.fieldCount; field++) {
      const length = lengths[field] ?? 0;
      this.fieldLengths[document * this.fieldCount + field] = length;
      this.lengthTotals[field] = (this.lengthTotals[field] ?? 0) + length;
    }
    this.termStarts[document] = this.termPoolLength;
    this.termCounts[document] = terms.length;
    this.termPool.set(terms, this.termPoolLength);
    this.termPoolLength += terms.length;
    return document;
  }

  /** Marks a document removed and returns its distinct term ids. */
  remove(document: number): Uint32Array {
    const id = this.ids[document];
    if (id !== undefined) this.numbers.delete(id);
    this.ids[document] = undefined;
    this.alive[document] = 0;
    for (let field = 0; field < this.fieldCount; field++) {
      const length = this.fieldLengths[document * this.fieldCount + field] ?? 0;
      this.lengthTotals[field] = (this.lengthTotals[field] ?? 0) - length;
    }
    const start = this.termStarts[document] ?? 0;
    return this.termPool.subarray(start, start + (this.termCounts[document] ?? 0));
  }

  language(document: number): number {
    return this.languages[document] ?? 0;
  }

  /** Renumbers live documents densely; returns old number → new number (-1 for removed documents). */
  compact(): Int32Array {
    const renumber = new Int32Array(this.ids.length).fill(-1);
    const old = {
      ids: this.ids,
      languages: this.languages,
      groups: this.groupNumbers,
      fieldLengths: this.fieldLengths,
      termPool: this.termPool,
      termStarts: this.termStarts,
      termCounts: this.termCounts,
    };
    this.ids = [];
    this.numbers.clear();
    this.alive = new Uint8Array(64);
    this.languages = new Uint8Array(64);
    this.groupNumbers = new Uint32Array(64);
    this.fieldLengths = new Uint32Array(64 * this.fieldCount);
    this.termPool = new Uint32Array(1024);
    this.termPoolLength = 0;
    this.termStarts = new Uint32Array(64);
    this.termCounts = new Uint32Array(64);
    this.lengthTotals.fill(0);
    old.ids.forEach((id, document) => {
      if (id === undefined) return;
      const lengths = Array.from(
        old.fieldLengths.subarray(document * this.fieldCount, (document + 1) * this.fieldCount),
      );
      const start = old.termStarts[document] ?? 0;
      const terms = Array.from(old.termPool.subarray(start, start + (old.termCounts[document] ?? 0)));
      renumber[document] = this.add(
        id,
        old.languages[document] ?? 0,
        lengths,
        terms,
        old.groups[document] ?? 0,
      );
    });
    return renumber;
  }
}
