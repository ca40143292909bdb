import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** V8's gc(): the one --expose-gc gives (the npm scripts pass it), else one made available now. */
function forcedCollection(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * Memory in use once garbage is gone: JS heap plus ArrayBuffer backing stores (typed-array postings live
 * outside the JS heap). The median of `samples` readings, each after two full collections and a turn of the
 * event loop (backing stores and finalizers are released after the collection that found them dead).
 */
export async function settledMemory(samples = 5): Promise<number> {
  const collect = forcedCollection();
  const readings: number[] = [];
  for (let sample = 0; sample < samples; sample++) {
    collect();
    await new Promise((resolve) => setImmediate(resolve));
    collect();
    const usage = process.memoryUsage();
    readings.push(usage.heapUsed + usage.arrayBuffers);
  }
  return median(readings);
}

/** Bytes a structure kept alive per item: never below 0 (a difference under the noise of a collection is 0). */
export function bytesPer(before: number, after: number, items: number): number {
  return Math.max(0, after - before) / Math.max(1, items);
}
