/**
 * The `limit` best candidates by score (ties: lower document number first), best first, using a min-heap of
 * size `limit`. `accept` is asked only about candidates that would enter the heap.
 */
export function selectTop(
  candidates: ArrayLike<number>,
  candidateCount: number,
  scores: Float64Array,
  limit: number,
  accept: (document: number) => boolean,
): number[] {
  const heap: number[] = [];
  const worse = (a: number, b: number): boolean => {
    const scoreA = scores[a] ?? 0;
    const scoreB = scores[b] ?? 0;
    return scoreA < scoreB || (scoreA === scoreB && a > b);
  };
  const siftDown = (start: number): void => {
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < heap.length && worse(heap[left] ?? 0, heap[smallest] ?? 0)) smallest = left;
      if (right < heap.length && worse(heap[right] ?? 0, heap[smallest] ?? 0)) smallest = right;
      if (smallest === index) return;
      [heap[index], heap[smallest]] = [heap[smallest] ?? 0, heap[index] ?? 0];
      index = smallest;
    }
  };
  const siftUp = (start: number): void => {
    let index = start;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!worse(heap[index] ?? 0, heap[parent] ?? 0)) return;
      [heap[index], heap[parent]] = [heap[parent] ?? 0, heap[index] ?? 0];
      index = parent;
    }
  };
  if (limit <= 0) return [];
  for (let position = 0; position < candidateCount; position++) {
    const document = candidates[position] ?? 0;
    if (heap.length === limit && !worse(heap[0] ?? 0, document)) continue;
    if (!accept(document)) continue;
    if (heap.length < limit) {
      heap.push(document);
      siftUp(heap.length - 1);
    } else {
      heap[0] = document;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
