import { PairHeap } from "./pair-heap.ts";
import type { Edge } from "./similar-pairs.ts";
import type { DayWindows } from "./story-dates.ts";

const EPSILON = 1e-12;

/**
 * Average-link agglomerative clustering over a sparse similarity graph (missing pairs count as 0): the two
 * clusters with the highest mean pairwise similarity merge while that mean reaches `threshold`. Unlike
 * single link it does not chain unrelated stories through one shared name. With `windows`, two clusters whose
 * union would span too many publication days never merge, however alike. Returns clusters of indices.
 */
export function averageLinkClusters(
  count: number,
  edges: readonly Edge[],
  threshold: number,
  windows?: DayWindows,
): number[][] {
  const members: number[][] = Array.from({ length: count }, (_, index) => [index]);
  const links: Array<Map<number, number>> = Array.from({ length: count }, () => new Map());
  const alive = new Uint8Array(count).fill(1);
  const heap = new PairHeap();
  for (const { a, b, similarity } of edges) {
    links[a]?.set(b, similarity);
    links[b]?.set(a, similarity);
    if (similarity >= threshold) heap.push(similarity, Math.min(a, b), Math.max(a, b));
  }
  const mean = (a: number, b: number): number | undefined => {
    const sum = links[a]?.get(b);
    return sum === undefined ? undefined : sum / ((members[a]?.length ?? 1) * (members[b]?.length ?? 1));
  };
  for (let top = heap.pop(); top !== undefined; top = heap.pop()) {
    const { a, b } = top;
    if (alive[a] === 0 || alive[b] === 0) continue;
    // Clusters only grow, so a pair too far apart in time stays so: dropping it is final.
    if (windows && !windows.canMerge(a, b)) continue;
    const current = mean(a, b);
    if (current === undefined || current < threshold) continue;
    if (current < top.score - EPSILON) {
      heap.push(current, a, b);
      continue;
    }
    const [keep, gone] = (members[a]?.length ?? 0) >= (members[b]?.length ?? 0) ? [a, b] : [b, a];
    const changed = merge(keep, gone, links, members);
    alive[gone] = 0;
    windows?.merge(keep, gone);
    // Other neighbours' means only fell: their stale heap entries are corrected when popped.
    for (const neighbour of changed) {
      const value = mean(keep, neighbour);
      if (value !== undefined && value >= threshold)
        heap.push(value, Math.min(keep, neighbour), Math.max(keep, neighbour));
    }
  }
  return members.filter((_, index) => alive[index] === 1);
}

/** Moves `gone` into `keep`; returns the neighbours whose summed similarity to `keep` changed. */
function merge(keep: number, gone: number, links: Array<Map<number, number>>, members: number[][]): number[] {
  const kept = links[keep] ?? new Map<number, number>();
  const changed: number[] = [];
  for (const [neighbour, sum] of links[gone] ?? []) {
    if (neighbour === keep) continue;
    changed.push(neighbour);
    const total = (kept.get(neighbour) ?? 0) + sum;
    kept.set(neighbour, total);
    links[neighbour]?.delete(gone);
    links[neighbour]?.set(keep, total);
  }
  kept.delete(gone);
  links[gone] = new Map();
  members[keep]?.push(...(members[gone] ?? []));
  members[gone] = [];
  return changed;
}
