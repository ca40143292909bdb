/** A max-heap of scored pairs; ties pop the lower (a, b) first so that results never depend on push order. */
export class PairHeap {
  readonly #scores: number[] = [];
  readonly #firsts: number[] = [];
  readonly #seconds: number[] = [];

  get size(): number {
    return this.#scores.length;
  }

  push(score: number, a: number, b: number): void {
    this.#scores.push(score);
    this.#firsts.push(a);
    this.#seconds.push(b);
    this.#siftUp(this.#scores.length - 1);
  }

  /** The best pair, removed, or undefined when empty. */
  pop(): { score: number; a: number; b: number } | undefined {
    const score = this.#scores[0];
    const a = this.#firsts[0];
    const b = this.#seconds[0];
    if (score === undefined || a === undefined || b === undefined) return undefined;
    const last = this.#scores.length - 1;
    this.#swap(0, last);
    this.#scores.pop();
    this.#firsts.pop();
    this.#seconds.pop();
    this.#siftDown(0);
    return { score, a, b };
  }

  #better(i: number, j: number): boolean {
    const si = this.#scores[i] ?? 0;
    const sj = this.#scores[j] ?? 0;
    if (si !== sj) return si > sj;
    const ai = this.#firsts[i] ?? 0;
    const aj = this.#firsts[j] ?? 0;
    return ai !== aj ? ai < aj : (this.#seconds[i] ?? 0) < (this.#seconds[j] ?? 0);
  }

  #swap(i: number, j: number): void {
    for (const array of [this.#scores, this.#firsts, this.#seconds]) {
      const held = array[i] ?? 0;
      array[i] = array[j] ?? 0;
      array[j] = held;
    }
  }

  #siftUp(start: number): void {
    let index = start;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.#better(index, parent)) return;
      this.#swap(index, parent);
      index = parent;
    }
  }

  #siftDown(start: number): void {
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let best = index;
      if (left < this.#scores.length && this.#better(left, best)) best = left;
      if (right < this.#scores.length && this.#better(right, best)) best = right;
      if (best === index) return;
      this.#swap(index, best);
      index = best;
    }
  }
}
